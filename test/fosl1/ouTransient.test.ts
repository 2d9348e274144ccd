// Away from steady state: with feedback 0 and no drug the FOSL1 level is an Ornstein-Uhlenbeck
// process, dx = (basal - decay x) dt + noise dW, so from a fixed level x0 its mean and
// variance are known at every time,
//   m(t) = mu + (x0 - mu) e^{-decay t},  v(t) = noise^2 (1 - e^{-2 decay t}) / (2 decay),
// with mu = basal / decay = 1 here. Cells neither divide nor die, so they are independent and
// the level's mean (variance) over N cells has the standard error sqrt(v / N) (v sqrt(2 / N)).
// Both engines are checked through the relaxation from x0 = 0.3, at six times from half a
// relaxation time to three, to 4 SE:
// - the agent engine against its Euler-Maruyama recursion, the AR(1) chain
//   x' = (1 - decay dt) x + basal dt + noise sqrt(dt) Z, whose mean is exact and whose
//   variance after n steps is noise^2 dt (1 - a^{2n}) / (1 - a^2), a = 1 - decay dt (the
//   scheme's bias against the continuous v(t) is decay dt early on and decay dt / 2 at steady
//   state: 1.5% and 0.75% at the default step);
// - the population engine against the continuous m(t) and v(t) (its lattice has no Euler step).
//   Its Scharfetter-Gummel jumps keep the stationary density exactly but carry a moving one
//   with the diffusion D Pe coth(Pe), Pe = |drift| dx / (2 D) the cell Peclet number and
//   D = noise^2 / 2 (an excess of about Pe^2 / 3): at the default 64 bins the transient is
//   right where Pe stays below about 0.4 (noise 0.08, decay 0.05: Pe 0.36 at the start), and
//   where the drift dominates (noise 0.05, decay 0.1: Pe 1.1) it takes 256 bins (Pe 0.31),
//   while 64 bins spread the levels 22% too fast at 5 h (issue 14 item 16; the test of power
//   below pins that error as larger than 4 SE). Before the initial level was split between
//   the two bin centres around it (populationFosl1.ts seed), its mean also started up to half
//   a bin off.
// With thresholds near the mean both engines' persister counts must agree at every time within
// 4 SE of a difference of two binomial counts.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { Scenario } from '../../src/model/scenario.js';
import { defaultStep } from '../../src/model/steps.js';
import { makeScenario } from '../helpers/makeScenario.js';

const x0 = 0.3;
const CELLS = 20_000;

interface Ou {
  readonly decay: number;
  readonly noise: number;
}
/** Pe 0.36 at the start on 64 bins. */
const MODERATE: Ou = { decay: 0.05, noise: 0.08 };
/** Pe 1.1 at the start on 64 bins, 0.31 on 256. */
const DRIFT_DOMINATED: Ou = { decay: 0.1, noise: 0.05 };

function ou(p: Ou, engine: 'agent' | 'population', on = 2, off = 1.8): Scenario {
  return makeScenario({
    horizonH: 3 / p.decay,
    recordEveryH: 0.5 / p.decay,
    initial: CELLS,
    bS: 0,
    seed: 5,
    engine,
    fosl1: { basal: p.decay, feedback: 0, decay: p.decay, stressGain: 0, noise: p.noise, onThreshold: on, offThreshold: off, inheritanceNoise: 0, initialLevel: x0 },
  });
}

const exactMean = (p: Ou, t: number) => 1 + (x0 - 1) * Math.exp(-p.decay * t);
const exactVar = (p: Ou, t: number) => ((p.noise * p.noise) / (2 * p.decay)) * -Math.expm1(-2 * p.decay * t);

function eulerVar(p: Ou, t: number, dt: number): number {
  const a = 1 - p.decay * dt;
  const n = Math.round(t / dt);
  return (p.noise * p.noise * dt * (1 - a ** (2 * n))) / (1 - a * a);
}

/** |observed - expected| in standard errors at each record time after 0. */
function errors(p: Ou, s: Scenario, varAt: (t: number) => number, bins?: number): { mean: number[]; variance: number[] } {
  const sim = simulate(s, bins === undefined ? {} : { population: { bins } });
  const o = sim.outcomes[0];
  const times = sim.timeline.recordTimes;
  const mean: number[] = [];
  const variance: number[] = [];
  for (let k = 1; k < times.length; k++) {
    const v = varAt(times[k]);
    const sd = (o.fosl1Sd as Float64Array)[k];
    mean.push(Math.abs((o.fosl1Mean as Float64Array)[k] - exactMean(p, times[k])) / Math.sqrt(v / CELLS));
    variance.push(Math.abs(sd * sd - v) / (v * Math.sqrt(2 / CELLS)));
  }
  return { mean, variance };
}

describe('the FOSL1 level relaxing from a fixed level (Ornstein-Uhlenbeck transient)', () => {
  for (const [name, p] of [['moderate drift', MODERATE], ['dominant drift', DRIFT_DOMINATED]] as const) {
    it(`agent engine, ${name}: mean and variance of its Euler-Maruyama chain within 4 SE`, () => {
      const s = ou(p, 'agent');
      const dt = defaultStep(s);
      const e = errors(p, s, (t) => eulerVar(p, t, dt));
      expect(e.mean).toHaveLength(6);
      for (const z of [...e.mean, ...e.variance]) expect(z).toBeLessThan(4);
    });
  }

  it('population engine, moderate drift, default 64 bins: the exact mean and variance within 4 SE', () => {
    const e = errors(MODERATE, ou(MODERATE, 'population'), (t) => exactVar(MODERATE, t));
    expect(e.mean).toHaveLength(6);
    for (const z of [...e.mean, ...e.variance]) expect(z).toBeLessThan(4);
  });

  it('population engine, dominant drift, 256 bins: the exact mean and variance within 4 SE', () => {
    const e = errors(DRIFT_DOMINATED, ou(DRIFT_DOMINATED, 'population'), (t) => exactVar(DRIFT_DOMINATED, t), 256);
    expect(e.mean).toHaveLength(6);
    for (const z of [...e.mean, ...e.variance]) expect(z).toBeLessThan(4);
  });

  it('population engine, dominant drift, 64 bins: the levels spread too fast early (the documented error; the checks have power)', () => {
    const e = errors(DRIFT_DOMINATED, ou(DRIFT_DOMINATED, 'population'), (t) => exactVar(DRIFT_DOMINATED, t), 64);
    expect(e.variance[0]).toBeGreaterThan(4);
  });

  it('both engines cross a threshold near the mean alike (persisters within 4 SE at every time)', () => {
    const a = simulate(ou(MODERATE, 'agent', 1.2, 1.0)).outcomes[0].persister;
    const q = simulate(ou(MODERATE, 'population', 1.2, 1.0)).outcomes[0].persister;
    expect(a.length).toBe(7);
    for (let k = 1; k < a.length; k++) {
      const f = (a[k] + q[k]) / (2 * CELLS);
      expect(Math.abs(a[k] - q[k])).toBeLessThan(4 * Math.sqrt(2 * CELLS * f * (1 - f)) + 1e-9);
    }
    // Not vacuous: many persisters, still rising after one relaxation time.
    expect(a[2]).toBeGreaterThan(500);
    expect(a[6]).toBeGreaterThan(a[2]);
  });
});
