// Sorting int32 values in linear time and memory: an LSD radix sort (Knuth, The Art of
// Computer Programming, vol. 3, section 5.2.5, "radix sorting" by least significant digit
// first) with two 16-bit digits, the high digit's sign bit flipped so negative values come
// first. One counting pass gives both digits' histograms; a digit whose values all fall in one
// bucket is skipped (barcodes below 65,536 take one pass). The lineage sample
// (lineage.ts) sorts the barcodes of up to 5 x 10^7 living cells with it: Int32Array.sort
// took 6 s on 3 x 10^7 random barcodes, this well under one.

const BUCKETS = 65536;

/**
 * Sorts `a` ascending, using `scratch` (at least a.length long) as the second buffer; returns
 * whichever of the two now holds the sorted values in its first a.length slots.
 */
export function radixSortInt32(a: Int32Array, scratch: Int32Array): Int32Array {
  const n = a.length;
  if (scratch.length < n) throw new RangeError(`radixSortInt32: scratch of ${scratch.length} for ${n} values`);
  const low = new Int32Array(BUCKETS + 1);
  const high = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    low[(v & 0xffff) + 1]++;
    high[((v >>> 16) ^ 0x8000) + 1]++;
  }
  let src = a;
  let dst = scratch;
  for (let pass = 0; pass < 2; pass++) {
    const start = pass === 0 ? low : high;
    if (one(start, n)) continue;
    for (let b = 1; b <= BUCKETS; b++) start[b] += start[b - 1];
    if (pass === 0) {
      for (let i = 0; i < n; i++) {
        const v = src[i];
        dst[start[v & 0xffff]++] = v;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = src[i];
        dst[start[(v >>> 16) ^ 0x8000]++] = v;
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/** Whether one bucket of the histogram (counts in slots 1 .. BUCKETS) holds all n values. */
function one(counts: Int32Array, n: number): boolean {
  for (let b = 1; b <= BUCKETS; b++) if (counts[b] !== 0) return counts[b] === n;
  return true;
}
