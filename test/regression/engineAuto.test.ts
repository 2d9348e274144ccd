// Issue 14 item 14: engine: auto chooses by predicted cost, not by the size the tumour reaches,
// and says why; without a terminal, progress is a log line every 10 s (none with --quiet).
// test/regression/engine-auto-1e6.yaml is a 10^6-cell tumour held by crowding, which auto used to
// give to the agent engine (its burden never passes 10^6) at 100 times the population engine's cost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forecastCost } from '../../src/engine/autoEngine.js';
import { populationTimeline } from '../../src/engine/populationTimeline.js';
import { chooseEngine } from '../../src/engine/simulate.js';
import { LOG_LINE_EVERY_MS, startProgress } from '../../src/io/progress.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const SCENARIO = join(ROOT, 'test/regression/engine-auto-1e6.yaml');

describe('engine: auto by predicted cost', () => {
  it('gives the 10^6-cell tumour to the population engine, with the predicted costs as its reason', () => {
    const s = loadScenarioFile(SCENARIO).scenario;
    const f = forecastCost(s, populationTimeline(s));
    // The old rule's premise: the expected burden never passes 10^6 cells (it starts at its capacity).
    expect(f.peakCells).toBeLessThanOrEqual(1e6);
    // At the crowded equilibrium K (1 - d/b) = 4.2e5 cells, 2 x 0.01/h x 4.2e5 = 8.4e3 events an hour for most of 90 days.
    expect(f.agentEvents).toBeGreaterThan(8.4e3 * 24 * 60);
    expect(f.agentEvents).toBeLessThan(8.4e3 * 24 * 90);
    const d = chooseEngine(s);
    expect(d.engine).toBe('population');
    expect(d.reason).toMatch(/^auto: predicted 10 s a replicate on the agent engine \(1\.5e7 events\), \d+ ms on the population engine$/);
    const lesson01 = loadScenarioFile(join(ROOT, 'scenarios/01-biphasic-kill.yaml')).scenario;
    expect(chooseEngine(lesson01).engine).toBe('agent');
  });

  it('persim run says so on stderr before simulating, and records it in summary.json', () => {
    const out = join(tempDir('persim-auto-'), 'out');
    const r = persim(['run', SCENARIO, '--out', out, '--no-charts', '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.engine).toBe('population');
    expect(summary.engine_reason).toBe(chooseEngine(loadScenarioFile(SCENARIO).scenario).reason);
    const loud = persim(['run', SCENARIO, '--out', out, '--no-charts']);
    expect(loud.stderr.split('\n')[0]).toBe(`persim: population engine (${summary.engine_reason})`);
  });
});

describe('progress without a terminal', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes a line every 10 s, with the count and the time left', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    const p = startProgress('replicates', { stream, plainEveryMs: LOG_LINE_EVERY_MS, unit: 'replicates' });
    expect(LOG_LINE_EVERY_MS).toBe(10_000);
    for (const [t, done] of [[0.5, 1], [9.9, 2], [10, 3], [15, 4], [20.5, 5]] as const) {
      now = t * 1000;
      p.tick(done, 8);
    }
    p.finish();
    expect(lines).toEqual(['replicates: 3/8 replicates done, 17 s left\n', 'replicates: 5/8 replicates done, 12 s left\n']);
  });
});
