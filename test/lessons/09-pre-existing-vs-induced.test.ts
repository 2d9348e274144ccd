// Lesson 09 (scenarios/09-pre-existing-vs-induced.yaml): the fluctuation test over 300
// cultures. With drug-induced entry the survivors are Poisson: their dispersion index
// variance/mean is 1 within 4 standard errors (its standard error under a Poisson law is
// sqrt(2/(n - 1))). With spontaneous, heritable, long-lived tolerance they are
// Luria-Delbrueck: the dispersion index exceeds 1 by far more than 4 standard errors, and
// more than half of the cultures lie below the mean (the median well below it: the fraction
// below the mean exceeds 1/2 by more than 4 standard errors of a proportion). The barcodes:
// induced survivors spread over more clones, spontaneous ones sit in fewer, larger clones
// (differences of the per-culture means beyond 4 standard errors).
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../src/engine/simulate.js';
import { arm, runArms, variance } from '../clonal/lessonArms.js';
import { meanAndSe } from '../helpers/stats.js';

const sims = runArms('09-pre-existing-vs-induced.yaml');
const survivors = (sim: Simulation) => sim.outcomes.map((o) => o.final.sensitive + o.final.persister);
const dispersion = (xs: number[]) => variance(xs) / meanAndSe(xs).mean;

describe('lesson 09: pre-existing or induced', () => {
  const induced = survivors(arm(sims, 'induced'));
  const spontaneous = survivors(arm(sims, 'spontaneous'));
  const n = induced.length;
  const poissonSe = Math.sqrt(2 / (n - 1));

  it('uses at least 200 cultures, treated when the dish is full', () => {
    expect(n).toBeGreaterThanOrEqual(200);
    for (const sim of sims.values()) {
      const k = sim.timeline.recordTimes.findIndex((t) => t === 7 * 24);
      for (const o of sim.outcomes) expect(o.sensitive[k] + o.persister[k]).toBeGreaterThan(0.95 * (sim.scenario.population.capacity ?? 0));
    }
  });

  it('induced tolerance: survivors scatter like a Poisson law (variance/mean near 1)', () => {
    expect(Math.abs(dispersion(induced) - 1)).toBeLessThan(4 * poissonSe);
  });

  it('spontaneous, long-lived tolerance: Luria-Delbrueck jackpots', () => {
    expect(dispersion(spontaneous)).toBeGreaterThan(1 + 4 * poissonSe);
    const mean = meanAndSe(spontaneous).mean;
    const below = spontaneous.filter((x) => x < mean).length / n;
    expect(below).toBeGreaterThan(0.5 + 4 * Math.sqrt(0.25 / n));
  });

  it('barcodes: many small surviving clones when induced, few large ones when spontaneous', () => {
    const stat = (name: string, f: (c: NonNullable<Simulation['outcomes'][number]['clones']>['final']) => number | null) =>
      meanAndSe(arm(sims, name).outcomes.flatMap((o) => {
        const x = o.clones === undefined ? null : f(o.clones.final);
        return x === null ? [] : [x];
      }));
    const largestI = stat('induced', (c) => c.largestShare);
    const largestS = stat('spontaneous', (c) => c.largestShare);
    expect(largestS.mean - largestI.mean).toBeGreaterThan(4 * Math.hypot(largestS.se, largestI.se));
    const survivingI = stat('induced', (c) => c.surviving);
    const survivingS = stat('spontaneous', (c) => c.surviving);
    expect(survivingI.mean - survivingS.mean).toBeGreaterThan(4 * Math.hypot(survivingI.se, survivingS.se));
  });
});
