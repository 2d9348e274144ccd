// Away from steady state: with feedback 0 and no drug the FOSL1 level is an Ornstein-Uhlenbeck
// process, dx = (basal - decay x) dt + noise dW, so from a fixed level x0 its mean and
// variance are known at every time,
//   m(t) = mu + (x0 - mu) e^{-decay t},  v(t) = noise^2 (1 - e^{-2 decay t}) / (2 decay),
// with mu = basal / decay = 1 here. Cells neither divide nor die, so they are independent and
// the level's mean (variance) over N cells has the standard error sqrt(v / N) (v sqrt(2 / N)).
// Both engines are checked through the relaxation from x0 = 0.3, every 5 h from 5 h to six
// relaxation times (steady state: the variance is then within e^-12 of its limit), to 4 SE:
// - the agent engine against its Euler-Maruyama recursion, the AR(1) chain
//   x' = (1 - decay dt) x + basal dt + noise sqrt(dt) Z, whose mean is exact and whose
//   variance after n steps is noise^2 dt (1 - a^{2n}) / (1 - a^2), a = 1 - decay dt (the
//   scheme's bias against the continuous v(t) is decay dt early on and decay dt / 2 at steady
//   state: 1.5% and 0.75% at the default step);
// - the population engine, at its default bins, against the continuous m(t) and v(t) (its
//   lattice has no Euler step). Its Scharfetter-Gummel jumps keep the stationary density
//   exactly but carry a moving one with the diffusion D Pe coth(Pe), Pe = |drift| dx / (2 D)
//   the cell Peclet number and D = noise^2 / 2 (an excess of about Pe^2 / 3), so the number of
//   bins follows the drift the cells travel through (model/fosl1Bins.ts: Pe <= 0.25). Where the
//   drift dominates (noise 0.05, decay 0.1) the rule gives 385 bins instead of 64 (variance
//   +1.3% at 5 h, 0.0% at 20 h, +1.1% at 60 h); 64 bins spread the levels 39% too fast at 5 h
//   and 6% at 20 h (issue 14 item 16; the test of power
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
/** 126 bins by the Peclet rule (Pe 0.22 at the start); Pe 0.36 on 64. */
const MODERATE: Ou = { decay: 0.05, noise: 0.08 };
/** 385 bins by the Peclet rule (Pe 0.24 at the start); Pe 1.4 on 64. */
const DRIFT_DOMINATED: Ou = { decay: 0.1, noise: 0.05 };
const RECORD_EVERY_H = 5;
/** Records at 5 h, 10 h, ... to six relaxation times. */
const records = (p: Ou) => (6 / p.decay) / RECORD_EVERY_H;

function ou(p: Ou, engine: 'agent' | 'population', on = 2, off = 1.8): Scenario {
  return makeScenario({
    horizonH: 6 / p.decay,
    recordEveryH: RECORD_EVERY_H,
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
      expect(e.mean).toHaveLength(records(p));
      for (const z of [...e.mean, ...e.variance]) expect(z).toBeLessThan(4);
    });
  }

  for (const [name, p] of [['moderate drift', MODERATE], ['dominant drift', DRIFT_DOMINATED]] as const) {
    it(`population engine, ${name}, default bins: the exact mean and variance within 4 SE from 5 h to steady state`, () => {
      const e = errors(p, ou(p, 'population'), (t) => exactVar(p, t));
      expect(e.mean).toHaveLength(records(p));
      for (const z of [...e.mean, ...e.variance]) expect(z).toBeLessThan(4);
    });
  }

  it('population engine, dominant drift, 64 bins: the levels spread too fast early (the documented error; the checks have power)', () => {
    const e = errors(DRIFT_DOMINATED, ou(DRIFT_DOMINATED, 'population'), (t) => exactVar(DRIFT_DOMINATED, t), 64);
    expect(e.variance[0]).toBeGreaterThan(4);
    expect(e.variance[3]).toBeGreaterThan(4);
  });

  it('both engines cross a threshold near the mean alike (persisters within 4 SE at every time)', () => {
    const a = simulate(ou(MODERATE, 'agent', 1.2, 1.0)).outcomes[0].persister;
    const q = simulate(ou(MODERATE, 'population', 1.2, 1.0)).outcomes[0].persister;
    expect(a.length).toBe(records(MODERATE) + 1);
    for (let k = 1; k < a.length; k++) {
      const f = (a[k] + q[k]) / (2 * CELLS);
      expect(Math.abs(a[k] - q[k])).toBeLessThan(4 * Math.sqrt(2 * CELLS * f * (1 - f)) + 1e-9);
    }
    // Not vacuous: many persisters at one relaxation time (20 h), more at steady state.
    expect(a[4]).toBeGreaterThan(500);
    expect(a[a.length - 1]).toBeGreaterThan(a[4]);
  });
});
