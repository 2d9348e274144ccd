// Lesson 10 (scenarios/10-genetic-vs-reversible.yaml): after a holiday the re-challenge
// shrinks the tumour again when tolerance is reversible, and does not once resistance has
// arisen. Per replicate, the log of the burden ratio over the re-challenge week: below 0 by
// more than 4 standard errors (reversible), above 0 by more than 4 (resistance), where the
// resistant cells then make up most of the tumour (a share above 1/2 by 4 standard errors).
// The first course, on the other hand, kills in both arms.
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../src/engine/simulate.js';
import { arm, burden, recordAt, runArms } from '../clonal/lessonArms.js';
import { meanAndSe } from '../helpers/stats.js';

const sims = runArms('10-genetic-vs-reversible.yaml');
const DAY = 24;
const logRatio = (sim: Simulation, from: number, to: number) =>
  meanAndSe(sim.outcomes.map((o) => Math.log(burden(o, recordAt(sim, to * DAY)) / burden(o, recordAt(sim, from * DAY)))));

describe('lesson 10: genetic versus reversible', () => {
  it('the first course shrinks both tumours', () => {
    for (const sim of sims.values()) {
      const r = logRatio(sim, 0, 7);
      expect(r.mean).toBeLessThan(-4 * r.se);
    }
  });

  it('with reversible tolerance the re-challenge kills again', () => {
    const r = logRatio(arm(sims, 'reversible'), 24, 31);
    expect(r.mean).toBeLessThan(-4 * r.se);
    expect(arm(sims, 'reversible').outcomes.every((o) => (o.final.resistant ?? 0) === 0)).toBe(true);
  });

  it('once resistance has arisen the re-challenge fails', () => {
    const sim = arm(sims, 'resistance');
    const r = logRatio(sim, 24, 31);
    expect(r.mean).toBeGreaterThan(4 * r.se);
    const k = recordAt(sim, 24 * DAY);
    const share = meanAndSe(sim.outcomes.map((o) => (o.resistant?.[k] ?? 0) / burden(o, k)));
    expect(share.mean - 0.5).toBeGreaterThan(4 * share.se);
  });
});
