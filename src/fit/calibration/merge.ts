// `persim merge` of calibration shards: the folders of `persim fit --check-calibration K
// --shard i/n` -> the folder the unsharded check would have written, byte for byte. Every
// refit must come from the same check (persim version, scenario and data sha256, seed,
// particles, K, budget, parameters); together the shards must hold every refit; a refit
// present twice must hold the same record.
import { resolve } from 'node:path';
import { UsageError } from '../../io/errors.js';
import { prepareOutDir } from '../../io/outDir.js';
import { WHOLE } from '../../sweep/shard.js';
import { calibrationJson, journalText, readFinished, writeCalibrationOutputs, type CalibrationDesign, type CalibrationJson } from './outputs.js';
import type { RefitRecord } from './refitRecord.js';
import { shardRefits } from './runCalibration.js';

function designOf(j: CalibrationJson): CalibrationDesign {
  const { shard: _s, refits_done: _d, parameters: _p, warnings: _w, ...design } = j;
  return design;
}

export function mergeCalibration(dirs: readonly string[], outDir: string): { json: CalibrationJson; written: string[] } {
  const out = resolve(outDir);
  for (const d of dirs) if (resolve(d) === out) throw new UsageError(`--out ${outDir} is one of the shard directories; merge into a new directory`);
  const shards = dirs.map((dir) => ({ dir, ...readFinished(dir) }));
  const first = shards[0];
  const design = JSON.stringify(designOf(first.json));
  const records = new Map<number, { record: RefitRecord; dir: string; text: string }>();
  let identity = first.entries[0]?.identity;
  for (const s of shards) {
    if (JSON.stringify(designOf(s.json)) !== design) throw new UsageError(`${s.dir} and ${first.dir} are not shards of one calibration check (their calibration.json differ in design)`);
    const mine = new Set(shardRefits(s.json.refits, s.json.shard ?? WHOLE));
    for (const e of s.entries) {
      identity ??= e.identity;
      if (JSON.stringify(e.identity) !== JSON.stringify(identity)) throw new UsageError(`${s.dir}: refit ${e.record.refit} belongs to another calibration check`);
      if (!mine.has(e.record.refit)) continue;
      const text = journalText(e.identity, e.record);
      const seen = records.get(e.record.refit);
      if (seen !== undefined && seen.text !== text) throw new UsageError(`refit ${e.record.refit} has different results in ${seen.dir} and ${s.dir}; were they run by different builds?`);
      records.set(e.record.refit, { record: e.record, dir: s.dir, text });
    }
  }
  const missing = shardRefits(first.json.refits, WHOLE).filter((k) => !records.has(k));
  if (missing.length > 0) {
    throw new UsageError(`the shards do not cover the calibration check: ${missing.length} of ${first.json.refits} refits are missing (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}); give every shard's folder`);
  }
  if (identity === undefined) throw new UsageError('the shards hold no refits');
  prepareOutDir(outDir);
  const ordered = [...records.keys()].sort((a, b) => a - b).map((k) => (records.get(k) as { record: RefitRecord }).record);
  const parameters = first.json.parameters.map((p) => ({ path: p.path, unit: p.unit, prior: { text: p.prior } }));
  const json = calibrationJson(designOf(first.json), WHOLE, parameters, ordered);
  return { json, written: writeCalibrationOutputs(outDir, identity, json, parameters, ordered) };
}
