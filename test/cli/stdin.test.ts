// `persim run -` (and validate, explain) read the scenario from standard input: the same
// summary as from the file, named `<stdin>`; errors name `<stdin>` with line and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const FILE = 'scenarios/01-biphasic-kill.yaml';

describe('persim run -', () => {
  it('runs the scenario read from stdin: the same results as from the file', () => {
    const text = readFileSync(join(ROOT, FILE), 'utf8');
    const dir = tempDir();
    const args = ['--replicates', '2', '--no-charts', '--format', 'json'];
    const fromStdin = persim(['run', '-', ...args, '--out', join(dir, 'stdin')], { input: text });
    expect(fromStdin.status).toBe(0);
    const fromFile = persim(['run', FILE, ...args, '--out', join(dir, 'file')]);
    const a = JSON.parse(fromStdin.stdout);
    const b = JSON.parse(fromFile.stdout);
    expect(a.scenario.file).toBe('<stdin>');
    expect(a.scenario.sha256).toBe(b.scenario.sha256);
    a.scenario.file = b.scenario.file;
    expect(a).toEqual(b);
    expect(readFileSync(join(dir, 'stdin/timeseries.csv'), 'utf8')).toBe(readFileSync(join(dir, 'file/timeseries.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'stdin/scenario.yaml'), 'utf8')).toBe(text);
  });

  it('names <stdin> with line and column in errors, exit 2, nothing written', () => {
    const dir = tempDir();
    const r = persim(['run', '-', '--out', join(dir, 'x')], { input: 'name: broken\nreplicates: 2\ntime:\n  horizon: -5d\n' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>:4:12: time\.horizon: /m);
    expect(r.stderr).toMatch(/^<stdin>:1:1: population: missing required field/m);
    expect(r.stdout).toBe('');
  });

  it('an empty stdin is bad input naming <stdin>', () => {
    const r = persim(['validate', '-'], { input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>/);
  });

  it('explain - reads stdin too', () => {
    const r = persim(['explain', '-'], { input: readFileSync(join(ROOT, FILE), 'utf8') });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(persim(['explain', FILE]).stdout);
  });
});
