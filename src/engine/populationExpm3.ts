// exp(M t) of a 3 x 3 Metzler matrix for the population engine's three-type fates, by scaling
// and squaring with a Taylor series (Moler & Van Loan 2003, SIAM Rev 45:3, method 3), as
// analysis/expmMetzler.ts, into preallocated buffers: the leap computes one per sub-step.
const TERMS = 14;
const SCALE_NORM = 0.25;

export class Expm3 {
  readonly out = new Float64Array(9);
  private readonly x = new Float64Array(9);
  private readonly term = new Float64Array(9);
  private readonly tmp = new Float64Array(9);

  /** exp(M t) into this.out (row-major). */
  compute(M: ArrayLike<number>, t: number): Float64Array {
    const { out, x, term, tmp } = this;
    let norm = 0;
    for (let i = 0; i < 3; i++) norm = Math.max(norm, Math.abs(M[3 * i] * t) + Math.abs(M[3 * i + 1] * t) + Math.abs(M[3 * i + 2] * t));
    const s = norm > SCALE_NORM ? Math.ceil(Math.log2(norm / SCALE_NORM)) : 0;
    const h = t / 2 ** s;
    for (let k = 0; k < 9; k++) {
      x[k] = M[k] * h;
      term[k] = k % 4 === 0 ? 1 : 0;
      out[k] = term[k];
    }
    for (let n = 1; n <= TERMS; n++) {
      multiply(term, x, tmp);
      for (let k = 0; k < 9; k++) {
        term[k] = tmp[k] / n;
        out[k] += term[k];
      }
    }
    for (let n = 0; n < s; n++) {
      multiply(out, out, tmp);
      out.set(tmp);
    }
    return out;
  }
}

function multiply(A: Float64Array, B: Float64Array, C: Float64Array): void {
  for (let i = 0; i < 3; i++) {
    const a0 = A[3 * i];
    const a1 = A[3 * i + 1];
    const a2 = A[3 * i + 2];
    for (let j = 0; j < 3; j++) C[3 * i + j] = a0 * B[j] + a1 * B[3 + j] + a2 * B[6 + j];
  }
}
