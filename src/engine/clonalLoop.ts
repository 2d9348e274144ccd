// The Gillespie loop of one timeline step for a scenario with a resistant phenotype: the
// agent engine's direct method (Gillespie 1977) over three pools instead of two. Mutation is
// a share of each division channel: a division of a sensitive cell drawn at r < rate x u
// within the channel gives a resistant daughter (Luria & Delbrueck 1943; persisters with
// their own, higher probability, Russo et al. 2022), so deciding it costs no random number
// and a scenario without mutation draws exactly the same numbers as with u = 0. Resistant
// cells divide and die; they never switch, so resistance is irreversible. A mutant daughter
// carries its mother's per-cell fields (its barcode); under the FOSL1 switch neither the mother
// nor the resistant daughter gets inheritance noise, and resistant levels do not evolve.
// The two-pool loop in agent.ts stays separate so that scenarios without resistance pay
// nothing for it.
import type { RandomStream } from '../rng/stream.js';
import type { BurdenWatch } from './burdenWatch.js';
import { CellStore, PERSISTER, RESISTANT, SENSITIVE } from './cellStore.js';
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
export interface ClonalRates {
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

export function clonalStep(
  store: CellStore,
  rng: RandomStream,
  watch: BurdenWatch,
  levels: Fosl1Levels | null,
  capacity: number,
  t1: number,
  rates: ClonalRates,
  st: LoopState,
): void {
  const counts = store.counts;
  const { bS, dS, eS, bP, dP, xP, bR, dR, uS, uP } = rates;
  let t = st.t;
  let clock = st.clock;
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
    const divS = bS * crowd;
    const divP = bP * crowd;
    const divR = bR * crowd;
    const perS = divS + dS + eS;
    const perP = divP + dP + xP;
    const perR = divR + dR;
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
    if (r < propS) {
      const k = Math.min(nS - 1, Math.floor(r / perS));
      r -= k * perS;
      if (r < divS) {
        if (r < divS * uS) {
          store.divideInto(SENSITIVE, k, RESISTANT, t);
          mutations++;
        } else {
          const j = store.divide(SENSITIVE, k, t);
          if (levels !== null) levels.born(SENSITIVE, k, j);
        }
        divisions++;
        watch.grew(t, n + 1);
      } else if (r < divS + dS) {
        store.remove(SENSITIVE, k);
        deaths++;
        watch.shrank(t, n - 1, nP);
        if (n === 1) extinctH = t;
      } else {
        store.move(SENSITIVE, k, PERSISTER, t);
        entries++;
      }
    } else if (r - propS < propP || nR === 0) {
      r -= propS;
      const k = Math.min(nP - 1, Math.floor(r / perP));
      r -= k * perP;
      if (r < divP) {
        if (r < divP * uP) {
          store.divideInto(PERSISTER, k, RESISTANT, t);
          mutations++;
        } else {
          const j = store.divide(PERSISTER, k, t);
          if (levels !== null) levels.born(PERSISTER, k, j);
        }
        divisions++;
        watch.grew(t, n + 1);
      } else if (r < divP + dP) {
        store.remove(PERSISTER, k);
        deaths++;
        watch.shrank(t, n - 1, nP - 1);
        if (n === 1) extinctH = t;
      } else {
        store.move(PERSISTER, k, SENSITIVE, t);
        exits++;
      }
    } else {
      r -= propS + propP;
      const k = Math.min(nR - 1, Math.floor(r / perR));
      r -= k * perR;
      if (r < divR) {
        store.divide(RESISTANT, k, t);
        divisions++;
        watch.grew(t, n + 1);
      } else {
        store.remove(RESISTANT, k);
        deaths++;
        watch.shrank(t, n - 1, nP);
        if (n === 1) extinctH = t;
      }
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
