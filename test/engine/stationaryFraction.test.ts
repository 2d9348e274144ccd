// With equal division and death in both states, each cell's state is a two-state telegraph
// chain independent of the branching, so the persister fraction relaxes to a/(a+b) at rate
// a + b (SCIENCE.md D2). The mean over replicates of P/N is checked within 4 SE.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { makeScenario } from '../helpers/makeScenario.js';
import { meanAndSe } from '../helpers/stats.js';

describe('stationary persister fraction', () => {
  it('relaxes to a/(a+b) with equal net growth', () => {
    const a = 0.01;
    const b = 0.03;
    const s = makeScenario({ horizonH: 240, recordEveryH: 40, initial: 300, bS: 0.02, dS: 0.01, bP: 0.02, dP: 0.01, entry: a, exit: b, replicates: 300, seed: 3 });
    const sim = simulate(s);
    const times = sim.timeline.recordTimes;
    for (let k = 1; k < times.length; k++) {
      const fractions = sim.outcomes
        .filter((o) => o.sensitive[k] + o.persister[k] > 0)
        .map((o) => o.persister[k] / (o.sensitive[k] + o.persister[k]));
      const { mean, se } = meanAndSe(fractions);
      const expected = (a / (a + b)) * (1 - Math.exp(-(a + b) * times[k]));
      expect(Math.abs(mean - expected), `t = ${times[k]} h`).toBeLessThanOrEqual(4 * se);
    }
  });
});
