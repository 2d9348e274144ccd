// `persim fit --check-calibration K`: the CLI side of a simulation-based calibration check
// (src/fit/calibration/): parses --shard, keeps the journal of finished refits (so Ctrl-C or
// a cluster's SIGTERM loses at most the refit under way, and --resume continues), reports
// progress, writes calibration.csv and calibration.json and prints the coverage table.
import { join } from 'node:path';
import { prepareOutDir } from '../io/outDir.js';
import { formatSeconds, LOG_LINE_EVERY_MS, startProgress, type Progress } from '../io/progress.js';
import { PERSIM_VERSION } from '../model/version.js';
import { VERDICT_TEXT } from '../fit/calibration/coverage.js';
import { calibrationJson, readJournal, writeCalibrationOutputs, writeRefit, type CalibrationIdentity, type CalibrationJson } from '../fit/calibration/outputs.js';
import { calibrationDesign, runCalibration, shardRefits, type CalibrationProgress } from '../fit/calibration/runCalibration.js';
import type { PreparedFit } from '../fit/prepareFit.js';
import { roundedJson } from '../fit/outputs.js';
import type { Dataset } from '../fit/types.js';
import { WHOLE, parseShard } from '../sweep/shard.js';
import { stoppableFit } from './stoppableFit.js';
import { slug } from './scenarioInput.js';

export interface CalibrationCliOptions {
  readonly refits: number;
  readonly shard?: string;
  readonly out?: string;
  readonly workers: number;
  readonly maxSimulations?: number;
  readonly resume: boolean;
  readonly format: 'text' | 'json';
  readonly quiet: boolean;
}

const pct = (x: number) => `${Math.round(100 * x)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function calibrationText(j: CalibrationJson, outDir: string, seconds: number): string {
  const lines: string[] = [];
  const shard = j.shard === undefined ? '' : ` (shard ${j.shard.index}/${j.shard.count})`;
  lines.push(`${j.scenario.name}: ${plural(j.refits_done, 'refit')}${shard} of ${plural(j.parameters.length, 'parameter')}, ${j.particles} particles each, on data shaped like ${j.data.file} (${plural(j.data.subjects, 'subject')}, ${plural(j.data.observations, 'observation')}; ${formatSeconds(seconds)})`);
  lines.push('', 'coverage of the posterior intervals over the refits (nominal 50% and 90%; 95% binomial interval in brackets)');
  for (const p of j.parameters) {
    const c = (x: CalibrationJson['parameters'][number]['coverage50']) => `${x.level}%: ${String(x.covered).padStart(3)}/${x.refits} = ${pct(x.rate).padStart(4)} [${pct(x.interval[0])}, ${pct(x.interval[1])}]`;
    lines.push(`  ${p.path.padEnd(40)} ${c(p.coverage50)}   ${c(p.coverage90)}   mean rank ${p.mean_rank.toFixed(2)} ± ${p.mean_rank_se.toFixed(2)}   ${VERDICT_TEXT[p.verdict]}`);
  }
  if (j.warnings.length > 0) lines.push('', 'warnings', ...j.warnings.map((w) => `  ${w}`));
  lines.push('', `wrote ${outDir}/`);
  return lines.join('\n') + '\n';
}

function reporter(quiet: boolean): { report: (p: CalibrationProgress) => void; finish: () => void } {
  if (quiet) return { report: () => {}, finish: () => {} };
  let bar: Progress | null = null;
  let total = 0;
  return {
    report(p) {
      if (bar === null) {
        total = p.total;
        bar = startProgress('calibration refits', { plainEveryMs: LOG_LINE_EVERY_MS, unit: 'refits', startDone: p.done });
      }
      const gen = p.fit === null ? '' : `refit ${p.refit}, generation ${p.fit.generation} (temperature ${p.fit.temperature.toPrecision(2)})`;
      bar.tick(p.done, total, gen);
    },
    finish() {
      bar?.finish();
    },
  };
}

export async function checkCalibration(prepared: PreparedFit, data: Dataset, opts: CalibrationCliOptions): Promise<void> {
  const { scenario, spec } = prepared;
  const shard = opts.shard === undefined ? WHOLE : parseShard(opts.shard);
  const outDir = opts.out ?? join('out', `${slug(scenario.name)}-calibration${shard.count > 1 ? `/shard-${shard.index}` : ''}`);
  const identity: CalibrationIdentity = {
    persim_version: PERSIM_VERSION, scenario_sha256: prepared.scenarioSha256, data_sha256: data.sha256, seed: scenario.seed,
    particles: spec.particles, refits: opts.refits, max_simulations: opts.maxSimulations ?? null, parameters: spec.parameters.map((p) => p.path),
  };
  prepareOutDir(outDir);
  const done = readJournal(outDir, identity, opts.resume);
  const progress = reporter(opts.quiet);
  const t0 = performance.now();
  const records = await stoppableFit(`keeping the finished refits in ${join(outDir, 'refits')}/`, progress.finish, (signal) =>
    runCalibration({
      prepared, data, seed: scenario.seed, workers: opts.workers, refits: opts.refits, shard, maxSimulations: opts.maxSimulations,
      signal, done, onRefit: (r) => writeRefit(outDir, identity, r), onProgress: progress.report,
    }));
  if (records.length !== shardRefits(opts.refits, shard).length) throw new Error('internal: a calibration shard finished with refits missing');
  const json = calibrationJson(calibrationDesign(prepared, data, opts.refits, opts.maxSimulations, PERSIM_VERSION), shard, spec.parameters, records);
  writeCalibrationOutputs(outDir, identity, json, spec.parameters, records);
  if (opts.format === 'json') process.stdout.write(roundedJson(json));
  else if (!opts.quiet) process.stdout.write(calibrationText(json, outDir, (performance.now() - t0) / 1000));
}
