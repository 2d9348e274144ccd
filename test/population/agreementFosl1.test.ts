// Agreement of the two engines on the FOSL1 lessons 04-06 (see agreementTwoState.test.ts for
// the criteria; 07-08 are in agreementFosl1b.test.ts so that the two files run in parallel).
import { describe, expect, it } from 'vitest';
import { agreement, FOSL1_LESSONS } from './agreement.js';

describe('agent and population engines agree on the FOSL1 lessons 04-06', () => {
  for (const c of FOSL1_LESSONS.slice(0, 3)) {
    it(`${c.file} (${c.sets.join(', ')})`, () => {
      const a = agreement(c.file, c.sets, c.perturb, c.population);
      expect(a.ks.p, `KS D = ${a.ks.d}`).toBeGreaterThan(0.01);
      expect(a.means.z, a.means.where).toBeLessThanOrEqual(4);
      expect(a.perturbedKs.p, `with ${c.perturb}`).toBeLessThan(0.01);
    });
  }
});
