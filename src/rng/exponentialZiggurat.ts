// Unit exponential variates by the ziggurat method of Marsaglia & Tsang 2000, "The ziggurat
// method for generating random variables", J Stat Softw 5(8), with 256 layers of equal area
// (their r = 7.69711747013104972 and v = 3.949659822581572e-3); the tail beyond r is r plus a
// fresh unit exponential (memorylessness). The twin of normalZiggurat.ts: one 32-bit word gives
// the layer (bits 0-7) and an unsigned abscissa (bits 8-31); the bits are disjoint, so layer
// and value are independent (Doornik 2005's remark on the original's shared bits). About 99% of
// draws cost one word, one table lookup and one comparison, and no logarithm.
//
// The engine's hot loop inlines the common case (EXP_CORE, EXP_STEP) on its own generator
// state and calls `exponentialOutsideCore` for the rest.
import type { RandomStream } from './stream.js';

// biome-ignore lint/correctness/noPrecisionLoss: the constant as printed in the paper (the same double)
const R = 7.69711747013104972;
const V = 3.949659822581572e-3;
const LAYERS = 256;
const TWO_32 = 4294967296;
/** The abscissa m = word >>> 8 lies in [0, 2^24). */
const SCALE = 16777216;

const density = (x: number) => Math.exp(-x);

/** X[i]: right edge of layer i (X[0] = V / f(R), the base strip widened to hold the tail); X[256] = 0. */
const X = new Float64Array(LAYERS + 1);
/** Y[i] = f(X[i]): layer i >= 1 spans heights Y[i] to Y[i + 1]. */
const Y = new Float64Array(LAYERS + 1);
/** m < EXP_CORE[i] iff m / 2^24 < X[i + 1] / X[i]: the point lies in the part of layer i under the curve. */
export const EXP_CORE = new Int32Array(LAYERS);
/** x = m * EXP_STEP[i] = (m / 2^24) X[i]. */
export const EXP_STEP = new Float64Array(LAYERS);

X[0] = V / density(R);
X[1] = R;
for (let i = 1; i < LAYERS - 1; i++) X[i + 1] = -Math.log(density(X[i]) + V / X[i]);
X[LAYERS] = 0;
for (let i = 1; i <= LAYERS; i++) Y[i] = density(X[i]);
for (let i = 0; i < LAYERS; i++) {
  EXP_CORE[i] = Math.floor((X[i + 1] / X[i]) * SCALE);
  EXP_STEP[i] = X[i] / SCALE;
}

/**
 * The rare case: the word `w` fell outside its layer's core (a wedge or the tail). Further
 * words come from the stream's 32-bit uniform.
 */
export function exponentialOutsideCore(rng: RandomStream, w: number): number {
  for (;;) {
    const i = w & 255;
    const m = w >>> 8;
    if (m < EXP_CORE[i]) return m * EXP_STEP[i];
    if (i === 0) return R - Math.log(1 - rng());
    const x = m * EXP_STEP[i];
    if (Y[i] + rng() * (Y[i + 1] - Y[i]) < density(x)) return x;
    w = (rng() * TWO_32) | 0;
  }
}

/** A unit exponential variate from one 32-bit word of the stream (rarely more). */
export function exponentialZiggurat(rng: RandomStream): number {
  const w = (rng() * TWO_32) | 0;
  const m = w >>> 8;
  return m < EXP_CORE[w & 255] ? m * EXP_STEP[w & 255] : exponentialOutsideCore(rng, w);
}

/** f(X[255]) + v / X[255], which must be f(0) = 1 for the layers to close at the top (for the tests). */
export function exponentialZigguratClosure(): number {
  return density(X[LAYERS - 1]) + V / X[LAYERS - 1];
}
