// Particle weights of the SMC sampler: normalising log weights, the effective sample size
// (Kong, Liu & Wong 1994: ESS = 1 / sum w^2 of normalised weights), systematic resampling
// (Kitagawa 1996; Douc, Cappé & Moulines 2005 compare it with the other schemes) and the
// weighted mean and covariance of the particles that shape the random-walk proposal.

/** Normalised weights from log weights (-Infinity allowed; at least one must be finite). */
export function normalise(logW: readonly number[]): number[] {
  let max = -Infinity;
  for (const l of logW) if (l > max) max = l;
  if (max === -Infinity) throw new Error('internal: every particle has weight zero');
  const w = logW.map((l) => Math.exp(l - max));
  let sum = 0;
  for (const x of w) sum += x;
  return w.map((x) => x / sum);
}

export function ess(weights: readonly number[]): number {
  let s = 0;
  for (const w of weights) s += w * w;
  return 1 / s;
}

/** ESS of the log weights logW + delta * logLik (an incremental tempering step). */
export function essAfter(logW: readonly number[], logLik: readonly number[], delta: number): number {
  return ess(normalise(logW.map((l, i) => (l === -Infinity || logLik[i] === -Infinity ? -Infinity : l + delta * logLik[i]))));
}

/** Systematic resampling: indices of N offspring from one uniform u in [0, 1). */
export function systematicResample(weights: readonly number[], u: number): number[] {
  const n = weights.length;
  const out: number[] = new Array(n);
  let cum = weights[0];
  let j = 0;
  for (let i = 0; i < n; i++) {
    const point = (i + u) / n;
    while (point > cum && j < n - 1) cum += weights[++j];
    out[i] = j;
  }
  return out;
}

export function weightedMean(x: readonly (readonly number[])[], w: readonly number[]): number[] {
  const d = x[0].length;
  const m = new Array<number>(d).fill(0);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < d; j++) m[j] += w[i] * x[i][j];
  return m;
}

/** Weighted covariance (normalised weights), divided by 1 - sum w^2 so that it is unbiased. */
export function weightedCovariance(x: readonly (readonly number[])[], w: readonly number[]): number[][] {
  const d = x[0].length;
  const m = weightedMean(x, w);
  const c = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  let w2 = 0;
  for (let i = 0; i < x.length; i++) {
    w2 += w[i] * w[i];
    for (let a = 0; a < d; a++) {
      const da = x[i][a] - m[a];
      for (let b = 0; b <= a; b++) c[a][b] += w[i] * da * (x[i][b] - m[b]);
    }
  }
  const k = w2 < 1 ? 1 / (1 - w2) : 1;
  for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) c[b][a] = c[a][b] = c[a][b] * k;
  return c;
}

/**
 * Lower Cholesky factor of a covariance; a degenerate one (particles collapsed onto a line)
 * gets a small ridge on its diagonal so that the proposal still moves in every direction.
 */
export function cholesky(c: readonly (readonly number[])[]): number[][] {
  const d = c.length;
  let trace = 0;
  for (let i = 0; i < d; i++) trace += c[i][i];
  for (let ridge = 0, attempt = 0; attempt < 30; attempt++, ridge = ridge === 0 ? 1e-10 * (trace / d || 1) : ridge * 10) {
    const l = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    let ok = true;
    for (let i = 0; i < d && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = c[i][j] + (i === j ? ridge : 0);
        for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
        if (i === j) {
          if (!(s > 0)) ok = false;
          else l[i][i] = Math.sqrt(s);
        } else l[i][j] = s / l[j][j];
      }
    }
    if (ok) return l;
  }
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1e-3 : 0)));
}
