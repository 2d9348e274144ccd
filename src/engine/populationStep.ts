// The population engine's sub-step rule. Each timeline step (model/steps.ts: the drug's time
// course, record times, and under the FOSL1 switch the level's own limit) is cut into equal
// sub-steps of at most
//   EVENT_FRACTION / K,  K the largest per-cell rate of division + death + switching,
//   JUMP_FRACTION / J,   J the largest per-cell rate of jumps between FOSL1 bins.
// The leap's fates match the exact mean of the linear process over any sub-step
// (populationFates.ts), so the rule does not buy mean accuracy in the linear case; it
// bounds what is not exact: the crowding factor (taken at the predicted mid-step burden, an
// error of order (K h)^3 per step), the time resolution of nadir and relapse while counts
// are leaped (at most h), the explicit time discretisation of the FOSL1 lattice (jump
// probabilities J h; the level's increment has the exact mean drift and its variance is
// short by (f h)^2) and the higher moments of the per-step fates. A sub-step whose fates are
// not probabilities (a cell would have to divide more than once) is halved until they are.
export const EVENT_FRACTION = 0.1;
export const JUMP_FRACTION = 0.8;

/** The longest sub-step for a largest event rate and a largest jump rate (per cell per hour). */
export function subStepLimit(eventRate: number, jumpRate: number): number {
  return Math.min(eventRate > 0 ? EVENT_FRACTION / eventRate : Infinity, jumpRate > 0 ? JUMP_FRACTION / jumpRate : Infinity);
}
