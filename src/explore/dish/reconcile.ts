// From what the engine reports to what the dish shows. Between two frames the live replicate
// gives its new counts (sensitive, persister, resistant) and the number of divisions, deaths,
// entries and exits in between (all phenotypes together). A dot stands for 1/scale cells, so
// each number is scaled and rounded stochastically; divisions are split between the states
// in proportion to count x division rate; then deaths are whatever makes each state's dots
// match its new count (a state with cells keeps at least one dot, so a lone persister stays
// visible). A resistant cell born of a mutation shows as a resistant birth.

import type { RandomStream } from '../../rng/stream.js';

export interface Counts {
  readonly sensitive: number;
  readonly persister: number;
  readonly resistant: number;
}

export interface EngineDelta {
  readonly after: Counts;
  readonly divisions: number;
  readonly deaths: number;
  readonly entries: number;
  readonly exits: number;
}

/** Per state (sensitive, persister, resistant) births and deaths, and switches. */
export interface DotEvents {
  births: [number, number, number];
  deaths: [number, number, number];
  entries: number;
  exits: number;
}

/** floor(x) plus 1 with probability frac(x). */
export function roundRandom(x: number, rng: RandomStream): number {
  const f = Math.floor(x);
  return f + (rng() < x - f ? 1 : 0);
}

/** Dots a state with `cells` cells gets. */
export function dotsFor(cells: number, scale: number): number {
  if (cells <= 0) return 0;
  return Math.max(1, Math.round(cells * scale));
}

/**
 * Events that take the dish from `dots` (living dots per state) to the counts after `delta`.
 * `divisionRates` are the states' division rates (per hour), for splitting the divisions.
 */
export function dotEvents(
  delta: EngineDelta,
  dots: readonly [number, number, number],
  scale: number,
  divisionRates: readonly [number, number, number],
  rng: RandomStream,
): DotEvents {
  const a = delta.after;
  const cells = [a.sensitive, a.persister, a.resistant];
  const entries = Math.min(dots[0], roundRandom(delta.entries * scale, rng));
  const exits = Math.min(dots[1], roundRandom(delta.exits * scale, rng));
  const afterSwitch = [dots[0] - entries + exits, dots[1] + entries - exits, dots[2]];
  const weights = cells.map((c, p) => c * divisionRates[p]);
  const sum = weights[0] + weights[1] + weights[2];
  const births: [number, number, number] = [0, 0, 0];
  const deaths: [number, number, number] = [0, 0, 0];
  for (let p = 0; p < 3; p++) {
    const share = sum > 0 ? weights[p] / sum : 0;
    births[p] = roundRandom(delta.divisions * share * scale, rng);
    const excess = afterSwitch[p] + births[p] - dotsFor(cells[p], scale);
    if (excess >= 0) deaths[p] = excess;
    else births[p] -= excess;
  }
  return { births, deaths, entries, exits };
}
