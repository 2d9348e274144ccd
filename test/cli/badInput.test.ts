// Every kind of bad input, end to end: exit code 2, a message naming the file, the line and
// the field, no output left behind, and no hang. The first cases run the built CLI as a
// process; the others call its main() in this process (the same code without a Node start-up
// per call), as do the checks that follow, but for one usage error and the missing file.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, persimInProcess, tempDir, type CliResult } from '../helpers/cli.js';

const VALID = `name: bad input test
replicates: 2
time:
  horizon: 5d
population:
  initial: 100
phenotypes:
  sensitive:
    doubling_time: 40h
  persister:
    division_rate: 0.001/h
switch:
  model: two-state
  entry_rate: 1e-3/h
  exit_rate: 0.01/h
drugs:
  - name: chemo
    effect: kill
    potency: 0.08/h
    schedule:
      - at: [1d]
        dose: 2
        duration: 24h
relapse:
  relative: 1.0
`;

/** Replaces the first line containing `find` with `replace`. */
const edit = (find: string, replace: string) => {
  const lines = VALID.split('\n');
  const i = lines.findIndex((l) => l.includes(find));
  if (i < 0) throw new Error(`no line with ${find}`);
  lines[i] = replace;
  return lines.join('\n');
};

const lineOf = (text: string, find: string) => text.split('\n').findIndex((l) => l.includes(find)) + 1;

interface Case {
  name: string;
  text: string;
  /** The line the error must name (1-based), or null when there is no meaningful line. */
  line: number | null;
  /** Text the message must contain (the field path, or the problem). */
  mentions: string[];
}

const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);

const cases: Case[] = [
  { name: 'YAML syntax error', text: edit('  horizon: 5d', '  horizon: [5d'), line: null, mentions: [] },
  { name: 'unknown key', text: edit('  exit_rate: 0.01/h', '  exit_rat: 0.01/h'), line: lineOf(VALID, 'exit_rate'), mentions: ['exit_rat', "did you mean 'exit_rate'"] },
  { name: 'wrong type', text: edit('replicates: 2', 'replicates: many'), line: 2, mentions: ['replicates'] },
  { name: 'negative rate', text: edit('  entry_rate: 1e-3/h', '  entry_rate: -1e-3/h'), line: lineOf(VALID, 'entry_rate'), mentions: ['switch.entry_rate'] },
  { name: 'fraction outside [0,1]', text: edit('  initial: 100', '  initial: 100\n  persister_fraction: 1.5'), line: 7, mentions: ['population.persister_fraction'] },
  { name: 'unknown unit', text: edit('    potency: 0.08/h', '    potency: 0.08/fortnight'), line: lineOf(VALID, 'potency'), mentions: ['drugs[0].potency', 'fortnight'] },
  {
    name: 'both doubling_time and division_rate',
    text: edit('    doubling_time: 40h', '    doubling_time: 40h\n    division_rate: 0.02/h'),
    line: null,
    mentions: ['phenotypes.sensitive', 'doubling_time', 'division_rate'],
  },
  { name: 'unknown drug effect', text: edit('    effect: kill', '    effect: maim'), line: lineOf(VALID, 'effect: kill'), mentions: ['drugs[0].effect', 'maim'] },
  { name: 'both relapse.relative and relapse.cells', text: VALID + '  cells: 1e9\n', line: null, mentions: ['relapse'] },
  { name: 'zero replicates', text: edit('replicates: 2', 'replicates: 0'), line: 2, mentions: ['replicates'] },
  { name: 'zero dt', text: edit('  horizon: 5d', '  horizon: 5d\n  dt: 0h'), line: 5, mentions: ['time.dt'] },
  { name: 'empty file', text: '', line: null, mentions: ['empty'] },
  { name: 'a top-level list', text: '- name: a\n- name: b\n', line: 1, mentions: [] },
  { name: 'an alias bomb', text: bomb.join('\n') + '\n', line: null, mentions: ['alias'] },
];

/** The built CLI as a process for the first cases, main() in-process for the others. */
const SPAWNED = new Set(['YAML syntax error', 'unknown key']);

describe('bad input: exit 2, a located message, nothing written', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const cli = async (args: string[]): Promise<CliResult> => (SPAWNED.has(c.name) ? persim(args, { timeoutMs: 20_000 }) : persimInProcess(args));
      const dir = tempDir();
      const file = join(dir, 'scenario.yaml');
      writeFileSync(file, c.text);
      const out = join(dir, 'out');
      const t0 = performance.now();
      const r = await cli(['run', file, '--out', out]);
      expect(performance.now() - t0).toBeLessThan(15_000);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(file);
      if (c.line !== null) expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:${c.line}:\\d+`));
      else expect(r.stderr).toMatch(/:\d+:\d+/);
      for (const m of c.mentions) expect(r.stderr.toLowerCase()).toContain(m.toLowerCase());
      expect(existsSync(out)).toBe(false);
      const v = await cli(['validate', file]);
      expect(v.status).toBe(2);
      expect(v.stderr).toBe(r.stderr);
    });
  }

  it('a missing file', () => {
    const dir = tempDir();
    const r = persim(['run', join(dir, 'nope.yaml'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope.yaml');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a bad --set names the override', async () => {
    const dir = tempDir();
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, VALID);
    const r = await persimInProcess(['run', file, '--out', join(dir, 'out'), '--set', 'switch.entry_rate=fast']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--set switch.entry_rate=fast');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('usage errors: an unknown option, a missing argument, a bad --format', async () => {
    expect(persim(['run', '--no-such-option']).status).toBe(2);
    expect((await persimInProcess(['run'])).status).toBe(2);
    expect((await persimInProcess(['frobnicate'])).status).toBe(2);
    const dir = tempDir();
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, VALID);
    const r = await persimInProcess(['run', file, '--format', 'xml', '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('validate prints a one-line summary for a good file', async () => {
    const dir = tempDir();
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, VALID);
    const r = await persimInProcess(['validate', file]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('bad input test');
  });

  it("validate checks a sweep: block's design: its size when good, the value at fault when not", async () => {
    const dir = tempDir();
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, `${VALID}sweep:\n  vary:\n    drugs.chemo.potency: 0.01/h..0.1/h:log:4\n    switch.exit_rate: [0.01/h, 0.02/h]\n`);
    const ok = await persimInProcess(['validate', file]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('a sweep of 8 points over drugs.chemo.potency x switch.exit_rate');
    writeFileSync(file, `${VALID}sweep:\n  vary:\n    switch.exit_rate: [0.01/h, -1/h]\n`);
    const bad = await persimInProcess(['validate', file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/scenario\.yaml:\d+:\d+: sweep\.vary\.switch\.exit_rate: at the value -1\/h/);
  });
});
