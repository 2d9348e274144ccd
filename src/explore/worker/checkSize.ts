// The explorer always runs the agent engine (the dish needs cells), whatever the scenario's
// `engine:` says, and refuses a tumour that starts larger than it holds.
import type { Scenario } from '../../model/scenario.js';
import { EXPLORER_MAX_CELLS } from './protocol.js';

export function checkSize(s: Scenario): void {
  if (s.population.initial > EXPLORER_MAX_CELLS) {
    throw new Error(
      `population.initial is ${s.population.initial.toExponential(2)} cells; the explorer follows every cell and holds at most ` +
        `${EXPLORER_MAX_CELLS.toExponential(0)}: start from fewer cells (persim run handles larger tumours)`,
    );
  }
}
