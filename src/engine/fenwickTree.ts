// A Fenwick (binary indexed) tree of non-negative weights (Fenwick 1994, "A new data
// structure for cumulative frequency tables", Software: Practice and Experience 24:327):
// O(log n) to change a weight and to find the entry a uniform point of [0, total) falls in,
// so that the exact part of the population engine picks the next event among thousands of
// compartments (clones) in O(log n) instead of a linear scan.
//
// Weights change by adding and subtracting doubles, so the sums drift by rounding; `reset`
// rebuilds them exactly from the weights (in O(n)), and the caller does so at the start of
// every sub-step and whenever a search lands on an entry whose weight is zero.
export class FenwickTree {
  private readonly tree: Float64Array;
  /** The weights themselves. */
  readonly weight: Float64Array;
  private readonly top: number;
  /** The point's offset into the entry found by the last `find`. */
  residual = 0;

  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
    this.weight = new Float64Array(size);
    let top = 1;
    while (top * 2 <= size) top *= 2;
    this.top = top;
  }

  /** Rebuilds the sums from `weight` (O(n)). */
  reset(): void {
    const { tree, weight, size } = this;
    tree.fill(0);
    for (let i = 1; i <= size; i++) {
      tree[i] += weight[i - 1];
      const parent = i + (i & -i);
      if (parent <= size) tree[parent] += tree[i];
    }
  }

  /** Sets entry i's weight to w. */
  set(i: number, w: number): void {
    const delta = w - this.weight[i];
    if (delta === 0) return;
    this.weight[i] = w;
    const { tree, size } = this;
    for (let j = i + 1; j <= size; j += j & -j) tree[j] += delta;
  }

  total(): number {
    let s = 0;
    for (let j = this.size; j > 0; j -= j & -j) s += this.tree[j];
    return s;
  }

  /**
   * The entry whose span of the cumulative weights holds r (0 <= r < total), with
   * `residual` set to r minus the weights before it; size - 1 when rounding puts r past the end.
   */
  find(r: number): number {
    const { tree, size } = this;
    let pos = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= size && tree[next] <= r) {
        pos = next;
        r -= tree[next];
      }
    }
    this.residual = r;
    return Math.min(pos, size - 1);
  }
}
