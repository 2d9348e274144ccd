// Features the engine is gaining (genetically resistant cells, adaptive dosing), read
// through optional fields: the explorer shows them where the engine and the scenario have
// them, and runs unchanged where they do not.
import type { ReplicateOutcome } from '../engine/outcome.js';
import type { Drug, Scenario } from '../model/scenario.js';

/** The resistant phenotype's division rate, or null when the scenario has none. */
export function resistantDivisionRate(s: Scenario): number | null {
  const r = (s.phenotypes as { resistant?: { divisionRate: number } }).resistant;
  return r === undefined ? null : r.divisionRate;
}

export function finalResistant(o: ReplicateOutcome): number {
  return (o.final as { resistant?: number }).resistant ?? 0;
}

/** Resistant cells at the record times, or null. */
export function recordedResistant(o: ReplicateOutcome): Float64Array | null {
  return (o as { resistant?: Float64Array }).resistant ?? null;
}

/** A drug dosed by the burden (adaptive dosing) rather than by a fixed schedule. */
export function isAdaptive(d: Drug): boolean {
  return (d as { adaptive?: unknown }).adaptive !== undefined;
}
