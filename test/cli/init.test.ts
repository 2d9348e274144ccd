// `persim init [name]`: a commented starter scenario that validates and runs as written, and
// never overwrites an existing file (exit 1 naming it, the file unchanged, no temp file left).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, tempDir } from '../helpers/cli.js';

describe('persim init', () => {
  it('writes a commented starter that validates and runs', () => {
    const dir = tempDir();
    const r = persim(['init', 'trial'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote trial.yaml');
    const text = readFileSync(join(dir, 'trial.yaml'), 'utf8');
    expect(text).toMatch(/^name: "trial"$/m);
    expect(text.split('\n').filter((l) => l.includes('# ')).length).toBeGreaterThan(25);
    const schema = text.match(/^# yaml-language-server: \$schema=(.+)$/m)?.[1];
    expect(schema).toBeDefined();
    expect(existsSync(resolve(dir, schema ?? ''))).toBe(true);

    const v = persim(['validate', 'trial.yaml', '--format', 'json'], { cwd: dir });
    expect(v.status).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, name: 'trial', replicates: 10, doses: 6, drugs: ['chemo'] });
    const run = persim(['run', 'trial.yaml', '--no-charts', '--format', 'json', '--quiet', '--out', 'out'], { cwd: dir });
    expect(run.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf8'));
    expect(summary.replicates).toBe(10);
    expect(summary.scenario.name).toBe('trial');
    // The schedule kills: every replicate falls at least a hundredfold below the 10^4 initial cells.
    const nadirs: number[] = summary.runs.map((p: { nadir_cells: number }) => p.nadir_cells);
    expect(nadirs).toHaveLength(10);
    for (const n of nadirs) expect(n).toBeLessThan(100);
  });

  it('refuses to overwrite an existing file: exit 1 naming it, the file unchanged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.yaml'), 'my own work\n');
    const r = persim(['init', 'mine'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('mine.yaml already exists');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('my own work\n');
    expect(readdirSync(dir)).toEqual(['mine.yaml']);
  });

  it('defaults to my-scenario.yaml, keeps a .yml name and creates missing folders', () => {
    const dir = tempDir();
    expect(persim(['init'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'my-scenario.yaml'), 'utf8')).toMatch(/^name: "my-scenario"$/m);
    expect(persim(['init', 'sub/folder/b.yml'], { cwd: dir }).status).toBe(0);
    const b = join(dir, 'sub/folder/b.yml');
    expect(readFileSync(b, 'utf8')).toMatch(/^name: "b"$/m);
    expect(readdirSync(dirname(b))).toEqual(['b.yml']);
    expect(persim(['validate', b]).status).toBe(0);
  });
});
