// The observation models of a fit (issue 13): how a value of the data arises from the cells
// of a simulated tumour, as a log-density (the likelihood the sampler tempers) and as a draw
// (synthetic data, posterior-predictive bands). The normal model is truncated at 0, since a
// volume or a count is never negative: density / Phi(mu / sd), drawn by rejection. A
// log-normal value of exactly 0 means "no cells": it has probability 1 when the simulated
// tumour has none of those cells (died out) and 0 otherwise, so extinct wells and tumours
// are data, not gaps (a log-normal measurement of a living tumour is never 0).
import type { RandomStream } from '../rng/stream.js';
import { binomial } from '../rng/binomial.js';
import { logFactorial } from '../rng/logFactorial.js';
import { normal } from '../rng/normalZiggurat.js';
import { poisson } from '../rng/poisson.js';
import type { Observable } from './types.js';

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Phi(x), the standard normal CDF, by erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function logNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const lnErfc = Math.log(t) - z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  // Phi(x) = erfc(-x / sqrt 2) / 2
  return x < 0 ? lnErfc - Math.LN2 : Math.log1p(-0.5 * Math.exp(lnErfc));
}

/** The model's quantity for a value: scale x cells (binomial: the fraction of living cells). */
export function modelQuantity(obs: Observable, cells: number, total: number): number {
  if (obs.noise === 'binomial') return total > 0 ? cells / total : NaN;
  return obs.scale * cells;
}

/**
 * ln p(value | cells). `sd` is the noise sd (the observable's own, or the particle's fitted
 * one); -Infinity where the simulated tumour cannot give the value (a positive volume of an
 * extinct tumour, a profile of no cells).
 */
export function logDensity(obs: Observable, sd: number, value: number, nCells: number | null, cells: number, total: number): number {
  const mu = modelQuantity(obs, cells, total);
  switch (obs.noise) {
    case 'log-normal': {
      if (value === 0) return mu === 0 ? 0 : -Infinity;
      if (!(mu > 0)) return -Infinity;
      const z = (Math.log(value) - Math.log(mu)) / sd;
      return -Math.log(value) - Math.log(sd) - LN_SQRT_2PI - 0.5 * z * z;
    }
    case 'normal': {
      const z = (value - mu) / sd;
      return -Math.log(sd) - LN_SQRT_2PI - 0.5 * z * z - logNormalCdf(mu / sd);
    }
    case 'poisson':
      if (mu <= 0) return value === 0 ? 0 : -Infinity;
      return value * Math.log(mu) - mu - logFactorial(value);
    case 'binomial': {
      if (Number.isNaN(mu) || nCells === null) return -Infinity;
      const n = nCells;
      const k = value;
      if (mu <= 0) return k === 0 ? 0 : -Infinity;
      if (mu >= 1) return k === n ? 0 : -Infinity;
      return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(mu) + (n - k) * Math.log1p(-mu);
    }
  }
}

/** A value drawn from the observation model; 0 for a log-normal quantity of no cells; NaN where none can be observed (a profile of a tumour with no cells). */
export function drawValue(obs: Observable, sd: number, nCells: number | null, cells: number, total: number, rng: RandomStream): number {
  const mu = modelQuantity(obs, cells, total);
  switch (obs.noise) {
    case 'log-normal':
      return mu > 0 ? mu * Math.exp(sd * normal(rng)) : 0;
    case 'normal': {
      for (let i = 0; i < 10000; i++) {
        const v = mu + sd * normal(rng);
        if (v >= 0) return v;
      }
      return 0;
    }
    case 'poisson':
      return mu > 0 ? poisson(rng, mu) : 0;
    case 'binomial':
      return Number.isNaN(mu) || nCells === null ? NaN : binomial(rng, nCells, mu);
  }
}
