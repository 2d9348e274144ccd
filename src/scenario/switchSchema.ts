// The `switch:` section of a scenario: a discriminated union on `model`.
//   two-state: rates (entry_rate, exit_rate), or targets the resolver solves for the rates
//              (stationary_fraction instead of entry_rate, exit_half_life instead of exit_rate;
//              model/twoStateTargets.ts); exit_half_life may be written in doublings.
//   fosl1:     a continuous FOSL1-like level per cell (model/fosl1Drift.ts) and the
//              thresholds of its hysteresis; level_histogram_at chooses the times of the
//              level distributions in levels.csv (analysis/levelHistogram.ts).
// Checks that need other sections (doublings need a sensitive division rate, a target must be
// reachable with the phenotypes' growth) are in switchChecks.ts.
import { z } from 'zod';
import { NON_NEGATIVE, POSITIVE, duration, labelled, literal, number, rate, span } from './fields.js';

const always = { when: () => true };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: Record<string, unknown>, key: string) => v[key] !== undefined;

function atMostOne(a: string, b: string) {
  return (v: unknown, ctx: z.RefinementCtx) => {
    if (isRecord(v) && present(v, a) && present(v, b)) {
      ctx.addIssue({ code: 'custom', path: [b], message: `give either ${a} or ${b}, not both`, params: { expected: `only one of ${a}, ${b}`, found: 'both' } });
    }
  };
}

function targetsComplete(v: unknown, ctx: z.RefinementCtx) {
  if (!isRecord(v) || !present(v, 'stationary_fraction')) return;
  if (typeof v.stationary_fraction === 'number' && v.stationary_fraction >= 1) {
    ctx.addIssue({ code: 'custom', path: ['stationary_fraction'], message: 'out of range', params: { expected: 'a fraction in [0, 1)' } });
  }
  if (!present(v, 'exit_rate') && !present(v, 'exit_half_life')) {
    ctx.addIssue({
      code: 'custom',
      path: ['stationary_fraction'],
      message: 'a stationary_fraction needs the exit: give exit_half_life (or exit_rate) too',
      params: { expected: 'exit_half_life or exit_rate beside stationary_fraction', found: 'neither' },
    });
  }
}

const twoStateSwitch = z.strictObject({
  model: literal('two-state', 'two-state', 'Switch model: two-state (on/off) or fosl1; default two-state.').default('two-state'),
  entry_rate: rate('Spontaneous sensitive -> persister rate per cell per hour, or a rate such as 1e-4/h; default 0. Or give stationary_fraction.').optional(),
  stationary_fraction: number({ min: 0, exclusive: false, max: 1 }, 'Instead of entry_rate: the stationary persister fraction of the untreated tumour, in [0, 1); persim solves for the entry rate.').optional(),
  induced_entry_rate: rate('Entry rate added at full drug stress (scaled by stress in [0, 1]), per hour or e.g. 0.02/h; default 0.').default(0),
  exit_rate: rate('Persister -> sensitive rate off drug, per hour or e.g. 0.01/h; default 0. Or give exit_half_life.').optional(),
  exit_half_life: span(POSITIVE, 'Instead of exit_rate: the exit half-life ln 2 / exit rate, a duration such as 15d or doublings of the sensitive phenotype such as 9 doublings.').optional(),
  exit_rate_on_drug: rate('Exit rate at full stress, per hour or e.g. 0.001/h, interpolated by stress; default: exit_rate.').optional(),
})
  .superRefine(atMostOne('entry_rate', 'stationary_fraction'), always)
  .superRefine(atMostOne('exit_rate', 'exit_half_life'), always)
  .superRefine(targetsComplete, always)
  .meta({ allOf: [{ not: { required: ['entry_rate', 'stationary_fraction'] } }, { not: { required: ['exit_rate', 'exit_half_life'] } }] });

function thresholdsOrdered(v: unknown, ctx: z.RefinementCtx) {
  if (!isRecord(v) || typeof v.on_threshold !== 'number' || typeof v.off_threshold !== 'number') return;
  if (v.off_threshold >= v.on_threshold) {
    ctx.addIssue({
      code: 'custom',
      path: ['off_threshold'],
      message: 'the off threshold must lie below the on threshold (the hysteresis band)',
      params: { expected: `a level below on_threshold (${v.on_threshold})` },
    });
  }
}

const initialLevel = labelled(
  z.union([number(NON_NEGATIVE, 'Every cell\'s level at t = 0 (level units).'), z.literal('stationary')])
    .describe('stationary (default): drawn from the drug-free stationary distribution of one cell\'s level and phenotype; or a level >= 0 for every cell.'),
  'a level >= 0 or stationary',
);

const fosl1Switch = z.strictObject({
  model: literal('fosl1', 'fosl1', 'Switch model: fosl1, a continuous FOSL1-like level with positive feedback in every cell.'),
  basal: rate('Basal production of the level, level units per hour, e.g. 0.02/h.'),
  feedback: rate('Maximal self-activation (the AP-1 positive feedback, feedback x^n / (K^n + x^n)), level units per hour, e.g. 0.25/h.'),
  half_saturation: number(POSITIVE, 'K of the Hill feedback, level units; default 1.').default(1),
  hill: number({ min: 1, exclusive: false }, 'n of the Hill feedback, >= 1; default 4.').default(4),
  decay: rate('First-order loss of the level, per hour, e.g. 0.12/h; must be > 0.', POSITIVE),
  stress_gain: rate('Production added at full drug stress (x stress in [0, 1]), level units per hour, e.g. 0.05/h; default 0.').default(0),
  noise: number(NON_NEGATIVE, 'Intrinsic noise of the level, level units per sqrt(hour), e.g. 0.05.'),
  on_threshold: number(POSITIVE, 'A sensitive cell whose level rises above this becomes a persister (level units).'),
  off_threshold: number(NON_NEGATIVE, 'A persister whose level falls below this becomes sensitive (level units); below on_threshold.'),
  inheritance_noise: number(NON_NEGATIVE, 'Standard deviation of a daughter\'s level around its mother\'s at division, level units; default 0.').default(0),
  initial_level: initialLevel.default('stationary'),
  level_histogram_at: z.array(duration(NON_NEGATIVE, 'A time in hours or a duration such as 10d, at most time.horizon.'))
    .describe(
      'Times at which the distribution of the cells\' levels is written to levels.csv and drawn in levels.png. ' +
        'The engines report levels at the record times only, so each time is moved to the nearest record time (time.record_every). ' +
        'Default: 0, the end of the last scheduled drug exposure (last dose, plus 5 half-lives for a bolus or its duration for a square pulse) and the horizon; ' +
        'without scheduled drugs 0, half the horizon and the horizon. [] for none.',
    )
    .optional(),
})
  .superRefine(thresholdsOrdered, always);

export const switchModel = z.discriminatedUnion('model', [twoStateSwitch, fosl1Switch])
  .describe('How cells switch between the sensitive and persister states: model two-state (rates or targets) or fosl1 (a continuous level).');
