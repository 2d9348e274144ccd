// With noise 0 and inheritance noise 0, every cell's FOSL1 level follows the ODE
// dx/dt = P(t) (basal + feedback h(x) + stress_gain stress(t)) - (decay + promote(t)) x. The
// engine (Euler-Maruyama at the default step, forcing averaged over each step) is compared
// with a reference integration of the ODE (classical Runge-Kutta, 20 steps per engine step,
// the drugs' exact time course), within 0.5% at every record time, for every living cell:
// cells divide (daughters copy the level exactly) and die while the drugs (a kill drug, a
// block-entry drug and a promote-exit drug, all boluses; stress_gain is raised so that full
// stress leaves only the high steady level) move the level across both thresholds, and the
// promote-exit drug drives a fivefold drop, Euler's worst case.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { fosl1Drift, type Fosl1Forcing } from '../../src/model/fosl1Drift.js';
import { drugEffect } from '../../src/model/pkpd.js';
import type { Drug, Fosl1Switch, Scenario } from '../../src/model/scenario.js';
import { FOSL1_REFERENCE, makeScenario } from '../helpers/makeScenario.js';

const bolus = (name: string, effect: Drug['effect'], potency: number, halfLifeH: number, times: number[], amount: number): Drug => ({
  name, effect, potency, ec50: 1, hill: 1.5, halfLifeH, doses: times.map((timeH) => ({ timeH, amount, durationH: null })),
});

const drugs = [
  bolus('chemo', 'kill', 0.02, 30, [24, 150], 20),
  bolus('blocker', 'block-entry', 0.6, 12, [200], 6),
  bolus('pusher', 'promote-exit', 0.08, 20, [260], 8),
];

function forcingAt(s: Scenario, t: number): Fosl1Forcing {
  let stress = 0;
  let block = 1;
  let promote = 0;
  for (const d of s.drugs) {
    const e = drugEffect(d, t);
    if (d.effect === 'kill') stress = Math.max(stress, e);
    if (d.effect === 'block-entry') block *= 1 - d.potency * e;
    if (d.effect === 'promote-exit') promote += d.potency * e;
  }
  return { block, blockedStress: block * stress, promote };
}

/** RK4 from x0 over [t0, t1] in n steps, with the exact forcing. */
function rk4(sw: Fosl1Switch, s: Scenario, x0: number, t0: number, t1: number, n: number): number {
  const h = (t1 - t0) / n;
  let x = x0;
  const f = (t: number, y: number) => fosl1Drift(sw, y, forcingAt(s, t));
  for (let i = 0; i < n; i++) {
    const t = t0 + i * h;
    const k1 = f(t, x);
    const k2 = f(t + h / 2, x + (h / 2) * k1);
    const k3 = f(t + h / 2, x + (h / 2) * k2);
    const k4 = f(t + h, x + h * k3);
    x += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return x;
}

describe('a noise-free FOSL1 level follows its ODE', () => {
  it.each([0.3, 0.9, 1.3, 2])('from level %f, within 0.5% for every cell at every record time', (x0) => {
    const s = makeScenario({
      horizonH: 400,
      recordEveryH: 10,
      initial: 200,
      bS: 0.02,
      dS: 0.004,
      bP: 0.002,
      dP: 0.001,
      seed: 3,
      fosl1: { ...FOSL1_REFERENCE, stressGain: 0.02, noise: 0, inheritanceNoise: 0, initialLevel: x0 },
      drugs,
    });
    const sw = s.switch as Fosl1Switch;
    const levels: number[][] = [];
    const sim = simulate(s, { onLevels: (_r, k, v) => (levels[k] = [...v.sensitive, ...v.persister]) });
    const o = sim.outcomes[0];
    const b = sim.timeline.boundaries;
    let x = x0;
    let worst = 0;
    let crossedOn = false;
    let crossedOff = false;
    for (let k = 0; k < sim.timeline.recordTimes.length; k++) {
      if (k > 0) {
        for (let i = sim.timeline.recordBoundary[k - 1]; i < sim.timeline.recordBoundary[k]; i++) x = rk4(sw, s, x, b[i], b[i + 1], 20);
      }
      if (x > sw.onThreshold) crossedOn = true;
      if (crossedOn && x < sw.offThreshold) crossedOff = true;
      expect(levels[k].length).toBe(o.sensitive[k] + o.persister[k]);
      for (const y of levels[k]) worst = Math.max(worst, Math.abs(y - x) / x);
      expect(o.fosl1Sd![k]).toBeLessThan(1e-12);
    }
    expect(worst).toBeLessThan(0.005);
    expect(o.counters.divisions).toBeGreaterThan(0);
    if (x0 < 1) expect(crossedOn).toBe(true);
    expect(crossedOff).toBe(true);
  });
});
