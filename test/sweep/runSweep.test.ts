// Running a sweep in-process (main-thread executors): each point's replicates are exactly
// what `persim run` gives for that point's scenario, the bytes do not depend on how many
// executors share the work, and an interrupted sweep resumes to the same bytes, from a
// journal that tolerates a damaged file and refuses to mix sweeps.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { InlineExecutor } from '../../src/sweep/executors.js';
import { planSweep, type SweepOptions } from '../../src/sweep/plan.js';
import { runRecord } from '../../src/sweep/runRecord.js';
import { runSweep, type RunSweepOptions } from '../../src/sweep/runSweep.js';
import { WHOLE } from '../../src/sweep/shard.js';
import type { SweepProgress } from '../../src/sweep/progress.js';
import { tempDir } from '../helpers/cli.js';
import { SMALL, snapshot } from './fixtures.js';

const OPTIONS: SweepOptions = { vary: ['drugs.blocker.potency=0,0.5,0.9', 'switch.exit_rate=0.005/h,0.02/h'], replicates: '3', set: [] };
const plan = planSweep('small.yaml', SMALL, OPTIONS);

const inline = (n: number) => Array.from({ length: n }, () => new InlineExecutor());
const options = (outDir: string, extra: Partial<RunSweepOptions> = {}): RunSweepOptions => ({
  outDir, shard: WHOLE, resume: false, workers: 2, executors: inline, ...extra,
});

/** Aborts the sweep once `points` points are finished. */
function abortAfter(points: number, controller: AbortController): SweepProgress {
  return { start() {}, stop() {}, update: (_tasks, done) => (done >= points ? controller.abort() : undefined) };
}

describe('runSweep', () => {
  it('each point holds exactly the replicates persim run gives for its scenario', async () => {
    const out = tempDir();
    const outcome = await runSweep(plan, options(out));
    expect(outcome.status).toBe('done');
    for (const point of [0, 5]) {
      const record = JSON.parse(readFileSync(join(out, 'points', `point-00000${point}.json`), 'utf8'));
      const expected = simulate(plan.scenarios[point]).outcomes.map(runRecord);
      expect(record.runs).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(record.set).toEqual(plan.points[point].sets);
    }
  });

  it('common random numbers: two points with the same parameters have the same replicates', async () => {
    const twin = planSweep('small.yaml', SMALL, { vary: ['drugs.blocker.potency=0.5,0.5,0.9'], replicates: '3', set: [] });
    const out = tempDir();
    await runSweep(twin, options(out));
    const runs = (i: number) => JSON.parse(readFileSync(join(out, 'points', `point-00000${i}.json`), 'utf8')).runs;
    expect(runs(0)).toEqual(runs(1));
    expect(runs(2)).not.toEqual(runs(0));
  });

  it('gives the same bytes with 1 and with 3 executors', async () => {
    const a = tempDir();
    const b = tempDir();
    await runSweep(plan, options(a, { workers: 1 }));
    await runSweep(plan, options(b, { workers: 3 }));
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('an interrupted sweep resumes to the bytes of an uninterrupted one', async () => {
    const reference = tempDir();
    await runSweep(plan, options(reference));
    const out = tempDir();
    const controller = new AbortController();
    const first = await runSweep(plan, options(out, { signal: controller.signal, progress: abortAfter(2, controller), workers: 1 }));
    expect(first.status).toBe('stopped');
    if (first.status !== 'stopped') return;
    expect(first.done).toBeGreaterThanOrEqual(2);
    expect(first.done).toBeLessThan(plan.points.length);
    await expect(runSweep(plan, options(out))).rejects.toThrow(/holds an unfinished run of this sweep \(\d of 6 points done\); add --resume/);
    const second = await runSweep(plan, options(out, { resume: true }));
    expect(second).toMatchObject({ status: 'done', resumed: first.done });
    expect(snapshot(out)).toEqual(snapshot(reference));
  });

  it('a damaged point file is run again; temporary files are ignored', async () => {
    const reference = tempDir();
    await runSweep(plan, options(reference));
    const out = tempDir();
    await runSweep(plan, options(out));
    writeFileSync(join(out, 'points', 'point-000001.json'), '{"point":1,"set":["drugs.blocker.pot');
    writeFileSync(join(out, 'points', '.point-000002.json.999.tmp'), 'partial');
    const again = await runSweep(plan, options(out, { resume: true }));
    expect(again).toMatchObject({ status: 'done', resumed: 5 });
    expect(snapshot(out)).toEqual(snapshot(reference));
  });

  it('--resume refuses a directory that holds another sweep', async () => {
    const out = tempDir();
    await runSweep(plan, options(out));
    const other = planSweep('small.yaml', SMALL, { ...OPTIONS, replicates: '4' });
    await expect(runSweep(other, options(out, { resume: true }))).rejects.toThrow(/cannot resume: .* holds a different sweep \(the overrides differ/);
    await expect(runSweep(plan, options(out, { resume: true, shard: { index: 1, count: 2 } }))).rejects.toThrow(/started as the whole sweep, this is shard 1\/2/);
  });
});
