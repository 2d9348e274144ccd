// Per-cell rates at one instant, given each drug's effect E in [0,1]. This is DESIGN.md's rate
// table, in one place, shared by the engines and the theory:
//   sensitive: divides at b_S (x crowding, applied by the engine); dies at d_S + sum kill;
//              enters at (entry + induced x stress) x block
//   persister: divides at b_P (x crowding); dies at d_P + drug_sensitivity x sum kill
//              + sum kill-persisters; exits at exit interpolated by stress + promote
//   resistant: divides at b_R (x crowding); dies at d_R + its drug_sensitivity x sum kill;
//              never switches (0 without a resistant phenotype)
// where stress = the largest E among `kill` drugs, block = the product over block-entry drugs
// of (1 - potency E) and promote = the sum over promote-exit drugs of potency E. Under the
// FOSL1 switch cells do not switch at a rate (entry = exit = 0): their level does, driven by
// stress, block and promote (model/fosl1Drift.ts).
import type { Scenario } from './scenario.js';

export interface CellRates {
  divisionS: number;
  deathS: number;
  entry: number;
  divisionP: number;
  deathP: number;
  exit: number;
  divisionR: number;
  deathR: number;
  stress: number;
  /** Product over block-entry drugs of (1 - potency E); 1 without them. */
  block: number;
  /** Sum over promote-exit drugs of potency E, per hour. */
  promote: number;
}

export function emptyRates(): CellRates {
  return { divisionS: 0, deathS: 0, entry: 0, divisionP: 0, deathP: 0, exit: 0, divisionR: 0, deathR: 0, stress: 0, block: 1, promote: 0 };
}

/** Fills `out` with the rates when drug i has effect effects[i] (in scenario.drugs order). */
export function ratesAt(s: Scenario, effects: ArrayLike<number>, out: CellRates): CellRates {
  const sw = s.switch;
  let stress = 0;
  let kill = 0;
  let blockFactor = 1;
  let persisterKill = 0;
  let promoteExit = 0;
  for (let i = 0; i < s.drugs.length; i++) {
    const drug = s.drugs[i];
    const e = effects[i];
    switch (drug.effect) {
      case 'kill':
        kill += drug.potency * e;
        if (e > stress) stress = e;
        break;
      case 'block-entry':
        blockFactor *= 1 - drug.potency * e;
        break;
      case 'kill-persisters':
        persisterKill += drug.potency * e;
        break;
      case 'promote-exit':
        promoteExit += drug.potency * e;
        break;
    }
  }
  out.divisionS = s.phenotypes.sensitive.divisionRate;
  out.deathS = s.phenotypes.sensitive.deathRate + kill;
  out.divisionP = s.phenotypes.persister.divisionRate;
  out.deathP = s.phenotypes.persister.deathRate + s.phenotypes.persister.drugSensitivity * kill + persisterKill;
  const R = s.phenotypes.resistant;
  out.divisionR = R?.divisionRate ?? 0;
  out.deathR = R === undefined ? 0 : R.deathRate + R.drugSensitivity * kill;
  if (sw.model === 'two-state') {
    const exitOnDrug = sw.exitRateOnDrug ?? sw.exitRate;
    out.entry = (sw.entryRate + sw.inducedEntryRate * stress) * blockFactor;
    out.exit = sw.exitRate + (exitOnDrug - sw.exitRate) * stress + promoteExit;
  } else {
    out.entry = 0;
    out.exit = 0;
  }
  out.stress = stress;
  out.block = blockFactor;
  out.promote = promoteExit;
  return out;
}
