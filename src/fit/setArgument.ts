// A fitted value as the --set argument that puts it into the scenario: the definition of a
// fit's scenario at theta (src/fit/fittedScenario.ts).
import type { FitParameter } from './types.js';

/** A fitted value as a --set argument, in engine units (exact: JavaScript prints the shortest round-tripping digits). */
export function setArgument(p: FitParameter, value: number): string {
  return `${p.path}=${value}${p.unit}`;
}
