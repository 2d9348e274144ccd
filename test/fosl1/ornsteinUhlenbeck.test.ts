// With feedback 0, no drug and thresholds out of reach, the FOSL1 level is an Ornstein-Uhlenbeck
// process dx = (basal - decay x) dt + noise dW: at steady state its mean is basal / decay and
// its variance noise^2 / (2 decay). Euler-Maruyama is the AR(1) recursion
// x' = (1 - decay dt) x + basal dt + noise sqrt(dt) Z: it keeps the mean exactly, and its
// stationary variance noise^2 dt / (1 - (1 - decay dt)^2) = noise^2 / (decay (2 - decay dt)) is
// biased by decay dt / 2. At decay dt = 0.01 that bias (0.5%) is well below the tolerance
// (1.8%); at the default step (decay dt = 0.015) the test checks the scheme's own stationary
// variance. Cells neither divide nor die, so they are independent; records 30 h apart
// (3 relaxation times, correlation e^-3) are pooled. Tolerances: 4 standard errors.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { defaultStep } from '../../src/model/steps.js';
import type { Scenario } from '../../src/model/scenario.js';
import { makeScenario } from '../helpers/makeScenario.js';

const basal = 0.1;
const decay = 0.1;
const noise = 0.05;
const CELLS = 20_000;

function ouScenario(dtH: number | null): Scenario {
  return makeScenario({
    horizonH: 240,
    recordEveryH: 30,
    dtH,
    initial: CELLS,
    bS: 0,
    seed: 11,
    fosl1: { basal, feedback: 0, decay, stressGain: 0, noise, onThreshold: 100, offThreshold: 50, inheritanceNoise: 0, initialLevel: basal / decay },
  });
}

/** Pooled levels of every record from 100 h on (10 relaxation times). */
function pooledLevels(s: Scenario): Float64Array {
  const parts: Float64Array[] = [];
  const times = simulate(s, {
    onLevels: (_r, k, levels) => {
      parts.push(Float64Array.from(levels.sensitive));
      expect(levels.persister.length).toBe(0);
      void k;
    },
  }).timeline.recordTimes;
  const keep = parts.filter((_, k) => times[k] >= 100);
  const out = new Float64Array(keep.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of keep) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function meanVar(x: Float64Array): { mean: number; variance: number; m4: number } {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let v2 = 0;
  let v4 = 0;
  for (const v of x) {
    const d = (v - m) ** 2;
    v2 += d;
    v4 += d * d;
  }
  return { mean: m, variance: v2 / (x.length - 1), m4: v4 / x.length };
}

describe('the FOSL1 level without feedback is an Ornstein-Uhlenbeck process', () => {
  it('has mean basal/decay and variance noise^2/(2 decay) at steady state (fine step)', () => {
    const x = pooledLevels(ouScenario(0.1));
    const { mean, variance, m4 } = meanVar(x);
    const n = x.length;
    const v = (noise * noise) / (2 * decay);
    expect(n).toBe(5 * CELLS);
    expect(Math.abs(mean - basal / decay)).toBeLessThan(4 * Math.sqrt(v / n));
    expect(Math.abs(variance - v)).toBeLessThan(4 * Math.sqrt((m4 - variance * variance) / n));
  });

  it('has the Euler-Maruyama stationary variance at the default step', () => {
    const s = ouScenario(null);
    const dt = defaultStep(s);
    expect(decay * dt).toBeCloseTo(0.015, 12);
    const x = pooledLevels(s);
    const { mean, variance, m4 } = meanVar(x);
    const n = x.length;
    const vScheme = (noise * noise) / (decay * (2 - decay * dt));
    expect(Math.abs(mean - basal / decay)).toBeLessThan(4 * Math.sqrt(vScheme / n));
    expect(Math.abs(variance - vScheme)).toBeLessThan(4 * Math.sqrt((m4 - variance * variance) / n));
  });
});
