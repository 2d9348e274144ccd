// Agreement of the two engines on the two-state lessons (issue 5, item 6; with resistance and
// adaptive dosing where the lesson has them): for each shipped
// lesson, scaled to a size the agent engine runs in a second or two (agreement.ts), 200
// replicates per engine from the lesson's seed: the outcome-time distributions agree (two-sample
// Kolmogorov-Smirnov p > 0.01), the mean sensitive, persister and total counts agree within 4
// standard errors at every record time, and the test has power: with one rate changed by 10%
// the population engine's outcome times differ from the agent engine's (p < 0.01).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreement, COMPARED_ELSEWHERE, FOSL1_LESSONS, NOT_COMPARED, TWO_STATE_LESSONS } from './agreement.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

describe('every shipped lesson is compared, or says why not', () => {
  it('the lessons compared and the lessons left out cover scenarios/', () => {
    const compared = new Set([...TWO_STATE_LESSONS, ...FOSL1_LESSONS].map((c) => c.file).concat(Object.keys(COMPARED_ELSEWHERE)));
    for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'))) {
      expect(compared.has(file) !== (file in NOT_COMPARED), file).toBe(true);
    }
  });
});

describe('agent and population engines agree on the two-state lessons', () => {
  for (const c of TWO_STATE_LESSONS) {
    it(`${c.file} (${c.sets.join(', ')})`, () => {
      const a = agreement(c.file, c.sets, c.perturb, c.population);
      expect(a.ks.p, `KS D = ${a.ks.d}`).toBeGreaterThan(0.01);
      expect(a.means.z, a.means.where).toBeLessThanOrEqual(4);
      expect(a.perturbedKs.p, `with ${c.perturb}`).toBeLessThan(0.01);
    });
  }
});
