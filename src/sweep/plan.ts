// From a scenario file and the sweep options (command line first, then the file's `sweep:`
// block) to a checked plan: the dimensions, the points and the resolved scenario of every
// point. Everything that can be wrong with the input is found here, before anything runs or
// is written: a bad spec, a value the scenario refuses at some point, an unknown path.
import { createHash } from 'node:crypto';
import { EngineChoiceError, chooseEngine } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import type { ScenarioIdentity } from '../output/summaryJson.js';
import { ScenarioError, formatIssue, type ScenarioIssue } from '../scenario/errors.js';
import { parseScenarioDocument, resolveWithOverrides, type ParsedScenario } from '../scenario/load.js';
import { fieldKindAt } from '../scenario/fieldKind.js';
import { nearest } from '../scenario/suggest.js';
import { readSweepBlock, type SweepBlock } from './block.js';
import { canonicalUnit, expandDesign, inDisplayUnits, parseSample, type DesignPoint, type Dimension, type Sample } from './design.js';
import { SweepInputError } from './errors.js';
import { SWEEP_METRICS, type SweepMetric } from './metrics.js';
import { SpecError, listSpec, parseSpec, splitVaryArg } from './spec.js';

export interface SweepOptions {
  readonly vary: readonly string[];
  readonly sample?: string;
  readonly replicates?: string;
  readonly metric?: string;
  readonly set: readonly string[];
  readonly seed?: string;
}

export interface SweepPlan {
  readonly identity: ScenarioIdentity;
  readonly seed: number;
  readonly replicates: number;
  readonly metric: SweepMetric;
  readonly sample: Sample;
  readonly dimensions: readonly Dimension[];
  readonly points: readonly DesignPoint[];
  /** The resolved scenario of each point, by point index. */
  readonly scenarios: readonly Scenario[];
}

export const DEFAULT_METRIC: SweepMetric = 'median_relapse_h';

/** Paths a sweep may not vary: they define the replicates, which every point shares. */
const FIXED_PATHS = ['seed', 'replicates'];

interface Origin {
  readonly dimension: Dimension;
  /** `--vary arg` or `file:line:col: sweep.vary.path`. */
  readonly where: string;
}

function readDimensions(opts: SweepOptions, block: SweepBlock | null): Origin[] {
  if (opts.vary.length > 0) {
    return opts.vary.map((arg) => {
      try {
        const { path, spec } = splitVaryArg(arg);
        return { dimension: { path, spec, parsed: parseSpec(spec) }, where: `--vary ${arg}` };
      } catch (err) {
        if (err instanceof SpecError) throw new SweepInputError(`--vary ${arg}: ${err.message}`);
        throw err;
      }
    });
  }
  return (block?.vary ?? []).map((e) => {
    try {
      const parsed = typeof e.spec === 'string' ? parseSpec(e.spec) : listSpec(e.spec);
      const spec = typeof e.spec === 'string' ? e.spec : e.spec.join(',');
      return { dimension: { path: e.path, spec, parsed }, where: e.where };
    } catch (err) {
      if (err instanceof SpecError) throw new SweepInputError(`${e.where}: ${err.message}`);
      throw err;
    }
  });
}

function checkPaths(origins: readonly Origin[]): void {
  const seen = new Map<string, string>();
  for (const { dimension: d, where } of origins) {
    if (FIXED_PATHS.includes(d.path) || d.path === 'sweep' || d.path.startsWith('sweep.')) {
      throw new SweepInputError(`${where}: '${d.path}' cannot be varied: every point runs the same replicates (common random numbers); set it with --${d.path === 'seed' ? 'seed' : 'replicates'} or --set instead`);
    }
    const first = seen.get(d.path);
    if (first !== undefined) throw new SweepInputError(`${where}: '${d.path}' is already varied by ${first}`);
    seen.set(d.path, where);
  }
}

function readMetric(text: string, where: string): SweepMetric {
  if ((SWEEP_METRICS as readonly string[]).includes(text)) return text as SweepMetric;
  const near = nearest(text, SWEEP_METRICS);
  throw new SweepInputError(`${where}: unknown metric '${text}' (metrics: ${SWEEP_METRICS.join(', ')})${near ? `; did you mean '${near}'?` : ''}`);
}

function issueText(i: ScenarioIssue): string {
  const details = [i.expected && `expected ${i.expected}`, i.found && `found ${i.found}`].filter(Boolean);
  return `${i.path ? `${i.path}: ` : ''}${i.message}${details.length ? ` (${details.join(', ')})` : ''}${i.hint ? `; ${i.hint}` : ''}`;
}

/** Runs f; a SpecError becomes a SweepInputError located at `where` or at its dimension's origin. */
function atOrigin<T>(where: string | null, f: () => T, origins: readonly Origin[] = []): T {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    const at = err.dimension !== null && origins[err.dimension] ? origins[err.dimension].where : where;
    throw new SweepInputError(at ? `${at}: ${err.message}` : err.message);
  }
}

/** Resolves every point; the first point the scenario refuses is reported, at the specs at fault. */
function resolvePoints(parsed: ParsedScenario, baseSets: readonly string[], origins: readonly Origin[], points: readonly DesignPoint[]): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const point of points) {
    const at = `point ${point.index} (${point.sets.join(', ')})`;
    try {
      const s = resolveWithOverrides(parsed, [...baseSets, ...point.sets]);
      chooseEngine(s);
      scenarios.push(s);
    } catch (err) {
      if (err instanceof EngineChoiceError) throw new SweepInputError(`${at}: ${err.message}`);
      if (!(err instanceof ScenarioError)) throw err;
      const lines = err.issues.map((issue) => {
        const j = issue.set === undefined ? -1 : point.sets.indexOf(issue.set);
        if (j < 0) return `${at}: ${formatIssue(issue)}`;
        return `${origins[j].where}: at the value ${point.sets[j].slice(origins[j].dimension.path.length + 1)}: ${issueText(issue)}`;
      });
      throw new SweepInputError(lines.join('\n'));
    }
  }
  return scenarios;
}

export function planSweep(file: string, text: string, opts: SweepOptions): SweepPlan {
  const parsed = parseScenarioDocument(text, file);
  const block = readSweepBlock(parsed);
  const overrides = [...opts.set];
  if (opts.seed !== undefined) overrides.push(`seed=${opts.seed}`);
  if (opts.replicates !== undefined) overrides.push(`replicates=${opts.replicates}`);
  const baseSets = [...overrides];
  if (opts.replicates === undefined && block?.replicates !== undefined) baseSets.push(`replicates=${block.replicates}`);
  const base = resolveWithOverrides(parsed, baseSets);
  chooseEngine(base);

  const origins = readDimensions(opts, block);
  if (origins.length === 0) {
    throw new SweepInputError(`nothing to vary: give --vary path=spec (repeatable), or a sweep: block with vary: in ${file}`);
  }
  checkPaths(origins);
  const metric = opts.metric !== undefined ? readMetric(opts.metric, '--metric') : block?.metric !== undefined ? readMetric(block.metric, `${file}: sweep.metric`) : DEFAULT_METRIC;
  const sample = atOrigin(opts.sample !== undefined ? '--sample' : (block?.sampleWhere ?? ''), () => parseSample(opts.sample ?? block?.sample ?? 'grid'));
  const written = origins.map((o) => o.dimension);
  const designed = atOrigin(null, () => expandDesign(written, sample, base.seed), origins);
  const scenarios = resolvePoints(parsed, baseSets, origins, designed);
  const dimensions = written.map((d, j) => {
    const set = designed[0].sets[j];
    return { ...d, unit: canonicalUnit(fieldKindAt(parsed, d.path, set.slice(d.path.length + 1)), d) };
  });
  const points = inDisplayUnits(dimensions, designed);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return {
    identity: { name: base.name, file, sha256, overrides },
    seed: base.seed,
    replicates: base.replicates,
    metric,
    sample,
    dimensions,
    points,
    scenarios,
  };
}
