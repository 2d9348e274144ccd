// Statistics for the sampler tests: moment z-scores, chi-square goodness of fit against an exact
// pmf (cells pooled to expected counts >= 5), and the number of 1% rejections over many seeds.
import type { RandomStream } from '../../src/rng/stream.js';
import { streamFor } from '../../src/rng/stream.js';

/**
 * z-scores of the sample mean and the (unbiased) sample variance of N draws against the exact
 * mean, variance and 4th central moment mu4. The variance's standard error is
 * sqrt((mu4 - sigma^4 (N-3)/(N-1)) / N), the exact variance of s^2 for i.i.d. draws.
 */
export function momentZ(
  draw: () => number,
  N: number,
  mean: number,
  variance: number,
  mu4: number,
): { zMean: number; zVar: number; sampleMean: number } {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < N; i++) {
    const d = draw() - mean; // centred on the exact mean, so sums of counts near 2^53 stay exact enough
    s1 += d;
    s2 += d * d;
  }
  const sampleVar = (s2 - (s1 * s1) / N) / (N - 1);
  const varOfVar = (mu4 - (variance * variance * (N - 3)) / (N - 1)) / N;
  return { zMean: s1 / N / Math.sqrt(variance / N), zVar: (sampleVar - variance) / Math.sqrt(varOfVar), sampleMean: mean + s1 / N };
}

/** A discrete distribution cut into cells: cellOf maps a draw to its cell, probs[c] is P(cell c). */
export interface CellTable {
  cellOf(x: number): number;
  probs: Float64Array;
}

/** Exact pmf, normalised, from the recurrence f(k+1)/f(k) walked out from the mode until f < 1e-18 f(mode). */
function pmfByRecurrence(mode: number, lo: number, hi: number, ratioUp: (k: number) => number): CellTable {
  const up: number[] = [1];
  for (let k = mode; k < hi && up[up.length - 1] > 1e-18; k++) up.push(up[up.length - 1] * ratioUp(k));
  const down: number[] = [];
  let f = 1;
  for (let k = mode; k > lo && f > 1e-18; k--) {
    f /= ratioUp(k - 1);
    down.push(f);
  }
  const values = [...down.reverse(), ...up];
  const first = mode - down.length;
  const probs = new Float64Array(values.length);
  let total = 0;
  for (const v of values) total += v;
  for (let i = 0; i < values.length; i++) probs[i] = values[i] / total;
  const last = probs.length - 1;
  return { cellOf: (x) => Math.min(Math.max(x - first, 0), last), probs };
}

export function binomialPmf(n: number, p: number): CellTable {
  const r = p / (1 - p);
  return pmfByRecurrence(Math.floor((n + 1) * p), 0, n, (k) => ((n - k) / (k + 1)) * r);
}

export function poissonPmf(mean: number): CellTable {
  return pmfByRecurrence(Math.floor(mean), 0, Infinity, (k) => mean / (k + 1));
}

/** Integer draws cut at mean + sd * z for z = -4, -3.75, ..., 4, with normal cell probabilities (continuity-corrected). */
export function normalCells(mean: number, sd: number): CellTable {
  const edges: number[] = [];
  for (let z = -4; z <= 4; z += 0.25) edges.push(Math.round(mean + sd * z));
  const probs = new Float64Array(edges.length + 1);
  let prev = 0;
  for (let i = 0; i < edges.length; i++) {
    const c = normalCdf((edges[i] - 0.5 - mean) / sd);
    probs[i] = c - prev;
    prev = c;
  }
  probs[edges.length] = 1 - prev;
  return {
    cellOf: (x) => {
      let i = 0;
      while (i < edges.length && x >= edges[i]) i++;
      return i;
    },
    probs,
  };
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Gamma(x) for x >= 1/2 by Lanczos' approximation (g = 7, 9 terms), ~1e-15 relative. */
export function lnGamma(x: number): number {
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Upper regularised incomplete gamma Q(s, x): series for x < s + 1, Lentz's continued fraction above. */
export function gammaQ(s: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = -x + s * Math.log(x) - lnGamma(s);
  if (x < s + 1) {
    let term = 1 / s;
    let sum = term;
    for (let n = 1; n < 10000 && term > sum * 1e-17; n++) {
      term *= x / (s + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

export function normalCdf(z: number): number {
  const tail = 0.5 * gammaQ(0.5, (z * z) / 2);
  return z < 0 ? tail : 1 - tail;
}

/**
 * Pearson's chi-square of observed cell counts against N * probs, adjacent cells pooled until each
 * expects at least minExpected (5 by default).
 */
export function chiSquare(
  counts: ArrayLike<number>,
  probs: ArrayLike<number>,
  minExpected = 5,
): { stat: number; df: number; pValue: number } {
  let N = 0;
  for (let i = 0; i < counts.length; i++) N += counts[i];
  const obs: number[] = [];
  const exp: number[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < probs.length; i++) {
    o += counts[i];
    e += N * probs[i];
    if (e >= minExpected) {
      obs.push(o);
      exp.push(e);
      o = 0;
      e = 0;
    }
  }
  if (exp.length === 0) throw new Error(`chiSquare: fewer than ${minExpected} expected in total`);
  obs[obs.length - 1] += o; // leftover right tail joins the last cell
  exp[exp.length - 1] += e;
  let stat = 0;
  for (let i = 0; i < obs.length; i++) stat += (obs[i] - exp[i]) ** 2 / exp[i];
  const df = obs.length - 1;
  return { stat, df, pValue: df > 0 ? gammaQ(df / 2, stat / 2) : 1 };
}

/** Smallest r with P(Binomial(n, p) <= r) >= level. */
export function binomialQuantile(n: number, p: number, level: number): number {
  let f = (1 - p) ** n;
  let cdf = f;
  let r = 0;
  while (cdf < level) {
    f *= ((n - r) / (r + 1)) * (p / (1 - p));
    cdf += f;
    r++;
  }
  return r;
}

export interface GofOverSeeds {
  /** Seeds whose chi-square test rejected at the 1% level. */
  rejections: number;
  /** 99.9% quantile of Binomial(seeds, 0.01): the most rejections a correct sampler should give. */
  limit: number;
  /** p-value of the chi-square test on all seeds' draws pooled, in at most ~100 cells (more power on wide pmfs). */
  pooledP: number;
}

/** For each of `seeds` seeds, N draws tallied into the table's cells and tested by chi-square. */
export function gofOverSeeds(
  name: string,
  seeds: number,
  N: number,
  table: CellTable,
  draw: (rng: RandomStream) => number,
): GofOverSeeds {
  const counts = new Float64Array(table.probs.length);
  const pooled = new Float64Array(table.probs.length);
  let rejections = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const rng = streamFor(seed, 0, name);
    counts.fill(0);
    for (let i = 0; i < N; i++) counts[table.cellOf(draw(rng))]++;
    if (chiSquare(counts, table.probs).pValue < 0.01) rejections++;
    for (let c = 0; c < counts.length; c++) pooled[c] += counts[c];
  }
  return { rejections, limit: binomialQuantile(seeds, 0.01, 0.999), pooledP: chiSquare(pooled, table.probs, Math.max(5, (seeds * N) / 100)).pValue };
}
