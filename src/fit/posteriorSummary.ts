// What the weighted posterior says, parameter by parameter and pair by pair: weighted
// mean, median and 90% interval of each value; its contraction (1 - posterior variance /
// prior variance, both on the prior's scale: 0 = nothing learned, 1 = pinned down; Betancourt
// 2018, "Calibrating model-based inferences and decisions"); the weighted correlation
// matrix of ln(value) (of the value where the prior allows values <= 0); and the
// diagnostics a user should read before trusting the fit.
import { freeVariance, isLogScale, isPositive } from './prior.js';
import type { FitJson, FitWarning, ParameterSummary, Posterior } from './types.js';

export const IDENTIFIABILITY_R = 0.6;
export const NOT_LEARNED_CONTRACTION = 0.1;
/** The final effective sample size below which the posterior rests on too few distinct particles. */
export const LOW_ESS_FRACTION = 0.2;

/** The smallest value whose cumulative weight reaches p (weights summing to 1). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let cum = 0;
  for (const i of order) {
    cum += weights[i];
    if (cum >= p - 1e-12) return values[i];
  }
  return values[order[order.length - 1]];
}

function weightedMoments(x: readonly number[], w: readonly number[]): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += w[i] * x[i];
  let variance = 0;
  for (let i = 0; i < x.length; i++) variance += w[i] * (x[i] - mean) ** 2;
  return { mean, variance };
}

export function summarise(posterior: Posterior): ParameterSummary[] {
  const { parameters, values, weights } = posterior;
  return parameters.map((p, j) => {
    const x = values.map((v) => v[j]);
    const scaled = isLogScale(p.prior) ? x.map(Math.log) : x;
    const contraction = 1 - weightedMoments(scaled, weights).variance / freeVariance(p.prior);
    return {
      parameter: p.path, unit: p.unit, prior: p.prior.text,
      mean: weightedMoments(x, weights).mean,
      median: weightedQuantile(x, weights, 0.5),
      q05: weightedQuantile(x, weights, 0.05),
      q95: weightedQuantile(x, weights, 0.95),
      contraction,
    };
  });
}

export function logCorrelation(posterior: Posterior): FitJson['correlation'] {
  const { parameters, values, weights } = posterior;
  const cols = parameters.map((p, j) => values.map((v) => (isPositive(p.prior) ? Math.log(v[j]) : v[j])));
  const m = cols.map((c) => weightedMoments(c, weights));
  const matrix = cols.map((a, i) => cols.map((b, k) => {
    if (i === k) return 1;
    let c = 0;
    for (let n = 0; n < a.length; n++) c += weights[n] * (a[n] - m[i].mean) * (b[n] - m[k].mean);
    const d = Math.sqrt(m[i].variance * m[k].variance);
    return d > 0 ? c / d : 0;
  }));
  return { parameters: parameters.map((p) => p.path), matrix };
}

const ENTRY_PAIR = ['switch.entry_rate', 'switch.induced_entry_rate'];

export function fitWarnings(summary: readonly ParameterSummary[], correlation: FitJson['correlation'], ess: number, particles: number): FitWarning[] {
  const out: FitWarning[] = [];
  const names = correlation.parameters;
  for (let i = 0; i < names.length; i++) {
    for (let k = i + 1; k < names.length; k++) {
      const r = correlation.matrix[i][k];
      if (!(Math.abs(r) > IDENTIFIABILITY_R)) continue;
      const entry = ENTRY_PAIR.includes(names[i]) && ENTRY_PAIR.includes(names[k]);
      const why = entry
        ? 'spontaneous and induced entry trade off against each other: these data show how many cells enter persistence, not why; data without drug, or persister fractions early in the first dose, separate them'
        : r < 0 ? 'the data constrain a combination of the two (raising one and lowering the other fits as well), not each alone' : 'the data constrain their ratio, not each alone';
      out.push({
        kind: 'identifiability', parameters: [names[i], names[k]], r,
        message: `${names[i]} and ${names[k]} are correlated (r = ${r.toFixed(2)} on the log scale): ${why}`,
      });
    }
  }
  for (const s of summary) {
    if (s.contraction < NOT_LEARNED_CONTRACTION) {
      out.push({
        kind: 'not-learned', parameters: [s.parameter],
        message: `${s.parameter} is not learned from these data (contraction ${s.contraction.toFixed(2)}: the posterior is about as wide as the prior ${s.prior}); predictions that depend on it inherit the prior`,
      });
    }
  }
  if (ess < LOW_ESS_FRACTION * particles) {
    out.push({
      kind: 'low-ess',
      message: `the final effective sample size is ${ess.toFixed(0)} of ${particles} particles: the posterior rests on few distinct draws; raise --particles`,
    });
  }
  return out;
}
