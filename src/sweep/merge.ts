// `persim merge`: the shards of one sweep -> the directory the unsharded sweep would have
// written, byte for byte. Every shard must come from the same persim version, scenario text
// (sha256), overrides, seed, replicates and design; together they must cover every point;
// a point present twice must hold the same results. The merged directory has a journal too,
// so it can itself be merged or resumed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFilesAtomically } from '../io/atomicWrite.js';
import { prepareOutDir } from '../io/outDir.js';
import { SweepInputError } from './errors.js';
import { Journal, pointRecordText, type PointRecord } from './journal.js';
import type { SweepMetric } from './metrics.js';
import { sweepOutputs, type SweepResults } from './outputs.js';
import { inShard, shardText } from './shard.js';
import { describeDifference, sweepKey, unsharded, type SweepJson } from './sweepJson.js';

interface ShardDir {
  readonly dir: string;
  readonly json: SweepJson;
}

export interface MergeResult {
  readonly design: SweepJson;
  readonly results: SweepResults;
  readonly written: string[];
}

function readShard(dir: string): ShardDir {
  let text: string;
  try {
    text = readFileSync(join(dir, 'sweep.json'), 'utf8');
  } catch {
    throw new SweepInputError(`${dir}: no sweep.json, so no finished sweep or shard there (an interrupted shard finishes with persim sweep ... --resume)`);
  }
  try {
    const json = JSON.parse(text) as SweepJson;
    if (typeof json.persim_version !== 'string' || !Array.isArray(json.points) || !Array.isArray(json.dimensions)) throw new Error('not a sweep');
    return { dir, json };
  } catch {
    throw new SweepInputError(`${dir}/sweep.json is not the sweep.json of a persim sweep`);
  }
}

const shardOf = (j: SweepJson) => j.shard ?? { index: 0, count: 1 };

function missingMessage(missing: readonly number[], design: SweepJson, shards: readonly ShardDir[]): string {
  const counts = [...new Set(shards.map((s) => shardOf(s.json).count))];
  const owners = counts.length === 1 && counts[0] > 1
    ? [...new Set(missing.map((p) => `${p % counts[0]}/${counts[0]}`))]
    : [];
  return `the shards do not cover the sweep: ${missing.length} of ${design.points.length} points are missing (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''})` +
    (owners.length > 0 ? `; they belong to shard ${owners.join(', ')}: give ${owners.length === 1 ? 'its directory' : 'their directories'} too` : '');
}

export async function mergeShards(dirs: readonly string[], outDir: string, metric?: SweepMetric): Promise<MergeResult> {
  if (dirs.length === 0) throw new SweepInputError('no shard directories given');
  const out = resolve(outDir);
  for (const d of dirs) if (resolve(d) === out) throw new SweepInputError(`--out ${outDir} is one of the shard directories; merge into a new directory`);
  const shards = dirs.map(readShard).sort((a, b) => shardOf(a.json).index - shardOf(b.json).index);
  const first = shards[0];
  for (const s of shards.slice(1)) {
    if (sweepKey(s.json) !== sweepKey(first.json)) {
      throw new SweepInputError(`${s.dir} and ${first.dir} are not shards of one sweep: ${describeDifference(first.json, s.json)}`);
    }
  }
  const records = new Map<number, { record: PointRecord; dir: string }>();
  for (const s of shards) {
    for (const [i, record] of new Journal(s.dir).finished(false)) {
      if (!inShard(i, shardOf(s.json))) continue;
      const seen = records.get(i);
      if (seen && pointRecordText(seen.record) !== pointRecordText(record)) {
        throw new SweepInputError(`point ${i} has different results in ${seen.dir} and ${s.dir} (shard ${shardText(shardOf(s.json))}); were they run by different builds?`);
      }
      records.set(i, { record, dir: s.dir });
    }
  }
  const design: SweepJson = { ...unsharded(first.json), ...(metric ? { metric } : {}) };
  const missing = design.points.map((p) => p.point).filter((i) => !records.has(i));
  if (missing.length > 0) throw new SweepInputError(missingMessage(missing, design, shards));

  prepareOutDir(outDir);
  const ordered = design.points.map((p) => (records.get(p.point) as { record: PointRecord }).record);
  const results = await sweepOutputs(design, ordered);
  const journal = new Journal(outDir);
  journal.start(design);
  for (const r of ordered) journal.write(r);
  const written = writeFilesAtomically(outDir, results.files);
  return { design, results, written };
}
