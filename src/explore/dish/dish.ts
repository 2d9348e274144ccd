// The dish: the live replicate's cells as dots that divide, die and switch state in real
// time. Each frame from the engine becomes a segment of dot events (reconcile.ts) spread
// evenly over the segment's span of simulated time, in a seeded random order, and applied as
// the display clock passes them; paint.ts draws the dots.
// One dot stands for a whole number of cells. When the tumour outgrows the dish that number
// doubles and half the dots go (zooming out); when few dots are left of a tumour sampled
// coarsely, it halves and every dot gets a twin (zooming in), so that a handful of persisters
// is seen cell by cell. Twins are not daughters, so they are scattered over the dish rather
// than put beside their dot, which would draw clones that do not exist. Positions are illustrative (placement.ts).
import type { Scenario } from '../../model/scenario.js';
import type { RandomStream } from '../../rng/stream.js';
import type { LiveFrame } from '../worker/protocol.js';
import { DotStore, P, R, S, STATES } from './dots.js';
import { levelTable } from './palette.js';
import { besideMother, scatter, type Spot } from './placement.js';
import { dotEvents, dotsFor } from './reconcile.js';
import { resistantDivisionRate } from '../engineFeatures.js';

const RERANK_MS = 500;
/** Zoom in when the dots are fewer than maxDots / this. */
const ZOOM_IN_BELOW = 16;

/** Event codes: a birth of state p is p, a death of state p is DEATH + p, then an entry and an exit. */
const DEATH = STATES;
const ENTRY = 2 * STATES;

interface Segment {
  readonly t0: number;
  readonly t1: number;
  readonly codes: Uint8Array;
  applied: number;
  readonly frame: LiveFrame;
}

export interface DishOptions {
  /** The most dots the dish draws; past it the scale halves. */
  readonly maxDots: number;
  /** Dots at t = 0 when the tumour is larger. */
  readonly startDots: number;
}

export class Dish {
  readonly dots = new DotStore();
  /** Cells per dot (a whole number). */
  cellsPerDot: number;
  /** Dot radius as a fraction of the dish radius: smaller as the dish has held more dots, never larger. */
  radius: number;
  /** The engine frame the display has reached. */
  shown: LiveFrame | null = null;
  private readonly segments: Segment[] = [];
  private last: LiveFrame | null = null;
  /** Living dots per state once every queued event is applied. */
  private readonly projected: [number, number, number] = [0, 0, 0];
  private readonly debt = [0, 0, 0];
  private readonly spot: Spot = { x: 0, y: 0 };
  private readonly divisionRates: [number, number, number];
  /** The FOSL1 level colour table (FOSL1 switch only). */
  readonly levels: { colors: Uint32Array; max: number } | null;
  private lastRerank = 0;

  constructor(s: Scenario, private readonly rng: RandomStream, private readonly opts: DishOptions) {
    this.cellsPerDot = Math.max(1, Math.ceil(s.population.initial / opts.startDots));
    this.radius = radiusFor(Math.min(s.population.initial, opts.startDots));
    this.divisionRates = [s.phenotypes.sensitive.divisionRate, s.phenotypes.persister.divisionRate, resistantDivisionRate(s) ?? 0];
    this.levels = s.switch.model === 'fosl1' ? levelTable({ off: s.switch.offThreshold, on: s.switch.onThreshold }) : null;
  }

  /** Dots per cell. */
  get scale(): number {
    return 1 / this.cellsPerDot;
  }

  get pending(): number {
    return this.segments.length;
  }

  /** A frame from the engine: the first places the dots, later ones queue their events. */
  push(frame: LiveFrame, now: number): void {
    if (this.last === null) {
      this.seed(frame);
      return;
    }
    const total = this.dotsAt(frame, this.scale);
    if (total > this.opts.maxDots) this.zoomOut(frame, now);
    else if (this.cellsPerDot > 1 && total < this.opts.maxDots / ZOOM_IN_BELOW) this.zoomIn(frame, now);
    const prev = this.last;
    const events = dotEvents(
      {
        after: frame,
        divisions: frame.divisions - prev.divisions,
        deaths: frame.deaths - prev.deaths,
        entries: frame.entries - prev.entries,
        exits: frame.exits - prev.exits,
      },
      this.projected,
      this.scale,
      this.divisionRates,
      this.rng,
    );
    const counts = [...events.births, ...events.deaths, events.entries, events.exits];
    const codes = new Uint8Array(counts.reduce((a, b) => a + b, 0));
    let j = 0;
    counts.forEach((c, code) => {
      for (let k = 0; k < c; k++) codes[j++] = code;
    });
    for (let i = codes.length - 1; i > 0; i--) {
      const k = Math.floor(this.rng() * (i + 1));
      const tmp = codes[i];
      codes[i] = codes[k];
      codes[k] = tmp;
    }
    for (let p = 0; p < STATES; p++) this.projected[p] += events.births[p] - events.deaths[p];
    this.projected[S] += events.exits - events.entries;
    this.projected[P] += events.entries - events.exits;
    this.segments.push({ t0: prev.t, t1: frame.t, codes, applied: 0, frame });
    this.radius = Math.min(this.radius, radiusFor(this.projected[S] + this.projected[P] + this.projected[R]));
    this.last = frame;
  }

  /** Applies the events of the queued segments up to simulated time t. */
  advanceTo(t: number, now: number): void {
    while (this.segments.length > 0) {
      const seg = this.segments[0];
      const span = seg.t1 - seg.t0;
      const f = span > 0 ? Math.min(1, Math.max(0, (t - seg.t0) / span)) : 1;
      const upTo = Math.floor(f * seg.codes.length + 1e-9);
      while (seg.applied < upTo) this.apply(seg.codes[seg.applied++], now);
      if (f < 1) break;
      this.segments.shift();
      this.shown = seg.frame;
    }
    if (now - this.lastRerank > RERANK_MS) {
      this.rerank();
      this.lastRerank = now;
    }
  }

  private seed(frame: LiveFrame): void {
    this.last = frame;
    this.shown = frame;
    const n = [dotsFor(frame.sensitive, this.scale), dotsFor(frame.persister, this.scale), dotsFor(frame.resistant, this.scale)];
    for (let p = 0; p < STATES; p++) {
      for (let k = 0; k < n[p]; k++) {
        const at = scatter(this.rng, this.spot);
        this.dots.add(p, at.x, at.y, this.rng(), at.x, at.y, 0);
      }
      this.projected[p] = n[p];
    }
  }

  /** Doubles the cells per dot until the frame fits, dropping the same share of dots of each state. */
  private zoomOut(frame: LiveFrame, now: number): void {
    this.advanceTo(Infinity, now);
    let k = this.cellsPerDot;
    while (this.dotsAt(frame, 1 / k) > this.opts.maxDots) k *= 2;
    const factor = this.cellsPerDot / k;
    this.cellsPerDot = k;
    for (let p = 0; p < STATES; p++) {
      const keep = Math.round(this.dots.living[p] * factor);
      while (this.dots.living[p] > Math.max(keep, 0)) this.dots.drop(this.dots.livingDot(p, Math.floor(this.rng() * this.dots.living[p])));
      this.projected[p] = this.dots.living[p];
    }
  }

  /** Dots a frame needs at a scale. */
  private dotsAt(frame: LiveFrame, scale: number): number {
    return dotsFor(frame.sensitive, scale) + dotsFor(frame.persister, scale) + dotsFor(frame.resistant, scale);
  }

  /** Halves the cells per dot (down to one) while the frame stays well within the dish, giving each dot twins. */
  private zoomIn(frame: LiveFrame, now: number): void {
    this.advanceTo(Infinity, now);
    let k = this.cellsPerDot;
    while (k > 1 && this.dotsAt(frame, 1 / Math.floor(k / 2)) <= this.opts.maxDots / 4) k = Math.floor(k / 2);
    if (k === this.cellsPerDot) return;
    const factor = this.cellsPerDot / k;
    this.cellsPerDot = k;
    const dots = this.dots;
    for (let p = 0; p < STATES; p++) {
      const n = dots.living[p];
      for (let k = 0; k < n; k++) {
        const i = dots.livingDot(p, k);
        const twins = Math.floor(factor - 1) + (this.rng() < factor - Math.floor(factor) ? 1 : 0);
        for (let c = 0; c < twins; c++) {
          const at = scatter(this.rng, this.spot);
          dots.add(p, at.x, at.y, clamp01(dots.rank[i] + (this.rng() - 0.5) * 0.06), at.x, at.y, 0);
        }
      }
      this.projected[p] = dots.living[p];
    }
  }

  private apply(code: number, now: number): void {
    const dots = this.dots;
    const rng = this.rng;
    if (code < DEATH) {
      const p = code;
      const mother = this.randomDot(p) ?? this.anyDot();
      const mx = mother === null ? 0 : dots.x[mother];
      const my = mother === null ? 0 : dots.y[mother];
      const at = mother === null ? scatter(rng, this.spot) : besideMother(dots, mx, my, 2 * this.radius, rng, this.spot);
      const rank = mother === null || dots.state[mother] !== p ? rng() : clamp01(dots.rank[mother] + (rng() - 0.5) * 0.06);
      dots.add(p, at.x, at.y, rank, mother === null ? at.x : mx, mother === null ? at.y : my, now);
      if (this.debt[p] > 0) {
        this.debt[p]--;
        this.apply(DEATH + p, now);
      }
    } else if (code < ENTRY) {
      const p = code - DEATH;
      const i = this.randomDot(p);
      if (i === null) this.debt[p]++;
      else dots.kill(i, now);
    } else {
      const from = code === ENTRY ? S : P;
      const i = this.pickByRank(from, code === ENTRY);
      if (i !== null) dots.switchState(i, from === S ? P : S, code === ENTRY ? 0.2 * rng() : 0.8 + 0.2 * rng(), now);
    }
  }

  private randomDot(p: number): number | null {
    const n = this.dots.living[p];
    return n === 0 ? null : this.dots.livingDot(p, Math.floor(this.rng() * n));
  }

  /** A random living dot of any state (a mutant's mother), or null. */
  private anyDot(): number | null {
    const l = this.dots.living;
    let k = Math.floor(this.rng() * (l[S] + l[P] + l[R]));
    for (let p = 0; p < STATES; p++) {
      if (k < l[p]) return this.dots.livingDot(p, k);
      k -= l[p];
    }
    return null;
  }

  /** The highest (or lowest) ranked of three random dots of a state: cells near the threshold switch. */
  private pickByRank(p: number, highest: boolean): number | null {
    let best: number | null = null;
    for (let k = 0; k < 3; k++) {
      const i = this.randomDot(p);
      if (i === null) return null;
      if (best === null || (highest ? this.dots.rank[i] > this.dots.rank[best] : this.dots.rank[i] < this.dots.rank[best])) best = i;
    }
    return best;
  }

  /** Spreads each state's ranks evenly again, keeping their order. */
  private rerank(): void {
    for (let p = 0; p < STATES; p++) {
      const n = this.dots.living[p];
      if (n === 0) continue;
      const ids = Array.from(this.dots.pools[p].subarray(0, n));
      ids.sort((a, b) => this.dots.rank[a] - this.dots.rank[b]);
      ids.forEach((i, k) => (this.dots.rank[i] = (k + 0.5) / n));
    }
  }
}

const clamp01 = (x: number) => Math.min(0.999, Math.max(0, x));

/** Dots of this radius (a fraction of the dish's) would cover about half the dish. */
function radiusFor(dots: number): number {
  return Math.max(0.0095, Math.min(0.02, Math.sqrt(0.5 / Math.max(1, dots))));
}
