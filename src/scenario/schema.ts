// The zod schema of a scenario file, format version 1 (DESIGN.md, "Scenario format"). It
// validates the raw YAML data, strictly (unknown keys are errors), converts units to hours and
// per hour, and fills simple defaults. Cross-field rules (exactly one of two keys, half-life
// versus pulse duration, unique drug names) are checks that run even when a field inside
// failed, so every problem is reported at once. The JSON Schema is generated from here.
import { SWEEP_METRICS } from './sweepMetrics.js';
import { z } from 'zod';
import { MAX_BLOCK_DOSES, MAX_REPLICATES } from '../model/limits.js';
import { NON_NEGATIVE, POSITIVE, choice, count, duration, integer, labelled, literal, number, rate, text } from './fields.js';
import { checkClonalAcrossSections } from './clonalChecks.js';
import { SCHEDULE_BLOCK_LABEL, adaptiveBlock, lineageBlock, mutationBlock, resistantPhenotype } from './clonalSchema.js';
import { checkSwitchAcrossSections } from './switchChecks.js';
import { switchModel } from './switchSchema.js';
import { fitBlock } from './fitSchema.js';
import { jsonDrugRules, strictJsonSchema } from './jsonSchemaRules.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const always = { when: () => true };
/** Checks across sections read the fields they compare, so they run only when every field is valid. */
const whenValid = { when: (p: { issues: readonly unknown[] }) => p.issues.length === 0 };
const present = (v: Record<string, unknown>, key: string) => v[key] !== undefined;

/** Exactly one (or at most one) of two keys, as a check on an object. */
function oneOf(a: string, b: string, required: boolean) {
  return (v: unknown, ctx: z.RefinementCtx) => {
    if (!isRecord(v)) return;
    if (present(v, a) && present(v, b)) {
      ctx.addIssue({ code: 'custom', message: `give either ${a} or ${b}, not both`, params: { expected: `only one of ${a}, ${b}`, found: 'both' } });
    } else if (required && !present(v, a) && !present(v, b)) {
      ctx.addIssue({ code: 'custom', message: `missing ${a} or ${b}`, params: { expected: `one of ${a}, ${b}`, found: 'neither' } });
    }
  };
}

const jsonExactlyOne = (a: string, b: string) => ({ oneOf: [{ required: [a] }, { required: [b] }] });
const jsonAtMostOne = (a: string, b: string) => ({ not: { required: [a, b] } });

const time = z.strictObject({
  horizon: duration(POSITIVE, 'Simulated time span: hours, or a duration such as 120d (units min, h, d, w).'),
  dt: duration(POSITIVE, 'Time step in hours or a duration such as 0.5h; default chosen from the fastest rate.').optional(),
  record_every: duration(POSITIVE, 'Recording interval in hours or a duration such as 1d; default min(24h, horizon/20).').optional(),
}).describe('Time span, step and recording interval.');

const population = z.strictObject({
  initial: count({ min: 1, exclusive: false, integer: true }, 'Cells at t = 0 (an integer; 1e5 is accepted).'),
  persister_fraction: labelled(
    z.union([number({ min: 0, exclusive: false, max: 1 }, 'Fraction of the initial cells that start as persisters, in [0, 1].'), z.literal('stationary')])
      .describe('Fraction of the initial cells that start as persisters, in [0, 1], or stationary: the drug-free stationary fraction of the two-state switch (recomputed after --set and for every draw of a fit); default 0.'),
    'a number in [0, 1] or stationary',
  ).default(0),
  resistant_fraction: number({ min: 0, exclusive: false, max: 1 }, 'Fraction of the initial cells that start resistant, in [0, 1] (needs phenotypes.resistant); default 0.').default(0),
  capacity: count(POSITIVE, 'Logistic carrying capacity in cells (division x (1 - N/capacity)); omit for unbounded growth.').optional(),
}).describe('The initial tumour.');

const phenotypeShape = {
  doubling_time: duration(POSITIVE, 'Doubling time in hours or a duration such as 40h; stands for a division rate of ln 2 / doubling_time.').optional(),
  division_rate: rate('Division rate per cell per hour, or a rate such as 0.02/h (units /min, /h, /d, /w).').optional(),
  death_rate: rate('Baseline death rate per cell per hour, or a rate such as 0.002/h; default 0.').default(0),
};

const sensitive = z.strictObject(phenotypeShape)
  .superRefine(oneOf('doubling_time', 'division_rate', true), always)
  .meta(jsonExactlyOne('doubling_time', 'division_rate'))
  .describe('Drug-sensitive cells: exactly one of doubling_time or division_rate, and death_rate.');

const persister = z.strictObject({
  ...phenotypeShape,
  drug_sensitivity: number(NON_NEGATIVE, 'Persister kill = this x the sensitive kill of `kill` drugs (dimensionless); default 0.01.').default(0.01),
})
  .superRefine(oneOf('doubling_time', 'division_rate', false), always)
  .meta(jsonAtMostOne('doubling_time', 'division_rate'))
  .describe('Drug-tolerant persister cells: at most one of doubling_time or division_rate (default: no division), death_rate, drug_sensitivity.');

const phenotypes = z.strictObject({
  sensitive,
  persister: persister.default({ death_rate: 0, drug_sensitivity: 0.01 }),
  resistant: resistantPhenotype.optional(),
}).describe('Rates of the two cell states.');

const periodicBlock = z.strictObject({
  start: duration(NON_NEGATIVE, 'First dose time in hours or a duration such as 0d; default 0.').default(0),
  every: duration(POSITIVE, 'Interval between doses in hours or a duration such as 7d.'),
  count: integer(1, 'Number of doses.', MAX_BLOCK_DOSES),
  dose: number(NON_NEGATIVE, 'Concentration added per dose (same units as ec50).'),
  duration: duration(POSITIVE, 'Square pulse length in hours or a duration such as 24h; required without half_life, not allowed with it.').optional(),
}).describe('Periodic doses at start + k x every, k = 0 .. count-1.');

const singleBlock = z.strictObject({
  at: labelled(
    z.array(duration(NON_NEGATIVE, 'Dose time in hours or a duration such as 60d.')).min(1).describe('Dose times (a non-empty list).'),
    'a list of dose times such as [60d, 67d]',
  ),
  dose: number(NON_NEGATIVE, 'Concentration added per dose (same units as ec50).'),
  duration: duration(POSITIVE, 'Square pulse length in hours or a duration such as 24h; required without half_life, not allowed with it.').optional(),
}).describe('Single doses at the listed times.');

const scheduleBlock = labelled(
  z.union([periodicBlock, singleBlock, adaptiveBlock]).describe('A periodic block {start, every, count, dose}, single doses {at: [...], dose} or an adaptive block {adaptive: {...}}.'),
  SCHEDULE_BLOCK_LABEL,
);

const DRUG_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

function drugShape<const E extends string, P extends z.ZodType<number>>(effect: E, potency: P) {
  return {
    name: text(DRUG_NAME, 'a name of letters, digits, _ and - starting with a letter', 'Drug name, unique; becomes the CSV column conc_<name>.'),
    effect: literal(effect, effect, 'What the drug does.'),
    potency,
    ec50: number(POSITIVE, 'Concentration of half-maximal effect: E = C^hill / (ec50^hill + C^hill); default 1.').default(1),
    hill: number(POSITIVE, 'Hill coefficient of the effect; default 1.').default(1),
    half_life: duration(POSITIVE, 'Bolus half-life in hours or a duration such as 20h; omit for square pulses.').optional(),
    schedule: z.array(scheduleBlock).min(1).describe('Dosing blocks (at least one).'),
  };
}

/** Pulse length and half-life exclude each other; a pulse needs its length. */
function checkPulses(v: unknown, ctx: z.RefinementCtx) {
  if (!isRecord(v) || !Array.isArray(v.schedule)) return;
  const bolus = present(v, 'half_life');
  v.schedule.forEach((block: unknown, j: number) => {
    if (!isRecord(block) || present(block, 'adaptive')) return;
    if (bolus && present(block, 'duration')) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', j, 'duration'],
        message: 'duration is not allowed when the drug has a half_life: a half_life makes each dose a bolus that decays, duration is the length of a square pulse',
        params: { expected: 'no duration (or remove half_life for square pulses)' },
      });
    } else if (!bolus && !present(block, 'duration')) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', j, 'duration'],
        message: 'missing duration: without half_life each dose is a square pulse (C = dose held for duration)',
        params: { expected: 'a duration such as 24h, or a half_life on the drug for bolus doses', found: 'nothing' },
      });
    }
  });
}

const drugEffectSchema = (effect: 'kill' | 'kill-persisters' | 'promote-exit', potency: string) =>
  z.strictObject(drugShape(effect, rate(potency))).superRefine(checkPulses, always).meta(jsonDrugRules);

const drug = z.discriminatedUnion('effect', [
  drugEffectSchema('kill', 'Maximum kill rate of sensitive cells per hour, or a rate such as 0.08/h.'),
  z.strictObject(drugShape('block-entry', number({ min: 0, exclusive: false, max: 1 }, 'Maximum fraction of persister entry blocked, in [0, 1].')))
    .superRefine(checkPulses, always).meta(jsonDrugRules),
  drugEffectSchema('kill-persisters', 'Maximum death rate added to persisters per hour, or a rate such as 0.05/h.'),
  drugEffectSchema('promote-exit', 'Maximum persister exit rate added per hour, or a rate such as 0.05/h.'),
]).describe('A drug: effect kill | block-entry | kill-persisters | promote-exit, its potency, PK/PD and schedule.');

function uniqueNames(v: unknown, ctx: z.RefinementCtx) {
  if (!Array.isArray(v)) return;
  const first = new Map<string, number>();
  v.forEach((d: unknown, i: number) => {
    if (!isRecord(d) || typeof d.name !== 'string') return;
    const j = first.get(d.name);
    if (j === undefined) first.set(d.name, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate drug name (also drugs[${j}].name)`, params: { expected: 'a name not used by another drug' } });
  });
}

const drugs = z.array(drug).superRefine(uniqueNames, always).describe('Drugs and their schedules; omit or [] for an untreated tumour.');

const relapse = z.strictObject({
  relative: number(POSITIVE, 'Relapse when the burden after the nadir regrows to this x the initial burden.').optional(),
  cells: count(POSITIVE, 'Relapse when the burden after the nadir reaches this many cells (e.g. 1e9).').optional(),
})
  .superRefine(oneOf('relative', 'cells', true), always)
  .meta(jsonExactlyOne('relative', 'cells'))
  .describe('Relapse threshold: exactly one of relative or cells; default relative: 1.');

export { SWEEP_METRICS, type SweepMetric } from './sweepMetrics.js';

const sweepValue = z.union([z.number(), z.string()]);

// Read only by `persim sweep` (src/sweep/block.ts); `persim run` ignores it. Spec syntax is
// checked there, where a bad spec can be reported with its line.
const sweepBlock = z.strictObject({
  vary: z.record(
    text(/^[^=\s]+$/, 'a dotted path such as switch.entry_rate', 'Scenario path to vary, as for --set.'),
    labelled(
      z.union([z.string(), z.array(sweepValue).min(1)]).describe('A spec: a list such as [0, 0.5, 0.9] or "0,0.5,0.9", or a range such as 1e-5..1e-2:log:10 or 1d..21d:lin:5.'),
      'a list such as [0, 0.5, 0.9] or a range such as 0..1:lin:11',
    ),
  ).describe('Parameters to vary, path: spec; several form a full grid (in the order written).'),
  sample: text(/^(grid|lhs:[1-9]\d*)$/, 'grid or lhs:N', 'grid (default): every combination; lhs:N: a Latin hypercube of N points over the ranges.').optional(),
  replicates: integer(1, 'Replicates per point; default: the scenario replicates.', MAX_REPLICATES).optional(),
  metric: choice(SWEEP_METRICS, 'What the summary table and the chart show; default median_relapse_h.').optional(),
}).describe('A parameter sweep, run by `persim sweep` (ignored by `persim run`); command-line options override it.');

// Treatment arms (see arms.ts): each is the scenario with its own `--set`-style overrides.
const ARM_NAME = /\S/;
const arm = z.strictObject({
  name: text(ARM_NAME, 'a non-empty string', 'Arm name, unique; its slug names the arm\'s output folder.'),
  set: z.record(z.string(), z.unknown()).describe('Overrides as path: value, the paths and values of --set (e.g. drugs.fosl1i.potency: 0.9).').optional(),
});

function uniqueArmNames(v: unknown, ctx: z.RefinementCtx) {
  if (!Array.isArray(v)) return;
  const first = new Map<string, number>();
  v.forEach((a: unknown, i: number) => {
    if (!isRecord(a) || typeof a.name !== 'string') return;
    const j = first.get(a.name);
    if (j === undefined) first.set(a.name, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate arm name (also arms[${j}].name)`, params: { expected: 'a name not used by another arm' } });
  });
}

const arms = z.array(arm).min(1).superRefine(uniqueArmNames, always)
  .describe('Treatment arms run with the same random numbers; each is the scenario plus its overrides.');

export const scenarioSchema = z.strictObject({
  version: literal(1, '1 (the only format version)', 'Scenario format version; 1 if given.').optional(),
  name: text(/\S/, 'a non-empty string', 'Scenario name.'),
  description: z.string().describe('What question this scenario answers.').default(''),
  seed: integer(0, 'Base random seed; default 1.').default(1),
  replicates: integer(1, 'Independent runs; default 1.', MAX_REPLICATES).default(1),
  engine: choice(['agent', 'population', 'auto'], 'Simulation engine; default auto.').default('auto'),
  time,
  population,
  phenotypes,
  switch: switchModel.default({ model: 'two-state', entry_rate: 0, induced_entry_rate: 0, exit_rate: 0 }),
  mutation: mutationBlock.optional(),
  lineage: lineageBlock.optional(),
  drugs: drugs.default([]),
  relapse: relapse.default({ relative: 1 }),
  sweep: sweepBlock.optional(),
  arms: arms.optional(),
  fit: fitBlock.optional(),
}).superRefine(checkSwitchAcrossSections, whenValid).superRefine(checkClonalAcrossSections, whenValid).meta({ title: 'persim scenario, format version 1' });

/** The validated raw scenario: snake_case keys as in the file, units in hours and per hour. */
export type RawScenario = z.output<typeof scenarioSchema>;

/** The JSON Schema of a scenario file (input side: fields with defaults are optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return strictJsonSchema(z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Parameters<typeof strictJsonSchema>[0]) as Record<string, unknown>;
}

/** The JSON Schema as written to schema/persim.schema.json. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
