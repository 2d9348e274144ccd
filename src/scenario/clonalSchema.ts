// The scenario sections of clonal dynamics: a resistant phenotype (genetic, irreversible),
// mutation to it at division, lineage barcodes and the adaptive schedule block. Checks that
// need other sections (a mutation needs a resistant phenotype, an adaptive drug is a square
// pulse with one block, sample times within the horizon) are in clonalChecks.ts.
import { z } from 'zod';
import { NON_NEGATIVE, POSITIVE, duration, number, rate } from './fields.js';

const always = { when: () => true };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: Record<string, unknown>, key: string) => v[key] !== undefined;

function exactlyOneDivision(v: unknown, ctx: z.RefinementCtx) {
  if (!isRecord(v)) return;
  const a = present(v, 'doubling_time');
  const b = present(v, 'division_rate');
  if (a && b) {
    ctx.addIssue({ code: 'custom', message: 'give either doubling_time or division_rate, not both', params: { expected: 'only one of doubling_time, division_rate', found: 'both' } });
  } else if (!a && !b) {
    ctx.addIssue({ code: 'custom', message: 'missing doubling_time or division_rate', params: { expected: 'one of doubling_time, division_rate', found: 'neither' } });
  }
}

export const resistantPhenotype = z.strictObject({
  doubling_time: duration(POSITIVE, 'Doubling time in hours or a duration such as 48h; stands for a division rate of ln 2 / doubling_time.').optional(),
  division_rate: rate('Division rate per cell per hour, or a rate such as 0.02/h.').optional(),
  death_rate: rate('Baseline death rate per cell per hour, or a rate such as 0.002/h; default 0.').default(0),
  drug_sensitivity: number(NON_NEGATIVE, 'Resistant kill = this x the sensitive kill of `kill` drugs (dimensionless); default 0 (fully resistant).').default(0),
})
  .superRefine(exactlyOneDivision, always)
  .meta({ oneOf: [{ required: ['doubling_time'] }, { required: ['division_rate'] }] })
  .describe('Genetically resistant cells (optional): irreversible, they never switch; exactly one of doubling_time or division_rate, death_rate, drug_sensitivity.');

export const mutationBlock = z.strictObject({
  rate: number({ min: 0, exclusive: false, max: 1 }, 'Probability per division of a sensitive cell that one of the two daughters is resistant, in [0, 1], e.g. 1e-6.'),
  persister_factor: number(NON_NEGATIVE, 'A persister mother mutates with probability rate x this (persisters mutate 7-50x faster, Russo 2022); default 1.').default(1),
}).describe('Mutation to the resistant phenotype at division (needs phenotypes.resistant).');

export const lineageBlock = z.strictObject({
  barcodes: z.boolean().describe('Give every initial cell a barcode that its descendants inherit; default true.').default(true),
  sample_at: z.array(duration(NON_NEGATIVE, 'A time in hours or a duration such as 14d.'))
    .describe('Times at which the clones are counted into clones.csv (besides relapse); default none.').default([]),
}).describe('Lineage barcodes: clones.csv counts every clone at the sample times and at relapse.');

function stopBelowResume(v: unknown, ctx: z.RefinementCtx) {
  if (!isRecord(v) || typeof v.stop_below !== 'number' || typeof v.resume_at !== 'number') return;
  if (v.stop_below > v.resume_at) {
    ctx.addIssue({
      code: 'custom',
      path: ['stop_below'],
      message: 'stop_below is above resume_at: the drug would stop and resume at every check',
      params: { expected: `a fraction <= resume_at (${v.resume_at})` },
    });
  }
}

export const adaptiveBlock = z.strictObject({
  adaptive: z.strictObject({
    start: duration(NON_NEGATIVE, 'First check, the start of treatment, in hours or a duration such as 0d; default 0. The burden then is the baseline.').default(0),
    dose: number(POSITIVE, 'Concentration held while the drug is on (same units as ec50).'),
    check_every: duration(POSITIVE, 'Interval between checks of the burden, in hours or a duration such as 7d.'),
    stop_below: number(NON_NEGATIVE, 'Stop when the burden is below this x the baseline, e.g. 0.5 (Zhang 2017); 0 never stops.'),
    resume_at: number(POSITIVE, 'Resume when the burden is at least this x the baseline, e.g. 1.'),
  })
    .superRefine(stopBelowResume, always)
    .describe('Dosing by the burden: on from start until the burden falls below stop_below x baseline, off until it regrows to resume_at x baseline, decided every check_every.'),
}).describe('An adaptive schedule: the only block of a drug without half_life.');

/** The label of a schedule block, adaptive included. */
export const SCHEDULE_BLOCK_LABEL = 'a periodic block {start, every, count, dose}, single doses {at: [...], dose} or {adaptive: {...}}';
