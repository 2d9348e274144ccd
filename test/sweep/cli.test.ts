// `persim sweep` and `persim merge` end to end, from the built bundle with real worker
// threads: the same bytes for 1 and 2 workers and for three shards merged; a sweep killed
// mid-way (Ctrl-C or a crash) resumes to the same bytes; bad input exits 2 with a clear
// message and writes nothing; merge refuses shards that are not of one sweep.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, persim, persimInProcess, tempDir } from '../helpers/cli.js';
import { SMALL, scenarioFile, snapshot } from './fixtures.js';

const OUTPUTS = ['sweep.csv', 'runs.csv', 'sweep.json', 'sweep.png'];
const VARY = ['--vary', 'drugs.blocker.potency=0..0.9:lin:7', '--vary', 'switch.exit_rate=0.01/h', '--replicates', '4', '-q'];

function sweep(file: string, out: string, ...extra: string[]) {
  const r = persim(['sweep', file, ...VARY, '--out', out, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r;
}

describe('same bytes whatever the workers and the shards', () => {
  const file = scenarioFile();
  const dir = tempDir();
  const at = (name: string) => join(dir, name);

  it('1 worker and 2 workers', () => {
    sweep(file, at('w2'), '--workers', '2');
    sweep(file, at('w1'), '--workers', '1');
    for (const f of OUTPUTS) expect(readFileSync(at(`w1/${f}`)), f).toEqual(readFileSync(at(`w2/${f}`)));
    expect(snapshot(at('w1'))).toEqual(snapshot(at('w2')));
  });

  it('shards 0/3, 1/3 and 2/3 merged give the bytes of the unsharded sweep', () => {
    for (const i of [0, 1, 2]) sweep(file, at(`shard${i}`), '--shard', `${i}/3`);
    expect(readdirSync(at('shard1/points')).filter((f) => f.startsWith('point-'))).toEqual(['point-000001.json', 'point-000004.json']);
    const r = persim(['merge', at('shard2'), at('shard0'), at('shard1'), '--out', at('merged')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/merged 3 directories, 7 points x 4 replicates/);
    for (const f of OUTPUTS) expect(readFileSync(at(`merged/${f}`)), f).toEqual(readFileSync(at(`w2/${f}`)));
    expect(snapshot(at('merged'))).toEqual(snapshot(at('w2')));
  });

  it('merge refuses a missing shard, another scenario, another version, an unfinished shard', () => {
    const missing = persim(['merge', at('shard0'), at('shard1'), '--out', at('m1')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/the shards do not cover the sweep: 2 of 7 points are missing \(2, 5\); they belong to shard 2\/3/);

    const edited = scenarioFile(SMALL.replace('seed: 3', 'seed: 3 # edited'));
    sweep(edited, at('other1'), '--shard', '1/3');
    const other = persim(['merge', at('shard0'), at('other1'), at('shard2'), '--out', at('m2')]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/are not shards of one sweep: the scenario files differ \(sha256/);

    cpSync(at('shard1'), at('old1'), { recursive: true });
    const json = JSON.parse(readFileSync(at('old1/sweep.json'), 'utf8'));
    writeFileSync(at('old1/sweep.json'), JSON.stringify({ ...json, persim_version: '0.0.9' }));
    const old = persim(['merge', at('shard0'), at('old1'), at('shard2'), '--out', at('m3')]);
    expect(old.status).toBe(2);
    expect(old.stderr).toMatch(/are not shards of one sweep: persim versions differ \(\S+ and 0\.0\.9\)/);

    const unfinished = persim(['merge', at('shard0'), join(dir, 'nowhere'), '--out', at('m4')]);
    expect(unfinished.status).toBe(2);
    expect(unfinished.stderr).toMatch(/nowhere: no sweep\.json/);
    for (const m of ['m1', 'm2', 'm3', 'm4']) expect(existsSync(at(m))).toBe(false);
  });
});

describe('a sweep killed mid-way resumes to the same bytes', () => {
  const args = (out: string, workers: string) => ['sweep', 'scenarios/15-entry-blockade-sweep.yaml', '--vary', 'drugs.fosl1i.potency=0..0.99:lin:12', '--replicates', '8', '--out', out, '--workers', workers, '-q'];
  const reference = tempDir();

  async function killMidway(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [join(ROOT, 'bin/persim.js'), ...args(out, '1')], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const done = () => (existsSync(join(out, 'points')) ? readdirSync(join(out, 'points')).filter((f) => f.startsWith('point-')).length : 0);
    const deadline = Date.now() + 60_000;
    while (done() < 1 && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill(signal);
    const code = await exited;
    expect(done()).toBeGreaterThanOrEqual(1);
    expect(done()).toBeLessThan(12); // it was stopped mid-way, not after the end
    expect(existsSync(join(out, 'sweep.csv'))).toBe(false);
    return { code, stderr };
  }

  it('Ctrl-C: exit 130, finished points kept, the resume command printed', async () => {
    expect(persim(args(reference, '2')).status).toBe(0);
    const out = tempDir();
    const { code, stderr } = await killMidway(out, 'SIGINT');
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: \d+ of 12 points finished, kept in .*points\nresume with: persim sweep scenarios\/15-entry-blockade-sweep\.yaml .* --resume\n/);
    const resumed = persim([...args(out, '2'), '--resume']);
    expect(resumed.status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(reference));
  });

  it('a crash (SIGKILL) leaves no partial point; --resume finishes the same bytes', async () => {
    const out = tempDir();
    await killMidway(out, 'SIGKILL');
    const refused = persim(args(out, '2'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/holds an unfinished run of this sweep .* add --resume/);
    expect(persim([...args(out, '2'), '--resume']).status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(reference));
  });
});

describe('bad sweep input: exit 2, a clear message, nothing written', () => {
  const file = scenarioFile();

  it.each([
    ['an unknown path', ['--vary', 'switch.entry_ratez=0,1'], /--vary switch\.entry_ratez=0,1: .*unknown key 'entry_ratez'.*did you mean 'entry_rate'/],
    ['an empty range', ['--vary', 'switch.exit_rate=0.02..0.01:lin:3'], /empty range: the upper end \(0\.01\) is below the lower end \(0\.02\)/],
    ['a log range through zero', ['--vary', 'switch.exit_rate=0..0.01:log:3'], /a log range cannot reach or cross zero/],
    ['shard 3/3', ['--vary', 'switch.exit_rate=0,0.01', '--shard', '3/3'], /--shard 3\/3: shard index 3 is out of range for 3 shards; shards count from 0/],
    ['a bad worker count', ['--vary', 'switch.exit_rate=0,0.01', '--workers', '0'], /--workers must be a whole number >= 1/],
    ['an unknown metric', ['--vary', 'switch.exit_rate=0,0.01', '--metric', 'speed'], /unknown metric 'speed'/],
  ])('%s', async (_name, extra, message) => {
    const out = join(tempDir(), 'out');
    const r = await persimInProcess(['sweep', file, ...extra, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('the built CLI exits 2 too', () => {
    const out = join(tempDir(), 'out');
    const r = persim(['sweep', file, '--vary', 'switch.exit_rate=0..0.01:log:3', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^persim: --vary switch\.exit_rate=0\.\.0\.01:log:3: a log range cannot reach or cross zero/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--help', () => {
  it('sweep explains every option, the specs and the metrics, with examples', () => {
    const r = persim(['sweep', '--help']);
    expect(r.status).toBe(0);
    for (const opt of ['--vary', '--sample', '--replicates', '--metric', '--set', '--seed', '--workers', '--shard', '--resume', '--out', '--quiet']) expect(r.stdout).toContain(opt);
    for (const text of ['1e-5..1e-2:log:10', 'lhs:N', 'median_relapse_h', 'Examples:', '$SLURM_ARRAY_TASK_ID']) expect(r.stdout).toContain(text);
  });

  it('merge explains its options with examples', () => {
    const r = persim(['merge', '--help']);
    expect(r.status).toBe(0);
    for (const text of ['<dirs...>', '--out', '--metric', '--quiet', 'Examples:']) expect(r.stdout).toContain(text);
  });
});
