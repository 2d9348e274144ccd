// The two-state switch written by its targets: a stationary persister fraction p and an exit
// half-life, solved exactly for the rates. The exit rate is b = ln 2 / half-life. Off drug
// and far below capacity, the persister fraction obeys the Riccati equation
//   dp/dt = a (1 - p) - b p + delta p (1 - p),   delta = lambda_P - lambda_S
// (SCIENCE.md D2, lambda = division - death), whose root in [0, 1] attracts. Setting
// dp/dt = 0 at the requested p gives the entry rate
//   a = p (b / (1 - p) - delta),
// which must not be negative: when persisters outgrow sensitive cells faster than they exit
// (delta > b), the fraction settles at 1 - b / delta or above even without entry.

/** Net growth (division - death) of each phenotype off drug, per hour. */
export interface NetGrowth {
  readonly sensitive: number;
  readonly persister: number;
}

export function exitRateForHalfLife(halfLifeH: number): number {
  return Math.LN2 / halfLifeH;
}

/** The entry rate that makes p the stationary persister fraction; negative when p is out of reach. */
export function entryRateForFraction(p: number, exit: number, growth: NetGrowth): number {
  const delta = growth.persister - growth.sensitive;
  return p * (exit / (1 - p) - delta);
}

/** The smallest stationary fraction reachable with entry >= 0: max(0, 1 - b / delta). */
export function smallestReachableFraction(exit: number, growth: NetGrowth): number {
  const delta = growth.persister - growth.sensitive;
  return delta > exit ? 1 - exit / delta : 0;
}
