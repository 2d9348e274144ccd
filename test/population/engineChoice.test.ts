// engine: auto chooses by predicted cost (a mean-field pilot of the population engine gives the
// agent engine's expected events and the population engine's sub-steps): the agent engine
// unless it is predicted to take more than 2 s a replicate and 4x the population engine; it says which and why in summary.json (engine, engine_reason) and, when it takes
// the population engine, on stderr. engine: population and engine: agent are obeyed (the
// agent engine refusing a tumour above its limit).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastCost } from '../../src/engine/autoEngine.js';
import { populationTimeline } from '../../src/engine/populationTimeline.js';
import { chooseEngine, EngineChoiceError, simulate } from '../../src/engine/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { persim, tempDir } from '../helpers/cli.js';
import { makeScenario } from '../helpers/makeScenario.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

describe('chooseEngine', () => {
  it('auto keeps the agent engine for every shipped lesson but the clinical-scale and PDX ones', () => {
    for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'))) {
      const d = chooseEngine(loadScenarioFile(join(SCENARIOS, file)).scenario);
      expect(d.engine, `${file}: ${d.reason}`).toBe(file.startsWith('13-') || file.startsWith('16-') ? 'population' : 'agent');
    }
  });

  it('auto takes the population engine when the agent engine is predicted slow and 4x slower, and says why', () => {
    // 10^5 cells growing at 0.03/h for 100 h: 3.5e6 events of the agent engine (2.4 s), a few ms of the population engine.
    const s = makeScenario({ horizonH: 100, initial: 1e5, bS: 0.04, dS: 0.01, engine: 'auto' });
    const d = chooseEngine(s);
    expect(d.engine).toBe('population');
    expect(d.reason).toMatch(/^auto: predicted 2\.4 s a replicate on the agent engine \(3\.5e6 events\), \d\.?\d* ms on the population engine$/);
    // Half the horizon: 6.4e5 events, under a second on the agent engine, which is kept.
    const small = chooseEngine({ ...s, time: { ...s.time, horizonH: 50 } });
    expect(small.engine).toBe('agent');
    expect(small.reason).toMatch(/the agent engine \(exact\) unless it takes more than 2 s and 4x the population engine's$/);
  });

  it('the carrying capacity caps the expected burden and the events', () => {
    // At most capacity x (division + death) x horizon events: 5e5 x 0.05/h x 1000 h.
    const s = makeScenario({ horizonH: 1000, initial: 1e4, bS: 0.04, dS: 0.01, capacity: 5e5, engine: 'auto' });
    const capped = forecastCost(s, populationTimeline(s));
    expect(capped.peakCells).toBeLessThanOrEqual(5e5 * (1 + 1e-9));
    expect(capped.agentEvents).toBeLessThan(5e5 * 0.05 * 1000);
    // Near capacity for most of the horizon, where divisions balance deaths: 2 x 0.01/h x 5e5 events an hour.
    expect(capped.agentEvents).toBeGreaterThan(0.5 * 2 * 0.01 * 5e5 * 700);
  });

  it('under the FOSL1 switch the level steps of every cell count for the agent engine', () => {
    const s = makeScenario({ horizonH: 400, initial: 1e4, bS: Math.LN2 / 40, dS: 0.002, fosl1: {}, engine: 'auto' });
    const d = chooseEngine(s);
    expect(d.engine).toBe('population');
    expect(d.reason).toMatch(/events, \d\.\de\d+ level steps\)/);
    expect(chooseEngine({ ...s, time: { ...s.time, horizonH: 100 } }).engine).toBe('agent');
  });

  it('auto takes the population engine for an initial tumour above the agent engine limit; engine: agent refuses it', () => {
    const s = makeScenario({ horizonH: 10, initial: 1e8, bS: 0.01, engine: 'auto' });
    expect(chooseEngine(s)).toEqual({ engine: 'population', reason: 'auto: population.initial (1.00e8 cells) is more than the agent engine holds (5.00e7)' });
    expect(() => chooseEngine({ ...s, engine: 'agent' })).toThrow(EngineChoiceError);
    expect(chooseEngine({ ...s, engine: 'population' })).toEqual({ engine: 'population', reason: 'engine: population was requested' });
  });

  it('engine: population runs small tumours too', () => {
    const sim = simulate(makeScenario({ horizonH: 10, initial: 50, bS: 0.01, engine: 'population', replicates: 2 }));
    expect(sim.engine.engine).toBe('population');
    expect(sim.outcomes).toHaveLength(2);
  });
});

describe('persim run with engine: auto on a large tumour', () => {
  it('writes engine and engine_reason into summary.json and prints the choice on stderr', () => {
    const dir = tempDir();
    const file = join(dir, 'big.yaml');
    writeFileSync(
      file,
      'name: big\nreplicates: 3\ntime:\n  horizon: 2d\npopulation:\n  initial: 1e10\n  persister_fraction: 1e-6\n' +
        'phenotypes:\n  sensitive:\n    doubling_time: 40h\nswitch:\n  model: two-state\n  entry_rate: 1e-6/h\n  exit_rate: 0.01/h\n',
    );
    const out = join(dir, 'out');
    const r = persim(['run', file, '--out', out, '--no-charts']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('persim: population engine (auto: population.initial (1.00e10 cells) is more than the agent engine holds (5.00e7))\n');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.engine).toBe('population');
    expect(summary.engine_reason).toMatch(/^auto: population\.initial/);
    expect(summary.runs).toHaveLength(3);
    expect(persim(['run', file, '--out', join(dir, 'quiet'), '--no-charts', '--quiet']).stderr).toBe('');
    const agent = persim(['run', file, '--out', join(dir, 'agent'), '--engine', 'agent']);
    expect(agent.status).toBe(2);
    expect(agent.stderr).toMatch(/the agent engine holds at most 5\.00e7 cells/);
  });
});
