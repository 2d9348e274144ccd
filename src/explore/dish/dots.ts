// The dots of the dish: a visual sample of the live replicate's cells, one dot for `scale`
// cells (dish.ts). The engine is not spatial, so a dot's position is the dish's own; what
// is kept in step with the engine is how many dots of each state are alive. Dots live in
// struct-of-arrays typed arrays; the living dots of each state are also listed in a dense
// pool (as in the engine's CellStore), so a random living dot is O(1) to draw. A dying dot
// leaves its pool at once and the arrays when its animation ends. An occupancy grid over the
// dish counts dots per cell, for placing daughters where there is room.

export const S = 0;
export const P = 1;
/** Genetically resistant (scenarios with a resistant phenotype). */
export const R = 2;
export const STATES = 3;
/** Occupancy grid cells per side over [-1, 1]. */
export const GRID = 64;

export class DotStore {
  n = 0;
  x = new Float32Array(0);
  y = new Float32Array(0);
  /** Where a newborn dot starts its animation (its mother's position). */
  fromX = new Float32Array(0);
  fromY = new Float32Array(0);
  state = new Uint8Array(0);
  /** Rank of the dot within its state in [0, 1): it takes that quantile of the state's FOSL1 levels. */
  rank = new Float32Array(0);
  /** Wall-clock ms of birth, start of dying (0: alive) and last switch (0: never). */
  born = new Float64Array(0);
  died = new Float64Array(0);
  switched = new Float64Array(0);
  /** Index of the dot in its state's pool, -1 while dying. */
  private slot = new Int32Array(0);
  readonly pools: Int32Array[] = Array.from({ length: STATES }, () => new Int32Array(16));
  readonly living = new Int32Array(STATES);
  readonly grid = new Int32Array(GRID * GRID);

  constructor(capacity = 1024) {
    this.grow(capacity);
  }

  /** Adds a living dot; returns its index. */
  add(state: number, x: number, y: number, rank: number, fromX: number, fromY: number, now: number): number {
    if (this.n === this.x.length) this.grow(this.x.length * 2);
    const i = this.n++;
    this.x[i] = x;
    this.y[i] = y;
    this.fromX[i] = fromX;
    this.fromY[i] = fromY;
    this.state[i] = state;
    this.rank[i] = rank;
    this.born[i] = now;
    this.died[i] = 0;
    this.switched[i] = 0;
    this.enterPool(i, state);
    this.grid[gridIndex(this.x[i], this.y[i])]++;
    return i;
  }

  /** Starts the death of a living dot (it leaves its pool; it is removed by `sweep`). */
  kill(i: number, now: number): void {
    this.leavePool(i);
    this.died[i] = now;
  }

  /** Removes a living dot at once (no animation). */
  drop(i: number): void {
    this.leavePool(i);
    this.removeAt(i);
  }

  switchState(i: number, to: number, rank: number, now: number): void {
    this.leavePool(i);
    this.state[i] = to;
    this.rank[i] = rank;
    this.switched[i] = now;
    this.enterPool(i, to);
  }

  /** The k-th living dot of a state. */
  livingDot(state: number, k: number): number {
    return this.pools[state][k];
  }

  /** Removes the dots whose death started more than `afterMs` ago. */
  sweep(now: number, afterMs: number): void {
    for (let i = this.n - 1; i >= 0; i--) {
      if (this.died[i] > 0 && now - this.died[i] > afterMs) this.removeAt(i);
    }
  }

  clear(): void {
    this.n = 0;
    this.living.fill(0);
    this.grid.fill(0);
  }

  private enterPool(i: number, state: number): void {
    let pool = this.pools[state];
    const k = this.living[state]++;
    if (k === pool.length) {
      const bigger = new Int32Array(pool.length * 2);
      bigger.set(pool);
      this.pools[state] = pool = bigger;
    }
    pool[k] = i;
    this.slot[i] = k;
  }

  private leavePool(i: number): void {
    const k = this.slot[i];
    if (k < 0) return;
    const state = this.state[i];
    const pool = this.pools[state];
    const last = --this.living[state];
    const moved = pool[last];
    pool[k] = moved;
    this.slot[moved] = k;
    this.slot[i] = -1;
  }

  /** Removes dot i from the arrays; the last dot takes its index. */
  private removeAt(i: number): void {
    this.grid[gridIndex(this.x[i], this.y[i])]--;
    const last = --this.n;
    if (i === last) return;
    this.x[i] = this.x[last];
    this.y[i] = this.y[last];
    this.fromX[i] = this.fromX[last];
    this.fromY[i] = this.fromY[last];
    this.state[i] = this.state[last];
    this.rank[i] = this.rank[last];
    this.born[i] = this.born[last];
    this.died[i] = this.died[last];
    this.switched[i] = this.switched[last];
    const k = this.slot[last];
    this.slot[i] = k;
    if (k >= 0) this.pools[this.state[last]][k] = i;
  }

  private grow(capacity: number): void {
    const f32 = (a: Float32Array) => {
      const b = new Float32Array(capacity);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.x = f32(this.x);
    this.y = f32(this.y);
    this.fromX = f32(this.fromX);
    this.fromY = f32(this.fromY);
    this.rank = f32(this.rank);
    this.born = f64(this.born);
    this.died = f64(this.died);
    this.switched = f64(this.switched);
    const state = new Uint8Array(capacity);
    state.set(this.state);
    this.state = state;
    const slot = new Int32Array(capacity);
    slot.set(this.slot);
    this.slot = slot;
  }
}

export function gridIndex(x: number, y: number): number {
  const gx = Math.min(GRID - 1, Math.max(0, Math.floor(((x + 1) / 2) * GRID)));
  const gy = Math.min(GRID - 1, Math.max(0, Math.floor(((y + 1) / 2) * GRID)));
  return gy * GRID + gx;
}
