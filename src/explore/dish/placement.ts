// Where dots go in the dish (positions are illustrative: the engine is not spatial). The
// first dots are scattered uniformly over the dish; a daughter is put next to its mother,
// at the least crowded of a few candidate spots around her, so that clones grow as
// colonies. All choices draw from the dish's seeded stream.
import type { RandomStream } from '../../rng/stream.js';
import { gridIndex, type DotStore } from './dots.js';

/** Dots stay within this radius of the unit dish, off its rim. */
export const INNER = 0.96;
const CANDIDATES = 6;

export interface Spot {
  x: number;
  y: number;
}

/** A uniform point of the disc of radius INNER. */
export function scatter(rng: RandomStream, out: Spot): Spot {
  const r = INNER * Math.sqrt(rng());
  const a = 2 * Math.PI * rng();
  out.x = r * Math.cos(a);
  out.y = r * Math.sin(a);
  return out;
}

/** A spot for a daughter of a dot at (mx, my): `spacing` (a dot's diameter) away or a little more, where the grid is emptiest. */
export function besideMother(dots: DotStore, mx: number, my: number, spacing: number, rng: RandomStream, out: Spot): Spot {
  let best = Infinity;
  for (let c = 0; c < CANDIDATES; c++) {
    const a = 2 * Math.PI * rng();
    const d = spacing * (1 + rng() * (c < 3 ? 0.6 : 2));
    let x = mx + d * Math.cos(a);
    let y = my + d * Math.sin(a);
    const r = Math.hypot(x, y);
    if (r > INNER) {
      x *= INNER / r;
      y *= INNER / r;
    }
    const score = dots.grid[gridIndex(x, y)] + rng() * 0.5;
    if (score < best) {
      best = score;
      out.x = x;
      out.y = y;
    }
  }
  return out;
}
