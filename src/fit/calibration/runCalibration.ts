// `persim fit --check-calibration K`: K refits, each at its own truth drawn from the prior
// and on its own dataset simulated in the user's design (truth.ts), fitted by the very
// sampler of `persim fit` (samplePosterior), each summarised as a RefitRecord. A shard runs
// the refits k with (k - 1) mod n = i, the sweep's rule, so shards split the work evenly and
// a merge gives the unsharded bytes; refits already journaled (--resume) are not rerun.
// Refit k depends only on (seed, k): not on the shard, the worker count or the order.
import { inShard, type Shard } from '../../sweep/shard.js';
import { FitModel } from '../fitModel.js';
import { subjectsOf } from '../fitSubjects.js';
import { FitPool } from '../pool.js';
import type { PreparedFit } from '../prepareFit.js';
import { ALGORITHM, fitModelInit, samplePosterior, type FitProgress } from '../runFit.js';
import { fitEngine } from '../subject.js';
import type { CalibrationDesign } from './outputs.js';
import type { Dataset } from '../types.js';
import { refitRecord, type RefitRecord } from './refitRecord.js';
import { drawTruth, refitSeed, simulatedSubjects } from './truth.js';

export interface CalibrationProgress {
  readonly refit: number;
  /** Refits of this shard finished (journaled ones included) and in all. */
  readonly done: number;
  readonly total: number;
  readonly fit: FitProgress | null;
}

export interface CalibrationInput {
  readonly prepared: PreparedFit;
  readonly data: Dataset;
  readonly seed: number;
  readonly workers: number;
  readonly refits: number;
  readonly shard: Shard;
  readonly maxSimulations?: number;
  readonly signal?: AbortSignal;
  /** Refits finished by an earlier run (--resume). */
  readonly done?: ReadonlyMap<number, RefitRecord>;
  readonly onRefit?: (r: RefitRecord) => void;
  readonly onProgress?: (p: CalibrationProgress) => void;
}

/** What calibration.json says of the check's design (the same for the CLI and the library). */
export function calibrationDesign(prepared: PreparedFit, data: Dataset, refits: number, maxSimulations: number | undefined, persimVersion: string): CalibrationDesign {
  const { scenario, spec } = prepared;
  return {
    persim_version: persimVersion, version: 1,
    scenario: { name: scenario.name, file: prepared.scenarioFile, sha256: prepared.scenarioSha256 },
    data: { file: data.file, sha256: data.sha256, observations: data.observations.length, subjects: subjectsOf(data, spec.observables).length },
    seed: scenario.seed, engine: fitEngine(scenario), algorithm: ALGORITHM, particles: spec.particles,
    max_simulations: maxSimulations ?? null, refits,
  };
}

/** The refits of the shard, 1-based. */
export function shardRefits(refits: number, shard: Shard): number[] {
  return Array.from({ length: refits }, (_, i) => i + 1).filter((k) => inShard(k - 1, shard));
}

/** Every refit of the shard, in refit order. */
export async function runCalibration(input: CalibrationInput): Promise<RefitRecord[]> {
  const { prepared, data, seed } = input;
  const { spec, scenario } = prepared;
  const subjects = subjectsOf(data, spec.observables);
  const arms = [...new Set(subjects.map((s) => s.arm))];
  const mine = shardRefits(input.refits, input.shard);
  const records: RefitRecord[] = [];
  let done = mine.filter((k) => input.done?.has(k)).length;
  for (const k of mine) {
    const journaled = input.done?.get(k);
    if (journaled !== undefined) {
      records.push(journaled);
      continue;
    }
    const rs = refitSeed(seed, k);
    const base = fitModelInit(prepared.scenarioText, prepared.scenarioFile, rs, spec, scenario, subjects);
    const model = new FitModel(base);
    const truth = drawTruth(model, spec.parameters, arms, seed, k);
    const simulated = simulatedSubjects(model, subjects, truth);
    const init = { ...base, subjects: simulated };
    const pool = FitPool.open(init, input.workers);
    try {
      input.onProgress?.({ refit: k, done, total: mine.length, fit: null });
      const { state, posterior } = await samplePosterior(pool, init, spec, rs, {
        maxSimulations: input.maxSimulations, signal: input.signal,
        onProgress: (fit) => input.onProgress?.({ refit: k, done, total: mine.length, fit }),
      });
      const observations = simulated.reduce((s, x) => s + x.observations.length, 0);
      const record = refitRecord(k, rs, observations, truth, posterior, state);
      records.push(record);
      input.onRefit?.(record);
      done++;
    } finally {
      await pool.close();
    }
  }
  input.onProgress?.({ refit: mine[mine.length - 1] ?? 0, done, total: mine.length, fit: null });
  return records;
}
