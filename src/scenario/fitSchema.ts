// The shape of a scenario's `fit:` block (issue 13), read only by `persim fit`
// (src/fit/block.ts); `persim run` and the engine ignore it. The schema checks the shape
// (unknown keys, prior kinds, quantities, noise models); the units of a prior follow from the
// field its path sets, so block.ts converts and checks the values where it knows that field.
import { z } from 'zod';
import { POSITIVE, choice, integer, labelled, number, text } from './fields.js';

const PRIOR_KIND_NAMES = ['log-uniform', 'uniform', 'normal', 'log-normal'] as const;
const QUANTITY_NAMES = ['total', 'sensitive', 'persister', 'resistant'] as const;
const NOISE_NAMES = ['log-normal', 'normal', 'poisson', 'binomial'] as const;

const priorValue = labelled(
  z.union([z.number(), z.string()]).describe('A value in the units of the field: a number, a rate such as 0.02/d or a duration such as 3d.'),
  'a number, or a number with a unit such as 0.02/d or 3d',
);

export const fitPrior = z.strictObject({
  prior: choice(PRIOR_KIND_NAMES, 'The prior: log-uniform or uniform (min, max), normal or log-normal (mean, sd; a normal may be truncated by min and max).'),
  min: priorValue.optional(),
  max: priorValue.optional(),
  mean: priorValue.optional(),
  sd: priorValue.optional(),
}).describe('A prior of a fitted value, in the units of its field.');

const observable = z.strictObject({
  quantity: choice(QUANTITY_NAMES, 'The simulated cells observed: total, sensitive, persister or resistant.'),
  scale: number(POSITIVE, 'The observed value per cell (e.g. 1e-6 mm3 per cell); default 1.').optional(),
  noise: choice(NOISE_NAMES, 'The observation noise: log-normal, normal (with sd), poisson, or binomial (of n_cells).'),
  sd: labelled(
    z.union([number(POSITIVE, 'The noise sd.'), fitPrior]).describe('The noise sd (log-normal: of ln value; normal: in the value\'s units), or a prior to fit it.'),
    'a positive number or a prior such as { prior: log-uniform, min: 0.05, max: 0.5 }',
  ).optional(),
}).describe('How a value of the data arises from the simulated tumour.');

export const fitBlock = z.strictObject({
  data: text(/\S/, 'a file name', 'The data CSV (day or time_h, subject, arm, observable, value, n_cells), relative to the scenario file.'),
  parameters: z.record(
    text(/^[^=\s]+$/, 'a dotted path such as switch.entry_rate', 'Scenario path to fit, as for --set.'),
    fitPrior,
  ).describe('The fitted parameters, path: prior.'),
  observables: z.record(text(/^[^,"\s]+$/, 'a name without commas, quotes or spaces', 'Observable name, as in the CSV\'s observable column.'), observable)
    .describe('The observables of the data, name: observation model.'),
  particles: integer(1, 'SMC particles; default 400.', 1_000_000).optional(),
  tumours_per_subject: integer(1, 'Simulated tumours per subject in a likelihood estimate (the particle filter\'s, on the population engine); default by the initial cells: 1 from 1e5, 4 from 1e3, 64 below.', 4096).optional(),
  predict: z.array(text(/\S/, 'an arm name', 'An arm to predict.')).min(1).describe('Arms to predict; default every arm.').optional(),
}).describe('A fit of the model to data, run by `persim fit` (ignored by `persim run`).');
