// Checks of the switch that need other sections of the scenario, run once the whole file is
// otherwise valid, each reported at the field to change:
//   - an exit_half_life in doublings needs a sensitive division rate > 0 (a doubling time);
//   - a stationary_fraction must be reachable with an entry rate >= 0, given the exit and the
//     growth of each phenotype (model/twoStateTargets.ts);
//   - under the FOSL1 switch the initial persisters follow from the levels, so
//     population.persister_fraction must not be given, and a time.dt given by hand must keep
//     the level's Euler step stable: dt x (decay + the promote-exit potencies) < 1, and the
//     times of level_histogram_at must lie within the horizon.
import type { z } from 'zod';
import { entryRateForFraction, exitRateForHalfLife, smallestReachableFraction } from '../model/twoStateTargets.js';
import { TARGET_TOLERANCE, netGrowthOf, sensitiveDivisionRate, spanHours, stationaryFractionOf, type RawPhenotypes, type RawSwitch } from './resolveSwitch.js';

/** The parts of a validated scenario these checks read. */
interface Checked {
  readonly time: { readonly dt?: number; readonly horizon: number };
  readonly population: { readonly persister_fraction: number | 'stationary' };
  readonly drugs: readonly { readonly effect: string; readonly potency: number }[];
  readonly phenotypes: RawPhenotypes;
  readonly switch: RawSwitch;
}

const num = (x: number) => String(Number(x.toPrecision(4)));

export function checkSwitchAcrossSections(v: Checked, ctx: z.RefinementCtx): void {
  const sw = v.switch;
  const pf = v.population.persister_fraction;
  if (sw.model === 'fosl1') {
    if (pf === 'stationary') {
      ctx.addIssue({
        code: 'custom',
        path: ['population', 'persister_fraction'],
        message: 'persister_fraction: stationary is supported for the two-state switch; with switch model fosl1 the initial persisters follow from the levels (switch.initial_level: stationary draws them from the drug-free stationary distribution); remove persister_fraction',
        params: { expected: 'no persister_fraction', found: '"stationary"' },
      });
    } else if (pf > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['population', 'persister_fraction'],
        message: 'with switch model fosl1 the initial persisters follow from the levels (switch.initial_level); remove persister_fraction',
        params: { expected: 'no persister_fraction (or 0)' },
      });
    }
    const loss = sw.decay + v.drugs.reduce((sum, d) => sum + (d.effect === 'promote-exit' ? d.potency : 0), 0);
    if (v.time.dt !== undefined && v.time.dt * loss >= 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['time', 'dt'],
        message: `too long for the FOSL1 level: its Euler step needs dt x (decay + promote-exit potencies) < 1, here ${num(v.time.dt * loss)}`,
        params: { expected: `a step below ${num(1 / loss)} h (or no dt: the default is accurate)` },
      });
    }
    sw.level_histogram_at?.forEach((t, j) => {
      if (t > v.time.horizon) {
        ctx.addIssue({
          code: 'custom',
          path: ['switch', 'level_histogram_at', j],
          message: 'after the horizon',
          params: { expected: `a time <= time.horizon (${num(v.time.horizon)} h)` },
        });
      }
    });
    return;
  }
  const divisionS = sensitiveDivisionRate(v.phenotypes);
  if (sw.exit_half_life?.unit === 'doublings' && !(divisionS > 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['switch', 'exit_half_life'],
      message: 'a duration in doublings needs sensitive cells that divide (phenotypes.sensitive division_rate or doubling_time > 0)',
      params: { expected: 'a duration such as 15d' },
    });
    return;
  }
  if (pf === 'stationary' && !Number.isFinite(stationaryFractionOf(sw, v.phenotypes))) {
    ctx.addIssue({
      code: 'custom',
      path: ['population', 'persister_fraction'],
      message: 'no stationary persister fraction: without switching (entry and exit 0) and with equal growth every share is stationary',
      params: { expected: 'a number in [0, 1], or a switch entry_rate or exit_rate > 0', found: '"stationary"' },
    });
  }
  if (sw.stationary_fraction === undefined) return;
  const exit = sw.exit_rate ?? (sw.exit_half_life !== undefined ? exitRateForHalfLife(spanHours(sw.exit_half_life, divisionS)) : 0);
  const growth = netGrowthOf(v.phenotypes);
  const p = sw.stationary_fraction;
  const smallest = smallestReachableFraction(exit, growth);
  const delta = growth.persister - growth.sensitive;
  if (p < smallest - TARGET_TOLERANCE || entryRateForFraction(p, exit, growth) < -TARGET_TOLERANCE * exit) {
    ctx.addIssue({
      code: 'custom',
      path: ['switch', 'stationary_fraction'],
      message:
        `out of reach: persisters outgrow sensitive cells by ${num(delta)}/h and exit at ${num(exit)}/h, ` +
        `so even without entry the persister share settles at ${num(smallest)} or more`,
      params: { expected: `a fraction >= ${num(smallest)}, or a faster exit` },
    });
  } else if (p > 0 && exit === 0 && delta === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['switch', 'stationary_fraction'],
      message: 'without exit and with equal growth the persister share never settles (every share is stationary)',
      params: { expected: 'an exit_half_life or exit_rate > 0' },
    });
  }
}
