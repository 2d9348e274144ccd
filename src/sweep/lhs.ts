// Latin hypercube sampling (McKay, Beckman & Conover 1979, Technometrics 21:239): n points in
// the unit cube [0, 1)^d such that, in every dimension, each of the n equal strata
// [k/n, (k+1)/n) holds exactly one point. Each dimension gets an independent random
// permutation of the strata (Fisher-Yates) and a uniform position within its stratum, all
// drawn from one seeded stream, so the design is a function of the seed alone.
import type { RandomStream } from '../rng/stream.js';

/** u[i][j]: coordinate j of point i. */
export function latinHypercube(n: number, dims: number, rng: RandomStream): number[][] {
  const u = Array.from({ length: n }, () => new Array<number>(dims).fill(0));
  const perm = new Int32Array(n);
  for (let j = 0; j < dims; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(rng.double() * (i + 1));
      const t = perm[i];
      perm[i] = perm[k];
      perm[k] = t;
    }
    for (let i = 0; i < n; i++) {
      const x = (perm[i] + rng.double()) / n;
      u[i][j] = x < (perm[i] + 1) / n ? x : perm[i] / n; // k + U may round up to k + 1
    }
  }
  return u;
}
