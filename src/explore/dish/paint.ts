// Draws the dish (dish.ts) into its raster: the background by the chemotherapy's effect, then
// every dot, coloured by state or by its FOSL1 level (the quantile of its rank in its state),
// with short animations: a daughter slides out of her mother and grows, a dying dot greys and
// shrinks, a dot that switches state pulses.
import type { Dish } from './dish.js';
import { DYING, STATE_COLORS, background, pack } from './palette.js';
import type { Raster } from './raster.js';

export const BIRTH_MS = 350;
export const DEATH_MS = 600;
export const SWITCH_MS = 700;

export type ColorBy = 'state' | 'level';

const STATE_PIXELS = STATE_COLORS.map(pack);
const GREY = pack(DYING);

/** The colour of a FOSL1 level at `rank` in a state's level quantiles. */
function levelColor(levels: { colors: Uint32Array; max: number }, q: Float32Array, rank: number): number {
  const h = rank * (q.length - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, q.length - 1);
  const level = q[lo] + (h - lo) * (q[hi] - q[lo]);
  const k = Math.min(levels.colors.length - 1, Math.max(0, Math.round((level / levels.max) * (levels.colors.length - 1))));
  return levels.colors[k];
}

function blend(a: number, b: number, t: number): number {
  const ch = (c: number, s: number) => (c >> s) & 255;
  const m = (s: number) => Math.round(ch(a, s) + (ch(b, s) - ch(a, s)) * t);
  return (m(16) << 16) | (m(8) << 8) | m(0);
}

/** Draws the dish: background by the drug's effect (0..1) in its colour ('r,g,b'), dots by state or FOSL1 level. */
export function paintDish(dish: Dish, raster: Raster, effect: number, drugRgb: string, colorBy: ColorBy, now: number): void {
  const dots = dish.dots;
  dots.sweep(now, DEATH_MS);
  raster.paintBackground(background(effect, drugRgb));
  const width = raster.frame.width;
  const R = width / 2 - 4;
  const c = width / 2;
  const rPx = dish.radius * R;
  const shown = dish.shown;
  const quantiles = [shown?.levelsSensitive ?? null, shown?.levelsPersister ?? null, null];
  const levels = colorBy === 'level' ? dish.levels : null;
  for (let i = 0; i < dots.n; i++) {
    const state = dots.state[i];
    let color = STATE_PIXELS[state];
    const q = quantiles[state];
    if (levels !== null && q !== null && q.length > 0) color = levelColor(levels, q, dots.rank[i]);
    let x = dots.x[i];
    let y = dots.y[i];
    let r = rPx;
    let alpha = 1;
    const died = dots.died[i];
    if (died > 0) {
      const t = Math.min(1, (now - died) / DEATH_MS);
      color = blend(color, GREY, Math.min(1, 2 * t));
      r *= 1 - 0.6 * t;
      alpha = 1 - t;
    }
    const age = now - dots.born[i];
    if (dots.born[i] > 0 && age < BIRTH_MS) {
      const t = age / BIRTH_MS;
      const e = 1 - (1 - t) * (1 - t);
      x = dots.fromX[i] + (x - dots.fromX[i]) * e;
      y = dots.fromY[i] + (y - dots.fromY[i]) * e;
      r *= 0.45 + 0.55 * t;
    }
    const since = now - dots.switched[i];
    if (dots.switched[i] > 0 && since < SWITCH_MS) r *= 1 + 0.9 * (1 - since / SWITCH_MS);
    raster.disc(c + x * R, c + y * R, r, color, alpha);
  }
}
