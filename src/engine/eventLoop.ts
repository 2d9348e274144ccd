// The agent engine's one event loop: the Gillespie direct method (Gillespie 1977, J Phys Chem
// 81:2340) over the sensitive, persister and resistant pools within one timeline step, where
// the rates are constant. The waiting time is the random time change of a carried unit
// exponential (as in the next reaction method, Gibson & Bruck 2000, J Phys Chem A 104:1876),
// so a step boundary where the rates do not change leaves the trajectory untouched. One
// uniform picks the pool, the cell (slot k) and the event within the cell. Logistic crowding
// (1 - N / capacity) is re-evaluated after every event.
//
// The random numbers come from xoshiro128** (Blackman & Vigna 2018, rng/xoshiro128.ts), its
// four state words held in locals and stepped inline: an event costs three words, one for the
// unit exponential of the next clock by the ziggurat (Marsaglia & Tsang 2000,
// rng/exponentialZiggurat.ts; about 1% of words fall outside the core and take the sampler's
// slow path on the stream, with the state written back first) and two for the 53-bit uniform
// of the pick. The state is written back whenever the loop leaves.
//
// Mutation is a share of each division channel: a division drawn at r < rate x u within the
// channel gives a resistant daughter (Luria & Delbrueck 1943; persisters with their own,
// higher probability, Russo et al. 2022), so deciding it costs no random number and a scenario
// without mutation draws exactly the same numbers as with u = 0. Resistant cells divide and
// die; they never switch. A mutant daughter carries its mother's per-cell fields; under the
// FOSL1 switch the timeline's switch rates are 0, a non-mutant division gives both daughters a
// noisy copy of the mother's level (fosl1Levels.ts), resistant levels do not evolve.
//
// Without per-cell fields (the two-state switch, no barcodes) the loop updates the counts only;
// with them (FOSL1 levels, lineage barcodes) it moves the cells of the store. Either way the
// random numbers and the counts are the same.
import { EXP_CORE, EXP_STEP, exponentialOutsideCore } from '../rng/exponentialZiggurat.js';
import type { XoshiroStream } from '../rng/xoshiro128.js';
import type { BurdenWatch } from './burdenWatch.js';
import { CellStore, PERSISTER, PopulationLimitError, RESISTANT, SENSITIVE } from './cellStore.js';
import type { Fosl1Levels } from './fosl1Levels.js';

/** What the loop carries from step to step. */
export interface LoopState {
  t: number;
  clock: number;
  divisions: number;
  deaths: number;
  entries: number;
  exits: number;
  mutations: number;
  extinctH: number | null;
}

/** Per-cell rates of the step (division before crowding) and the mutation probabilities. */
export interface StepRates {
  bS: number;
  dS: number;
  eS: number;
  bP: number;
  dP: number;
  xP: number;
  bR: number;
  dR: number;
  uS: number;
  uP: number;
}

export function runEvents(
  store: CellStore,
  rng: XoshiroStream,
  watch: BurdenWatch,
  levels: Fosl1Levels | null,
  capacity: number,
  t1: number,
  q: StepRates,
  st: LoopState,
): void {
  const counts = store.counts;
  const perCell = store.fields.length > 0;
  const { bS, dS, eS, bP, dP, xP, bR, dR, uS, uP } = q;
  let { t, clock } = st;
  const state = rng.state;
  let s0 = state[0];
  let s1 = state[1];
  let s2 = state[2];
  let s3 = state[3];
  let x = 0;
  let divisions = 0;
  let deaths = 0;
  let entries = 0;
  let exits = 0;
  let mutations = 0;
  let extinctH: number | null = null;
  for (;;) {
    const nS = counts[SENSITIVE];
    const nP = counts[PERSISTER];
    const nR = counts[RESISTANT];
    const n = nS + nP + nR;
    const crowd = capacity > 0 ? Math.max(0, 1 - n / capacity) : 1;
    const perS = bS * crowd + dS + eS;
    const perP = bP * crowd + dP + xP;
    const perR = bR * crowd + dR;
    const propS = nS * perS;
    const propP = nP * perP;
    const total = propS + propP + nR * perR;
    if (total <= 0) break;
    const wait = clock / total;
    if (t + wait >= t1) {
      clock -= total * (t1 - t);
      break;
    }
    t += wait;
    // Three xoshiro128** steps: w (the clock's ziggurat word), then hi and lo (the pick's 53 bits).
    x = Math.imul(s1, 5);
    const w = Math.imul((x << 7) | (x >>> 25), 9);
    x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
    x = Math.imul(s1, 5);
    const hi = Math.imul((x << 7) | (x >>> 25), 9) >>> 5;
    x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
    x = Math.imul(s1, 5);
    const lo = Math.imul((x << 7) | (x >>> 25), 9) >>> 6;
    x = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= x; s3 = (s3 << 11) | (s3 >>> 21);
    const m = w >>> 8;
    if (m < EXP_CORE[w & 255]) clock = m * EXP_STEP[w & 255];
    else {
      state[0] = s0; state[1] = s1; state[2] = s2; state[3] = s3;
      clock = exponentialOutsideCore(rng, w);
      s0 = state[0]; s1 = state[1]; s2 = state[2]; s3 = state[3];
    }
    let r = ((hi * 67108864 + lo) / 9007199254740992) * total;
    let p = SENSITIVE;
    let per = perS;
    if (r >= propS) {
      if (r - propS < propP || nR === 0) {
        p = PERSISTER;
        per = perP;
        r -= propS;
      } else {
        p = RESISTANT;
        per = perR;
        r -= propS + propP;
      }
    }
    const k = Math.min(counts[p] - 1, Math.floor(r / per));
    r -= k * per;
    const div = (p === SENSITIVE ? bS : p === PERSISTER ? bP : bR) * crowd;
    if (r < div) {
      const mutant = r < div * (p === SENSITIVE ? uS : p === PERSISTER ? uP : 0);
      if (!perCell) {
        if (n >= store.maxCells) throw new PopulationLimitError(store.maxCells, t);
        counts[mutant ? RESISTANT : p]++;
      } else if (mutant) store.divideInto(p, k, RESISTANT, t);
      else {
        const j = store.divide(p, k, t);
        if (levels !== null && p !== RESISTANT) levels.born(p, k, j);
      }
      if (mutant) mutations++;
      divisions++;
      watch.grew(t, n + 1);
    } else if (p === RESISTANT || r < div + (p === SENSITIVE ? dS : dP)) {
      if (perCell) store.remove(p, k);
      else counts[p]--;
      deaths++;
      watch.shrank(t, n - 1, p === PERSISTER ? nP - 1 : nP);
      if (n === 1) extinctH = t;
    } else {
      const to = p === SENSITIVE ? PERSISTER : SENSITIVE;
      if (perCell) store.move(p, k, to, t);
      else {
        counts[p]--;
        counts[to]++;
      }
      if (p === SENSITIVE) entries++;
      else exits++;
    }
    if (extinctH !== null) break;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  st.t = t;
  st.clock = clock;
  st.divisions += divisions;
  st.deaths += deaths;
  st.entries += entries;
  st.exits += exits;
  st.mutations += mutations;
  st.extinctH = extinctH;
}
