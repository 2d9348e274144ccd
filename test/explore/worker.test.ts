// The explorer's workers run the command line's engine: the dish's replicate, advanced in
// slices, ends exactly where `persim run` ends replicate 1, and the background batch gives
// the same replicates as simulate(); a newer batch stops an older one; a tumour that
// outgrows the explorer stops with its relapse kept and its later counts NaN; one that starts
// larger than the explorer holds (lesson 13) runs on the population engine, as persim run
// runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplicate, simulate } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { runBatch } from '../../src/explore/worker/batchRun.js';
import { levelQuantiles } from '../../src/explore/worker/levelQuantiles.js';
import { LiveRun } from '../../src/explore/worker/liveRun.js';
import type { BatchReplicate } from '../../src/explore/worker/protocol.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const text = (f: string) => readFileSync(join(SCENARIOS, f), 'utf8');
const hooks = (out: BatchReplicate[], current = () => true) => ({
  now: () => performance.now(),
  pause: () => Promise.resolve(),
  current,
  done: (r: BatchReplicate) => out.push(r),
});

describe('live run', () => {
  it.each(['04-fosl1-switch.yaml', '02-drug-holiday.yaml'])('%s: replicate 1 in slices ends as persim run ends it', (file) => {
    const sets = ['time.horizon=20d'];
    const s = loadScenarioText(text(file), file, sets);
    const expected = runReplicate(s, compileTimeline(s), 1);
    let t = 0;
    let ticks = 0; // a clock that runs out of slice every 40 calls
    const live = new LiveRun({ text: text(file), file, sets }, 1, () => ticks++);
    let frame = live.frame();
    expect(frame.t).toBe(0);
    while (!frame.finished) {
      const before = frame.t;
      t = Math.max(t, before) + 7.3;
      frame = live.advance(t);
      expect(frame.t).toBeGreaterThan(before);
    }
    expect([frame.sensitive, frame.persister]).toEqual([expected.final.sensitive, expected.final.persister]);
    expect(frame.divisions).toBe(expected.counters.divisions);
    expect(frame.relapseH).toBe(expected.relapseH);
    expect(frame.limited).toBe(false);
    if (s.switch.model === 'fosl1') expect(frame.levelsSensitive?.length).toBe(33);
    else expect(frame.levelsSensitive).toBeNull();
  });

  it('runs a tumour too large for the agent engine on the population engine, as persim run does', () => {
    const file = '13-clinical-scale.yaml';
    const sets = ['time.horizon=120d'];
    const s = loadScenarioText(text(file), file, sets);
    const expected = simulate(s, { replicates: [1] });
    expect(expected.engine.engine).toBe('population');
    const live = new LiveRun({ text: text(file), file, sets }, 1, () => 0);
    let frame = live.frame();
    expect(frame.sensitive + frame.persister).toBe(1e11);
    let frames = 0;
    while (!frame.finished) {
      frame = live.advance(frame.t + 24);
      frames++;
    }
    const o = expected.outcomes[0];
    expect([frame.sensitive, frame.persister]).toEqual([o.final.sensitive, o.final.persister]);
    expect([frame.divisions, frame.deaths, frame.entries]).toEqual([o.counters.divisions, o.counters.deaths, o.counters.entries]);
    expect(frame.divisions).toBeGreaterThan(1e11); // the tallies that drive the dish's dots
    expect(frames).toBeGreaterThan(60);
    expect(frame.limited).toBe(false);
  });

  it('stops where the tumour outgrows the explorer', () => {
    const file = '03-continuous-vs-pulsed.yaml';
    const live = new LiveRun({ text: text(file), file, sets: ['population.initial=1e6', 'drugs.chemo.potency=0'] }, 1, () => 0);
    let frame = live.frame();
    while (!frame.finished) frame = live.advance(frame.t + 24);
    expect(frame.limited).toBe(true);
    expect(frame.t).toBeLessThan(42 * 24);
    expect(frame.relapseH).toBe(0);
  });
});

describe('batch', () => {
  it('gives the replicates of simulate()', async () => {
    const file = '01-biphasic-kill.yaml';
    const sets = ['population.initial=5000', 'replicates=4'];
    const sim = simulate(loadScenarioText(text(file), file, sets));
    const out: BatchReplicate[] = [];
    await runBatch({ text: text(file), file, sets }, 4, hooks(out));
    expect(out.map((r) => r.replicate)).toEqual([1, 2, 3, 4]);
    out.forEach((r, i) => {
      expect(r.relapseH).toBe(sim.outcomes[i].relapseH);
      expect(Array.from(r.persister)).toEqual(Array.from(sim.outcomes[i].persister));
      expect(r.limited).toBe(false);
    });
  });

  it('gives the population engine\'s replicates for a tumour too large for the agent engine', async () => {
    const file = '13-clinical-scale.yaml';
    const sets = ['time.horizon=120d', 'replicates=2'];
    const sim = simulate(loadScenarioText(text(file), file, sets));
    const out: BatchReplicate[] = [];
    await runBatch({ text: text(file), file, sets }, 2, hooks(out));
    expect(out.map((r) => r.replicate)).toEqual([1, 2]);
    out.forEach((r, i) => {
      expect(Array.from(r.sensitive)).toEqual(Array.from(sim.outcomes[i].sensitive));
      expect(Array.from(r.persister)).toEqual(Array.from(sim.outcomes[i].persister));
      expect(r.limited).toBe(false);
    });
    expect(out[0].sensitive[0]).toBeGreaterThan(9e10);
    expect(out[0].persister[10]).toBeGreaterThan(1e8); // the first dose drives cells into persistence
  });

  it('stops when a newer batch starts', async () => {
    const file = '01-biphasic-kill.yaml';
    const out: BatchReplicate[] = [];
    let calls = 0;
    await runBatch({ text: text(file), file, sets: ['population.initial=5000'] }, 30, { ...hooks(out, () => calls++ < 1), now: () => calls * 1000 });
    expect(out.length).toBeLessThan(30);
  });

  it('ends a replicate that outgrows the explorer, keeping its relapse', async () => {
    const file = '03-continuous-vs-pulsed.yaml';
    const out: BatchReplicate[] = [];
    await runBatch({ text: text(file), file, sets: ['population.initial=2e5', 'drugs.chemo.schedule.0.every=14d'] }, 1, hooks(out));
    const r = out[0];
    expect(r.limited).toBe(true);
    expect(r.relapseH).not.toBeNull();
    expect(Number.isNaN(r.sensitive[r.sensitive.length - 1])).toBe(true);
    expect(r.sensitive[0]).toBeGreaterThan(0);
  });
});

describe('levelQuantiles', () => {
  it('gives evenly spaced quantiles, reading large pools at a stride', () => {
    expect(Array.from(levelQuantiles(Float64Array.from([3, 1, 2]), 3))).toEqual([1, 2, 3]);
    expect(levelQuantiles(new Float64Array(0), 5)).toHaveLength(0);
    const big = Float64Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_000);
    const q = levelQuantiles(big, 5);
    expect(q[0]).toBeLessThan(100);
    expect(Math.abs(q[2] - 50_000)).toBeLessThan(500);
    expect(q[4]).toBeGreaterThan(99_000);
  });
});
