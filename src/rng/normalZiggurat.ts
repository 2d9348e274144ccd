// Standard normal variates by the ziggurat method of Marsaglia & Tsang 2000, "The ziggurat
// method for generating random variables", J Stat Softw 5(8), with 128 layers of equal area
// (their r = 3.442619855899 and v = 9.91256303526217e-3), and the tail beyond r by Marsaglia
// 1964, "Generating a variable from the tail of the normal distribution", Technometrics
// 6:101-102. One 32-bit word of the stream gives the layer (bits 0-6) and a signed abscissa
// (bits 8-31, as in the original's signed `hz`); the bits are disjoint, so layer and value are
// independent (the defect Doornik 2005 found in the original came from sharing them). 98.8% of
// draws cost one word, one table lookup and one comparison, with no branch on the sign.
//
// A hot loop may inline the common case (NORMAL_CORE, NORMAL_STEP) on its own generator state
// and call `normalOutsideCore` for the rest, or on a xoshiro128** state `normalOutsideCoreOn`
// (the FOSL1 level update, engine/fosl1Levels.ts): the same variates, without a call through
// the stream's closure, which differs per stream and would make the JIT recompile the caller
// for every replicate.
import type { RandomStream } from './stream.js';
import { xoshiroNext } from './xoshiro128.js';

const R = 3.442619855899;
const V = 9.91256303526217e-3;
const LAYERS = 128;
const TWO_32 = 4294967296;
/** The signed abscissa m = word >> 8 lies in [-2^23, 2^23). */
const SCALE = 8388608;

const density = (x: number) => Math.exp(-0.5 * x * x);

/** X[i]: right edge of layer i (X[0] = V / f(R), the base strip widened to hold the tail); X[128] = 0. */
const X = new Float64Array(LAYERS + 1);
/** Y[i] = f(X[i]): layer i >= 1 spans heights Y[i] to Y[i + 1]. */
const Y = new Float64Array(LAYERS + 1);
/** |m| < CORE[i] iff |m| / 2^23 < X[i + 1] / X[i]: the point lies in the part of layer i under the curve. */
const CORE = new Int32Array(LAYERS);
/** x = m * STEP[i] = (m / 2^23) X[i]. */
const STEP = new Float64Array(LAYERS);
/** The core bounds and steps, for loops that inline the common case (read-only). */
export const NORMAL_CORE: Int32Array = CORE;
export const NORMAL_STEP: Float64Array = STEP;

X[0] = V / density(R);
X[1] = R;
for (let i = 1; i < LAYERS - 1; i++) X[i + 1] = Math.sqrt(-2 * Math.log(density(X[i]) + V / X[i]));
X[LAYERS] = 0;
for (let i = 1; i <= LAYERS; i++) Y[i] = density(X[i]);
for (let i = 0; i < LAYERS; i++) {
  CORE[i] = Math.floor((X[i + 1] / X[i]) * SCALE);
  STEP[i] = X[i] / SCALE;
}

/** A draw from the tail x > R (Marsaglia 1964): R + E1 / R, accepted when 2 E2 > (E1 / R)^2. */
function tail(rng: RandomStream): number {
  for (;;) {
    const x = -Math.log(1 - rng()) / R;
    const y = -Math.log(1 - rng());
    if (y + y > x * x) return R + x;
  }
}

type WordSource = () => number;

/**
 * The stream's next 32-bit word as a signed integer: seedrandom's int32() where the stream has
 * it (one call instead of two), otherwise from the uniform, which is that word divided by 2^32.
 */
function words(rng: RandomStream): WordSource {
  const int32 = (rng as RandomStream & { int32?: WordSource }).int32;
  return typeof int32 === 'function' ? int32 : () => (rng() * TWO_32) | 0;
}

/** The rare case: the word `w` fell outside its layer's core (a wedge or the tail). Further words come from the stream's 32-bit uniform. */
export function normalOutsideCore(rng: RandomStream, w: number): number {
  for (;;) {
    const i = w & 127;
    const m = w >> 8;
    if (Math.abs(m) < CORE[i]) return m * STEP[i];
    if (i === 0) return m < 0 ? -tail(rng) : tail(rng);
    const x = m * STEP[i];
    if (Y[i] + rng() * (Y[i + 1] - Y[i]) < density(x)) return x;
    w = (rng() * TWO_32) | 0;
  }
}

/** normalOutsideCore on the stream of a xoshiro128** state, stepped in place (its 32-bit uniform is word / 2^32). */
export function normalOutsideCoreOn(state: Int32Array, w: number): number {
  for (;;) {
    const i = w & 127;
    const m = w >> 8;
    if (Math.abs(m) < CORE[i]) return m * STEP[i];
    if (i === 0) {
      for (;;) {
        const x = -Math.log(1 - (xoshiroNext(state) >>> 0) / TWO_32) / R;
        const y = -Math.log(1 - (xoshiroNext(state) >>> 0) / TWO_32);
        if (y + y > x * x) return m < 0 ? -(R + x) : R + x;
      }
    }
    const x = m * STEP[i];
    if (Y[i] + ((xoshiroNext(state) >>> 0) / TWO_32) * (Y[i + 1] - Y[i]) < density(x)) return x;
    w = xoshiroNext(state);
  }
}

/** A standard normal variate. */
export function normal(rng: RandomStream): number {
  const w = words(rng)();
  const m = w >> 8;
  const i = w & 127;
  return Math.abs(m) < CORE[i] ? m * STEP[i] : normalOutsideCore(rng, w);
}

/** Fills out[0 .. n-1] with standard normal variates (the same values as n calls of `normal`). */
export function fillNormal(rng: RandomStream, out: Float64Array, n: number): void {
  const next = words(rng);
  for (let j = 0; j < n; j++) {
    const w = next();
    const m = w >> 8;
    const i = w & 127;
    out[j] = Math.abs(m) < CORE[i] ? m * STEP[i] : normalOutsideCore(rng, w);
  }
}

/** f(X[127]) + v / X[127], which must be f(0) = 1 for the layers to close at the top (for the tests). */
export function zigguratClosure(): number {
  return density(X[LAYERS - 1]) + V / X[LAYERS - 1];
}

/** The ziggurat's tables, for a C anchor that must draw the same variates (scripts/benchFosl1.ts): edges X, heights Y (129 each), CORE and STEP (128 each). */
export function zigguratTables(): { x: Float64Array; y: Float64Array; core: Int32Array; step: Float64Array } {
  return { x: X.slice(), y: Y.slice(), core: CORE.slice(), step: STEP.slice() };
}
