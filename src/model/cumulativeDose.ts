// Cumulative drug given over a run: the integral of the concentration over [0, horizon], in
// concentration x hours. A square pulse of dose D held T hours gives D x T; a bolus of dose D
// at t_d with half-life h gives D (1 - e^{-k (H - t_d)}) / k, k = ln 2 / h (its area under the
// curve within the horizon H). An adaptive drug's depends on the replicate (engine/
// adaptiveDosing.ts: dose x hours on).
import type { Drug } from './scenario.js';

export function scheduledCumulativeDose(drug: Drug, horizonH: number): number {
  let sum = 0;
  for (const d of drug.doses) {
    if (d.timeH >= horizonH) continue;
    if (drug.halfLifeH !== null) {
      const k = Math.LN2 / drug.halfLifeH;
      sum += (d.amount * -Math.expm1(-k * (horizonH - d.timeH))) / k;
    } else sum += d.amount * Math.max(0, Math.min(d.timeH + (d.durationH ?? 0), horizonH) - d.timeH);
  }
  return sum;
}
