// Genetic resistance beside reversible tolerance: a third, irreversible phenotype that arises
// at division. With probability u per division one of the two daughters of a sensitive mother
// is resistant (the other keeps the mother's state), as in the fluctuation test of Luria &
// Delbrueck 1943 (Genetics 28:491); a persister mother mutates with probability u x
// persister_factor, since drug-tolerant persisters mutate 7-50 times faster (Russo et al.
// 2022, Nat Genet, doi:10.1038/s41588-022-01105-z). Resistant cells divide, die and are
// killed at their own rates and never switch (model/rates.ts).
import type { Scenario } from './scenario.js';

/** Whether the scenario has a resistant phenotype (and so a third pool of cells). */
export function hasResistance(s: Scenario): boolean {
  return s.phenotypes.resistant !== undefined;
}

/** Probability per division that one daughter is resistant, by the mother's phenotype. */
export function mutationProbabilities(s: Scenario): { readonly sensitive: number; readonly persister: number } {
  const m = s.mutation;
  if (m === undefined || !hasResistance(s)) return { sensitive: 0, persister: 0 };
  return { sensitive: m.rate, persister: Math.min(1, m.rate * m.persisterFactor) };
}

/** Fraction of the initial cells that are resistant. */
export function initialResistantFraction(s: Scenario): number {
  return hasResistance(s) ? (s.population.resistantFraction ?? 0) : 0;
}
