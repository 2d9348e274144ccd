// The `fit:` block of a scenario file, read for `persim fit` (issue 13). The schema has checked
// its shape (src/scenario/fitSchema.ts); here each prior is read in the units of the field its
// path sets (rates per hour, durations in hours, numbers as they are), the priors and the
// observation models are checked, and the predicted arms are matched to the scenario's arms.
// Every problem is a ScenarioError located at its line in the file, all reported at once.
import { dirname, isAbsolute, join } from 'node:path';
import { loadArms } from '../scenario/arms.js';
import { documentData, positionOf, type ParsedScenario } from '../scenario/document.js';
import { ScenarioError, describeValue, formatPath, type ScenarioIssue } from '../scenario/errors.js';
import { applySets } from '../scenario/overrides.js';
import { scenarioSchema } from '../scenario/schema.js';
import { parseCount, parseDuration, parseRate, type UnitResult } from '../scenario/units.js';
import { labelAt } from '../scenario/walk.js';
import { DEFAULT_PARTICLES, DEFAULT_PREDICT_DRAWS, DEFAULT_PREDICT_REPLICATES, type FitParameter, type FitSpec, type NoiseKind, type Observable, type Prior, type PriorKind, type Quantity } from './types.js';

type Unit = FitParameter['unit'];

interface RawPrior {
  prior: PriorKind;
  min?: number | string;
  max?: number | string;
  mean?: number | string;
  sd?: number | string;
}

interface RawObservable {
  quantity: Quantity;
  scale?: number;
  noise: NoiseKind;
  sd?: number | RawPrior;
}

interface RawFit {
  data: string;
  parameters: Record<string, RawPrior>;
  observables: Record<string, RawObservable>;
  particles?: number;
  tumours_per_subject?: number;
  predict?: string[];
}

/** Top-level fields a fit may not vary (every subject runs the scenario's own replicates and seed). */
const FIXED = new Set(['seed', 'replicates', 'arms', 'fit', 'sweep', 'version', 'name', 'description']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The unit of the field that `--set path=...` writes, or a reason it cannot be fitted. */
function unitOfPath(parsed: ParsedScenario, path: string): { unit: Unit } | { problem: string } {
  const top = path.split('.')[0];
  if (FIXED.has(top)) return { problem: `'${path}' cannot be fitted: it is not a parameter of the model` };
  const doc = parsed.doc.clone();
  const { overrides, issues } = applySets(parsed, doc, [`${path}=0`]);
  if (issues.length > 0 || overrides.length !== 1) return { problem: `--set cannot set '${path}': ${issues[0]?.message ?? 'no such field'}` };
  const label = labelAt(scenarioSchema, overrides[0].path, documentData(parsed, doc));
  if (label === undefined) return { problem: `--set cannot set '${path}': the scenario has no such field` };
  if (label.startsWith('a duration')) return { unit: 'h' };
  if (label.startsWith('a rate')) return { unit: '/h' };
  if (label.startsWith('a number') || label.startsWith('an integer')) return { unit: '' };
  return { problem: `'${path}' is not a numeric field (it takes ${label}), so it cannot be fitted` };
}

const PARSERS: Record<Unit, (v: unknown) => UnitResult> = { '/h': parseRate, h: parseDuration, '': parseCount };
const EXAMPLES: Record<Unit, string> = { '/h': 'a rate such as 0.02/d', h: 'a duration such as 3d', '': 'a number' };

/** Reads the block's priors, observables and arms; throws one ScenarioError with every problem. */
class Reader {
  readonly issues: ScenarioIssue[] = [];

  constructor(readonly parsed: ParsedScenario) {}

  issue(path: readonly (string | number)[], message: string, expected = '', found = '', key = false): void {
    const pos = positionOf(this.parsed, this.parsed.doc, path, key) ?? { line: 0, column: 0 };
    this.issues.push({ file: this.parsed.file, ...pos, path: formatPath(path), message, expected, found });
  }

  /** A prior in engine units; null when it has a problem (recorded). */
  prior(raw: RawPrior, unit: Unit, at: readonly string[]): Prior | null {
    const before = this.issues.length;
    const value = (key: 'min' | 'max' | 'mean' | 'sd'): number | null => {
      const v = raw[key];
      if (v === undefined) return null;
      const r = PARSERS[unit](v);
      if (!r.ok) {
        this.issue([...at, key], r.message, EXAMPLES[unit], describeValue(v));
        return null;
      }
      return r.value;
    };
    const need = (keys: readonly ('min' | 'max' | 'mean' | 'sd')[], allowed: readonly string[]) => {
      for (const k of keys) if (raw[k] === undefined) this.issue(at, `a ${raw.prior} prior needs ${k}`, `${keys.join(' and ')}`, 'nothing');
      for (const k of ['min', 'max', 'mean', 'sd'] as const) {
        if (raw[k] !== undefined && !allowed.includes(k)) this.issue([...at, k], `a ${raw.prior} prior has no ${k}`, allowed.join(', '), k, true);
      }
    };
    const min = value('min');
    const max = value('max');
    const mean = value('mean');
    const sd = value('sd');
    const written = (k: 'min' | 'max' | 'mean' | 'sd') => String(raw[k]);
    let text: string;
    if (raw.prior === 'uniform' || raw.prior === 'log-uniform') {
      need(['min', 'max'], ['min', 'max']);
      text = `${raw.prior}(${written('min')}, ${written('max')})`;
      if (raw.prior === 'log-uniform' && min !== null && min <= 0) this.issue([...at, 'min'], 'a log-uniform prior needs min > 0', 'a positive value', describeValue(raw.min));
      if (raw.prior === 'log-uniform' && max !== null && max <= 0) this.issue([...at, 'max'], 'a log-uniform prior needs max > 0', 'a positive value', describeValue(raw.max));
    } else {
      need(['mean', 'sd'], raw.prior === 'normal' ? ['mean', 'sd', 'min', 'max'] : ['mean', 'sd']);
      text = `${raw.prior}(${written('mean')}, ${written('sd')})`;
      if (raw.prior === 'normal' && (raw.min !== undefined || raw.max !== undefined)) text += ` in [${raw.min === undefined ? '-inf' : written('min')}, ${raw.max === undefined ? 'inf' : written('max')}]`;
      if (sd !== null && sd <= 0) this.issue([...at, 'sd'], 'the sd of a prior must be > 0', 'a positive value', describeValue(raw.sd));
      if (raw.prior === 'log-normal' && mean !== null && mean <= 0) this.issue([...at, 'mean'], 'a log-normal prior needs mean > 0 (the mean of the value itself)', 'a positive value', describeValue(raw.mean));
    }
    if (min !== null && max !== null && min >= max) this.issue([...at, 'max'], 'the prior needs min < max', `a value above ${written('min')}`, describeValue(raw.max));
    if (this.issues.length > before) return null;
    return { kind: raw.prior, min, max, mean, sd, text };
  }
}

const NO_BLOCK = 'this scenario has no fit: block';

/**
 * The scenario's `fit:` block as a FitSpec, in engine units. `sets` are the command line's
 * --set overrides (they may change the arms). The data file is resolved against the folder
 * of `parsed.file`. A scenario without the block, or with problems in it, is a ScenarioError.
 */
export function readFitSpec(parsed: ParsedScenario, sets: readonly string[] = []): FitSpec {
  const data = documentData(parsed);
  const block = isRecord(data) ? data.fit : undefined;
  if (block === undefined) {
    throw new ScenarioError([{ file: parsed.file, line: 0, column: 0, path: 'fit', message: NO_BLOCK, expected: 'a fit: block with data, parameters and observables (see `persim fit --help`)', found: 'nothing' }]);
  }
  const arms = loadArms(parsed, sets); // validates the whole scenario, fit: block shape included
  const raw = block as RawFit;
  const r = new Reader(parsed);
  const parameters: FitParameter[] = [];
  for (const [path, rawPrior] of Object.entries(raw.parameters)) {
    const at = ['fit', 'parameters', path];
    const u = unitOfPath(parsed, path);
    if ('problem' in u) {
      r.issue(at, u.problem, 'a numeric field as --set takes it, such as switch.entry_rate', JSON.stringify(path), true);
      continue;
    }
    const prior = r.prior(rawPrior, u.unit, at);
    if (prior !== null) parameters.push({ path, unit: u.unit, prior, target: { kind: 'scenario' } });
  }
  if (Object.keys(raw.parameters).length === 0) r.issue(['fit', 'parameters'], 'nothing to fit', 'at least one path: prior', 'an empty mapping');
  const observables: Observable[] = [];
  for (const [name, o] of Object.entries(raw.observables)) {
    const at = ['fit', 'observables', name];
    const continuous = o.noise === 'normal' || o.noise === 'log-normal';
    if (continuous && o.sd === undefined) r.issue(at, `${o.noise} noise needs sd (a number or a prior)`, 'sd: 0.15 or sd: { prior: ..., ... }', 'nothing');
    if (!continuous && o.sd !== undefined) r.issue([...at, 'sd'], `${o.noise} noise has no sd`, 'no sd', describeValue(o.sd), true);
    if (o.noise === 'binomial' && o.quantity === 'total') r.issue([...at, 'quantity'], 'binomial noise counts the cells of one state among n_cells', 'sensitive, persister or resistant', '"total"');
    if (o.noise === 'binomial' && o.scale !== undefined) r.issue([...at, 'scale'], 'binomial noise has no scale (it observes a fraction)', 'no scale', describeValue(o.scale), true);
    let sd: number | null = null;
    if (typeof o.sd === 'number') sd = o.sd;
    else if (continuous && isRecord(o.sd)) {
      const prior = r.prior(o.sd, '', [...at, 'sd']);
      if (prior !== null) {
        if ((prior.min ?? 0) < 0) r.issue([...at, 'sd', 'min'], 'a noise sd cannot be negative', 'a value >= 0', String(prior.min));
        else parameters.push({ path: `observables.${name}.sd`, unit: '', prior, target: { kind: 'noise-sd', observable: name } });
      }
    }
    observables.push({ name, quantity: o.quantity, scale: o.scale ?? 1, noise: o.noise, sd });
  }
  if (observables.length === 0) r.issue(['fit', 'observables'], 'no observables', 'at least one name: { quantity, noise }', 'an empty mapping');
  // Fitted noise sds come after the scenario paths.
  parameters.sort((a, b) => Number(a.target.kind === 'noise-sd') - Number(b.target.kind === 'noise-sd'));
  const armNames = arms.map((a) => a.name);
  let predict: string[] = armNames.length > 0 ? armNames : [''];
  if (raw.predict !== undefined) {
    predict = raw.predict;
    raw.predict.forEach((name, i) => {
      if (armNames.length === 0) r.issue(['fit', 'predict', i], 'the scenario has no arms: omit predict to predict the scenario itself', 'no predict', JSON.stringify(name));
      else if (!armNames.includes(name)) r.issue(['fit', 'predict', i], `'${name}' is not an arm`, `one of ${armNames.join(', ')}`, JSON.stringify(name));
    });
    const dup = raw.predict.findIndex((n, i) => raw.predict?.indexOf(n) !== i);
    if (dup >= 0) r.issue(['fit', 'predict', dup], `arm '${raw.predict[dup]}' is listed twice`, 'each arm once', JSON.stringify(raw.predict[dup]));
  }
  if (r.issues.length > 0) throw new ScenarioError(r.issues);
  return {
    dataFile: isAbsolute(raw.data) ? raw.data : join(dirname(parsed.file), raw.data),
    parameters,
    observables,
    particles: raw.particles ?? DEFAULT_PARTICLES,
    tumoursPerSubject: raw.tumours_per_subject ?? null,
    predict,
    predictDraws: DEFAULT_PREDICT_DRAWS,
    predictReplicates: DEFAULT_PREDICT_REPLICATES,
  };
}
