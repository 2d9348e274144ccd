// What the FOSL1 switch adds to the outputs: timeseries.csv gains fosl1_mean,fosl1_sd (the
// living cells' levels; empty once none is left) for this model only, and `persim explain`
// describes the level's steady states, the thresholds, what an inhibitor does, the steady
// persister share and the return time, instead of the two-state mean theory; for a two-state
// switch written by targets it shows the rates solved from them.
import { describe, expect, it } from 'vitest';
import { explainScenario } from '../../src/analysis/explain.js';
import { agentProbe, simulate } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { timeseriesCsv } from '../../src/output/timeseriesCsv.js';
import type { Scenario } from '../../src/model/scenario.js';
import { FOSL1_REFERENCE, makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { loadLesson } from '../lessons/lesson.js';

const explain = (s: Scenario) => explainScenario(s, compileTimeline(s), agentProbe);

describe('timeseries.csv under the FOSL1 switch', () => {
  it('ends each row with the mean and standard deviation of the levels, empty after extinction', () => {
    const s = makeScenario({
      horizonH: 60, recordEveryH: 10, initial: 50, bS: 0.01, dS: 0.05, drugSensitivity: 1, seed: 2, replicates: 2,
      fosl1: FOSL1_REFERENCE, drugs: [squarePulseKill('chemo', 0.3, [{ start: 10, duration: 50 }])],
    });
    const sim = simulate(s);
    const lines = timeseriesCsv(sim).trim().split('\n');
    expect(lines[0]).toBe('replicate,time_h,sensitive,persister,total,stress,conc_chemo,fosl1_mean,fosl1_sd');
    const first = lines[1].split(',');
    expect(Number(first[7])).toBeCloseTo(sim.outcomes[0].fosl1Mean![0], 5);
    expect(Number(first[8])).toBeCloseTo(sim.outcomes[0].fosl1Sd![0], 5);
    const extinct = lines.slice(1).find((l) => l.split(',')[4] === '0');
    expect(extinct).toBeDefined();
    expect(extinct!.endsWith(',,')).toBe(true);
  });

  it('is unchanged for the two-state switch', () => {
    const s = makeScenario({ horizonH: 20, recordEveryH: 10, initial: 10, bS: 0.01 });
    expect(timeseriesCsv(simulate(s)).split('\n')[0]).toBe('replicate,time_h,sensitive,persister,total,stress');
  });
});

describe('persim explain under the FOSL1 switch', () => {
  const text = explain(loadLesson('05-fosl1-inhibitor.yaml'));

  it('gives the steady levels off drug and at full stress, and where the thresholds sit', () => {
    expect(text).toContain('- Off drug: steady levels 0.5037 and 1.304, separated by a barrier at 1.072: bistable');
    expect(text).toContain('The on threshold (1.2) lies between the barrier (1.072) and the high steady level (1.304); the off threshold (1) lies between the low steady level (0.5037) and the barrier (1.072).');
    expect(text).toMatch(/At full drug stress \(stress = 1\): steady levels 0\.698 and 1\.519/);
  });

  it('gives what the inhibitor does to them', () => {
    expect(text).toMatch(/With fosl1i at its peak effect 0\.9091 \(production x 0\.8909\): off drug one steady level, 0\.4\d+: monostable/);
    expect(text).toContain('multiplies FOSL1 production by down to 0.88');
  });

  it('gives the steady persister share, a simulated check and the return time', () => {
    expect(text).toMatch(/a persister 0\.302\d% of the time/);
    expect(text).toMatch(/The growing tumour without drug, at steady state .*: 0\.05\d+% persisters/);
    expect(text).toMatch(/Simulated: 4000 cells drawn from it/);
    expect(text).toMatch(/returns to sensitivity after 1\d\.\d+ days \(\d+\.?\d* sensitive doublings\) on average once the drug stops \(simulated, 2000 cells/);
    expect(text).toMatch(/closed form for the continuous process: 12\.89 days/);
  });

  it('leaves out the two-state mean theory', () => {
    expect(text).not.toContain('Expected burden');
    expect(text).not.toContain('Lambda');
    expect(text).not.toContain('Eigenvalues');
    expect(text).toContain('does not apply to the FOSL1 switch');
  });

  it('is reproducible', () => {
    expect(explain(loadLesson('05-fosl1-inhibitor.yaml'))).toBe(text);
  });
});

describe('persim explain of a two-state switch written by targets', () => {
  it('shows the rates solved from the targets', () => {
    const s = loadLesson('01-biphasic-kill.yaml', ['switch={stationary_fraction: 0.003, exit_half_life: 9 doublings}']);
    const text = explain(s);
    expect(text).toContain('Solved exactly from the targets (a stationary persister fraction of 0.3% off drug and an exit half-life of 9 sensitive doublings = 15 days)');
    expect(text).toMatch(/settles at 0\.3% of the tumour/);
  });
});
