// What a reader needs next to a hazard ratio: why there is none (no relapse in an arm, or arms
// that separate completely, where the Cox partial likelihood has no maximum), or, when it is
// far from 1, the caveat that replicate tumours are not patients. Replicates share every
// parameter, so the spread of relapse times within an arm is only the model's chance, often a
// few days; a shift of a few days then gives a hazard ratio of 0.05 that would mean a huge
// effect in a trial. The median difference is the size of the effect, and the caveat is given
// where a hazard ratio outside [1/2, 2] comes from a median shift of less than a quarter.
import type { HazardRatio } from '../analysis/hazardRatio.js';

/** A hazard ratio outside [1/2, 2] from a median shift below a quarter of the reference median gets the caveat. */
export const CAVEAT_RATIO = 2;
export const CAVEAT_SHIFT = 0.25;

export interface NoteContext {
  readonly arm: string;
  readonly reference: string;
  readonly armResponders: number;
  readonly referenceResponders: number;
  /** The reference arm's median relapse time and the arm's difference from it, hours (null: not reached). */
  readonly referenceMedianH: number | null;
  readonly medianDifferenceH: number | null;
}

export function hazardRatioNote(hr: HazardRatio, c: NoteContext): string | null {
  const { arm, reference, armResponders, referenceResponders } = c;
  const next = 'see the exact log-rank p and the median difference';
  switch (hr.notEstimable) {
    case null: {
      const r = hr.ratio as number;
      if (r >= 1 / CAVEAT_RATIO && r <= CAVEAT_RATIO) return null;
      if (c.referenceMedianH === null || c.medianDifferenceH === null) return null;
      const share = Math.abs(c.medianDifferenceH) / c.referenceMedianH;
      if (!(share < CAVEAT_SHIFT)) return null;
      return (
        `a median shift of ${(c.medianDifferenceH / 24).toFixed(1)} d (${(100 * share).toFixed(0)}% of ${reference}'s median) gives HR ${r.toPrecision(2)}: ` +
        `replicate tumours are not patients; they share every parameter, so relapse times within an arm spread only by chance, ` +
        `and a hazard ratio this far from 1 does not mean a large clinical effect; judge the effect by the median difference`
      );
    }
    case 'no-events':
      return referenceResponders === 0 && armResponders === 0
        ? `not estimable: no replicate of either arm responded`
        : `not estimable: no relapse in either arm`;
    case 'no-events-0':
      return referenceResponders === 0
        ? `not estimable: no replicate of ${reference} responded, so there is no relapse to compare with`
        : `not estimable: ${reference} has no relapse, so the ratio is infinite; ${next}`;
    case 'no-events-1':
      return armResponders === 0
        ? `not estimable: no replicate of ${arm} responded, so there is no relapse to compare`
        : `not estimable: ${arm} has no relapse, so the ratio is 0; ${next}`;
    case 'separated-low':
      return `not estimable: the arms separate completely (${arm} relapses after ${reference} so consistently that the Cox fit runs to a ratio of 0); ${next}`;
    case 'separated-high':
      return `not estimable: the arms separate completely (${arm} relapses before ${reference} so consistently that the Cox fit runs to an infinite ratio); ${next}`;
    case 'no-convergence':
      return `not estimable: the Cox fit did not converge; ${next}`;
  }
}
