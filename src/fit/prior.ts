// Priors of the fitted parameters, and the free (unconstrained-ish) scale the sampler moves
// on: ln(value) for log-uniform and log-normal priors, the value itself otherwise. The
// density on the free scale includes the Jacobian, so a random walk there targets the prior
// the user wrote. A log-normal's mean and sd are those of the value; its log-scale
// parameters are sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2. A normal may be
// truncated by min and max (sampled by rejection; its density is left unnormalised, which
// SMC weights do not need).
import { normal } from '../rng/normalZiggurat.js';
import type { RandomStream } from '../rng/stream.js';
import type { Prior } from './types.js';

const LOG_2PI = Math.log(2 * Math.PI);

export function isLogScale(p: Prior): boolean {
  return p.kind === 'log-uniform' || p.kind === 'log-normal';
}

/** The prior's support is strictly positive, so correlations can be taken of ln(value). */
export function isPositive(p: Prior): boolean {
  return isLogScale(p) || (p.min !== null && p.min > 0);
}

function need(v: number | null, what: string, p: Prior): number {
  if (v === null) throw new Error(`internal: ${p.kind} prior without ${what}`);
  return v;
}

/** Log-scale parameters of a log-normal given the mean and sd of the value. */
export function logNormalParameters(mean: number, sd: number): { readonly mu: number; readonly sigma: number } {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

function inside(p: Prior, x: number): boolean {
  return (p.min === null || x >= p.min) && (p.max === null || x <= p.max);
}

export function toFree(p: Prior, x: number): number {
  return isLogScale(p) ? Math.log(x) : x;
}

export function fromFree(p: Prior, u: number): number {
  return isLogScale(p) ? Math.exp(u) : u;
}

export function priorSample(p: Prior, rng: RandomStream): number {
  switch (p.kind) {
    case 'log-uniform': {
      const a = Math.log(need(p.min, 'min', p));
      const b = Math.log(need(p.max, 'max', p));
      return Math.exp(a + (b - a) * rng.double());
    }
    case 'uniform': {
      const a = need(p.min, 'min', p);
      return a + (need(p.max, 'max', p) - a) * rng.double();
    }
    case 'log-normal': {
      const { mu, sigma } = logNormalParameters(need(p.mean, 'mean', p), need(p.sd, 'sd', p));
      return Math.exp(mu + sigma * normal(rng));
    }
    case 'normal': {
      const m = need(p.mean, 'mean', p);
      const s = need(p.sd, 'sd', p);
      for (let tries = 0; tries < 100_000; tries++) {
        const x = m + s * normal(rng);
        if (inside(p, x)) return x;
      }
      throw new Error(`the prior ${p.text} keeps almost no mass inside its min and max`);
    }
  }
}

/** Log density of the free value u (up to a constant for truncated normals); -Infinity outside the support. */
export function freeLogDensity(p: Prior, u: number): number {
  if (!Number.isFinite(u)) return -Infinity;
  switch (p.kind) {
    case 'log-uniform': {
      const a = Math.log(need(p.min, 'min', p));
      const b = Math.log(need(p.max, 'max', p));
      return u < a || u > b ? -Infinity : -Math.log(b - a);
    }
    case 'uniform': {
      const a = need(p.min, 'min', p);
      const b = need(p.max, 'max', p);
      return u < a || u > b ? -Infinity : -Math.log(b - a);
    }
    case 'log-normal': {
      const { mu, sigma } = logNormalParameters(need(p.mean, 'mean', p), need(p.sd, 'sd', p));
      const z = (u - mu) / sigma;
      return -0.5 * z * z - Math.log(sigma) - 0.5 * LOG_2PI;
    }
    case 'normal': {
      if (!inside(p, u)) return -Infinity;
      const s = need(p.sd, 'sd', p);
      const z = (u - need(p.mean, 'mean', p)) / s;
      return -0.5 * z * z - Math.log(s) - 0.5 * LOG_2PI;
    }
  }
}

/** Variance of the prior on its own scale (the free scale), for the contraction of posterior_summary.csv. */
export function freeVariance(p: Prior): number {
  switch (p.kind) {
    case 'log-uniform': {
      const w = Math.log(need(p.max, 'max', p) / need(p.min, 'min', p));
      return (w * w) / 12;
    }
    case 'uniform': {
      const w = need(p.max, 'max', p) - need(p.min, 'min', p);
      return (w * w) / 12;
    }
    case 'log-normal':
      return logNormalParameters(need(p.mean, 'mean', p), need(p.sd, 'sd', p)).sigma ** 2;
    case 'normal': {
      const m = need(p.mean, 'mean', p);
      const s = need(p.sd, 'sd', p);
      if (p.min === null && p.max === null) return s * s;
      return truncatedNormalVariance(m, s, p.min ?? m - 12 * s, p.max ?? m + 12 * s);
    }
  }
}

/** Variance of Normal(m, s) truncated to [lo, hi], by the trapezoid rule on 4000 panels (the density is smooth). */
function truncatedNormalVariance(m: number, s: number, lo: number, hi: number): number {
  const a = Math.max(lo, m - 12 * s);
  const b = Math.min(hi, m + 12 * s);
  const n = 4000;
  const h = (b - a) / n;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let i = 0; i <= n; i++) {
    const x = a + i * h;
    const f = Math.exp(-0.5 * ((x - m) / s) ** 2) * (i === 0 || i === n ? 0.5 : 1);
    w0 += f;
    w1 += f * x;
    w2 += f * x * x;
  }
  const mean = w1 / w0;
  return w2 / w0 - mean * mean;
}
