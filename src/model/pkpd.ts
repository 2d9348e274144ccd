// Pharmacokinetics and pharmacodynamics of one drug: concentration over time from its doses
// (superposed boluses decaying with the half-life, or square pulses held for their duration)
// and the Hill (Emax) effect E = C^h / (ec50^h + C^h) in [0, 1]. (C / ec50)^h overflows to
// Infinity for a steep Hill or a tiny ec50 (10^1000); the effect is then 1, not Inf / Inf.
import type { Drug } from './scenario.js';

/** Concentration of `drug` at time t (hours). Doses at exactly t are included. */
export function concentration(drug: Drug, t: number): number {
  let c = 0;
  if (drug.halfLifeH !== null) {
    const k = Math.LN2 / drug.halfLifeH;
    for (const d of drug.doses) {
      if (d.timeH > t) break;
      c += d.amount * Math.exp(-k * (t - d.timeH));
    }
  } else {
    for (const d of drug.doses) {
      if (d.timeH > t) break;
      if (t < d.timeH + (d.durationH ?? 0)) c += d.amount;
    }
  }
  return c;
}

/** Hill effect of a concentration: 1/2 at ec50, 0 at C = 0, tending to 1. */
export function hillEffect(c: number, ec50: number, hill: number): number {
  if (c <= 0) return 0;
  const x = Math.pow(c / ec50, hill);
  return x === Infinity ? 1 : x / (1 + x);
}

export function drugEffect(drug: Drug, t: number): number {
  return hillEffect(concentration(drug, t), drug.ec50, drug.hill);
}

/** Times at which a drug's concentration jumps: every dose, and the end of every square pulse. */
export function drugBreakpoints(drug: Drug): number[] {
  const out: number[] = [];
  for (const d of drug.doses) {
    out.push(d.timeH);
    if (drug.halfLifeH === null && d.durationH !== null) out.push(d.timeH + d.durationH);
  }
  return out;
}
