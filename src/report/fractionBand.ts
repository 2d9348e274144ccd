// The persister fraction across replicates, only where it means something: a replicate
// counts at a record time only with at least MIN_FRACTION_CELLS living cells (with one or two
// cells left the fraction can only be 0%, 50% or 100%, and a 10-90% band of such values
// is a wall from the axis floor to 100%), and the median and band are drawn only where at
// least MIN_FRACTION_REPLICATES replicates count (all of them in a smaller batch).
import { bandOver, type Band } from './quantiles.js';

export const MIN_FRACTION_CELLS = 10;
export const MIN_FRACTION_REPLICATES = 3;

/** NaN where too few replicates have enough cells (no line, no band: a gap). */
export function persisterFractionBand(replicates: number, length: number, persister: (r: number, k: number) => number, total: (r: number, k: number) => number): Band {
  const band = bandOver(replicates, length, (r, k) => {
    const t = total(r, k);
    return t >= MIN_FRACTION_CELLS ? persister(r, k) / t : NaN;
  });
  const needed = Math.min(MIN_FRACTION_REPLICATES, replicates);
  for (let k = 0; k < length; k++) {
    let counted = 0;
    for (let r = 0; r < replicates; r++) if (total(r, k) >= MIN_FRACTION_CELLS) counted++;
    if (counted < needed) {
      band.lower[k] = NaN;
      band.median[k] = NaN;
      band.upper[k] = NaN;
    }
  }
  return band;
}
