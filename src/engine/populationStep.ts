// The population engine's sub-step rule. Each timeline step (model/steps.ts: the drug's time
// course and the record times; under the FOSL1 switch populationTimeline.ts) is cut into
// equal sub-steps of at most
//   EVENT_FRACTION / K,  K the largest per-cell rate of division + death + switching,
//   JUMP_FRACTION / J,   J the largest total rate of jumps between FOSL1 bins, over the bins
//                        that hold cells and their neighbours (populationLattice.ts).
// The leap's fates match the exact mean of the linear process over any sub-step
// (populationFates.ts), so the rule does not buy mean accuracy in the linear case; it
// bounds what is not exact: the crowding factor (taken at the predicted mid-step burden, an
// error of order (K h)^3 per step), the time resolution of nadir and relapse while counts
// are leaped (at most h), the covariances between compartments (O(h^2)) and the third-order
// error of the lattice's second-order jump step, which needs J h <= 1 for its probabilities
// to be non-negative. A sub-step whose fates are not probabilities where cells are (a cell
// would have to divide more than once, or jump beyond its neighbours) is halved until they are.
export const EVENT_FRACTION = 0.1;
export const JUMP_FRACTION = 0.8;

/** The longest sub-step for a largest event rate and a largest jump rate (per cell per hour). */
export function subStepLimit(eventRate: number, jumpRate: number): number {
  return Math.min(eventRate > 0 ? EVENT_FRACTION / eventRate : Infinity, jumpRate > 0 ? JUMP_FRACTION / jumpRate : Infinity);
}
