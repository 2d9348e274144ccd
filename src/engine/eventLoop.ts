// The agent engine's one event loop: the Gillespie direct method (Gillespie 1977, J Phys Chem
// 81:2340) over the sensitive, persister and resistant pools within one timeline step, where
// the rates are constant. The waiting time is the random time change of a carried unit
// exponential (as in the next reaction method, Gibson & Bruck 2000, J Phys Chem A 104:1876),
// so a step boundary where the rates do not change leaves the trajectory untouched. One
// uniform picks the pool, the cell (slot k) and the event within the cell. Logistic crowding
// (1 - N / capacity) is re-evaluated after every event.
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
import type { RandomStream } from '../rng/stream.js';
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
  rng: RandomStream,
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
    clock = -Math.log(1 - rng());
    let r = rng.double() * total;
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
  st.t = t;
  st.clock = clock;
  st.divisions += divisions;
  st.deaths += deaths;
  st.entries += entries;
  st.exits += exits;
  st.mutations += mutations;
  st.extinctH = extinctH;
}
