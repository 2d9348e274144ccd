// The deterministic part of the FOSL1 level's dynamics, pure and shared by the agent engine,
// the theory in `persim explain` and (later) the population engine, which bins the level:
//   f(x) = P (basal + feedback h(x) + stress_gain stress) - (decay + promote) x,
//   h(x) = x^n / (K^n + x^n)   (Hill self-activation, the AP-1 positive feedback),
// with P the product over block-entry drugs of (1 - potency E) and promote the sum over
// promote-exit drugs of potency E. The level also has additive noise `noise` dW, so its
// generator is f(x) d/dx + (noise^2 / 2) d^2/dx^2 on x >= 0, reflecting at 0.
import type { Fosl1Switch } from './scenario.js';

/** What the drugs do to the drift at one instant (or averaged over a step). */
export interface Fosl1Forcing {
  /** P: the factor on production (1 without block-entry drugs). */
  readonly block: number;
  /** P x stress (the product averaged over a step is not the product of the averages). */
  readonly blockedStress: number;
  /** Added decay, per hour. */
  readonly promote: number;
}

export const NO_DRUG: Fosl1Forcing = Object.freeze({ block: 1, blockedStress: 0, promote: 0 });

/** The forcing at a constant stress, block and promote. */
export function forcing(stress: number, block = 1, promote = 0): Fosl1Forcing {
  return { block, blockedStress: block * stress, promote };
}

/** u^n for u >= 0; repeated squaring when n is a small integer (the usual case, and much faster than pow). */
export function powLevel(u: number, n: number, integerN: boolean): number {
  if (!integerN) return Math.pow(u, n);
  let result = 1;
  let base = u;
  let e = n;
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e >>= 1;
  }
  return result;
}

/** True when repeated squaring applies to the Hill coefficient. */
export function isSmallInteger(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 64;
}

/** h(x) = x^n / (K^n + x^n); 1 where (x/K)^n overflows. */
export function hillActivation(sw: Fosl1Switch, x: number): number {
  const u = powLevel(x / sw.halfSaturation, sw.hill, isSmallInteger(sw.hill));
  return u === Infinity ? 1 : u / (1 + u);
}

export function fosl1Drift(sw: Fosl1Switch, x: number, f: Fosl1Forcing): number {
  return f.block * (sw.basal + sw.feedback * hillActivation(sw, x)) + sw.stressGain * f.blockedStress - (sw.decay + f.promote) * x;
}

/**
 * max over x >= 0 of h'(x), for n >= 1: 1/K at x = 0 when n = 1, otherwise at
 * (x/K)^n = (n - 1)/(n + 1), where h'(x) = n y / (x (1 + y)^2) with y = (x/K)^n.
 */
export function maxHillSlope(n: number, K: number): number {
  if (n <= 1) return 1 / K;
  const y = (n - 1) / (n + 1);
  const x = K * Math.pow(y, 1 / n);
  return (n * y) / (x * (1 + y) * (1 + y));
}

/**
 * A bound on |f'(x)| over x >= 0 and every forcing with P <= 1 and promote <= maxPromote:
 * f'(x) = P feedback h'(x) - (decay + promote) lies in [-(decay + maxPromote), feedback max h'].
 */
export function driftSlopeBound(sw: Fosl1Switch, maxPromote: number): number {
  return Math.max(sw.decay + maxPromote, sw.feedback * maxHillSlope(sw.hill, sw.halfSaturation));
}
