// `persim fit`: calibrate a scenario's rates to a user's data (the scenario's fit: block
// and a tidy CSV), then predict relapse per arm with its posterior uncertainty. This file
// only parses options, reports progress and exits; src/fit/ does the work. After each
// generation the sampler's state is written to fit-state.json, so Ctrl-C (or a cluster's
// SIGTERM) keeps it and --resume continues after the last finished generation.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../io/errors.js';
import { prepareOutDir } from '../io/outDir.js';
import { defaultWorkers } from '../io/workers.js';
import { formatSeconds, LOG_LINE_EVERY_MS, startProgress, type Progress } from '../io/progress.js';
import { PERSIM_VERSION } from '../model/version.js';
import { loadFitCharts } from '../fit/charts/index.js';
import { prepareData, prepareFit } from '../fit/prepareFit.js';
import { readFitState, roundedJson, writeFitOutputs, writeFitState, type FitIdentity } from '../fit/outputs.js';
import { runFit, type FitProgress } from '../fit/runFit.js';
import type { SmcState } from '../fit/smc.js';
import type { FitResult } from '../fit/types.js';
import { checkCalibration } from './fitCalibration.js';
import { positiveInteger } from './interrupt.js';
import { stoppableFit } from './stoppableFit.js';
import { slug } from './scenarioInput.js';
import { readScenarioText } from '../scenario/load.js';

interface FitCliOptions {
  data?: string;
  out?: string;
  seed?: string;
  workers?: string;
  particles?: string;
  maxSimulations?: string;
  resume?: boolean;
  format?: string;
  quiet?: boolean;
  checkCalibration?: string;
  shard?: string;
}

const HELP = `
The scenario's fit: block names the data, the parameters to fit with their priors, and how
each observable of the data arises from the simulated tumour:

  fit:
    data: observations.csv              # relative to the scenario file; --data overrides
    parameters:                         # dotted paths, as --set takes them
      switch.entry_rate:          { prior: log-uniform, min: 1e-4/d, max: 0.1/d }
      switch.induced_entry_rate:  { prior: log-uniform, min: 1e-4/d, max: 1/d }
    observables:
      volume_mm3:      { quantity: total, scale: 1e-6, noise: log-normal, sd: 0.15 }
      persister_count: { quantity: persister, noise: binomial }
    particles: 400                      # optional
    predict: [continuous_28d]           # arms to predict; default all arms

The data: a CSV with header day,subject,arm,observable,value,n_cells (time_h instead of day
is allowed); one subject is one tumour; n_cells only for binomial observables.

The algorithm: sequential Monte Carlo with adaptive likelihood tempering; each particle's
likelihood is estimated by simulating its subjects on the scenario's own engine, so
extinction and small-count noise are part of the fit. Same seed, same bytes, for any
--workers (fit.json's seconds aside).

Outputs in --out: posterior.csv (weighted particles, rates in /h), posterior_summary.csv
(mean, median, 90% interval, contraction = how much the data narrowed the prior),
predict.csv (relapse per arm over posterior draws x replicates), fit.json (generations,
correlations on the log scale, warnings), posterior-pairs.png, fit-data.png,
predict-relapse.png, fit-state.json (for --resume).

A calibration check (--check-calibration K) asks whether the fit can be trusted on data like
these: K times, it draws true values from the priors, simulates a dataset of the same
design (subjects, arms, times, profiled cells) at them, fits it, and counts how often the
50% and 90% intervals hold the truth. A calibrated fit covers about 50% and 90%; less means
overconfident intervals. Outputs: calibration.csv (per refit and parameter), calibration.json
(coverage with binomial intervals, mean SBC rank), refits/ (the journal for --resume and merge).

Read the warnings: a pair with |r| > 0.6 is traded off by the data (spontaneous and induced
entry often are); contraction < 0.1 means not learned from these data; data outside the 90%
predictive band mean the model or its noise does not describe them.

Exit codes: 0 done, 2 bad input (nothing is run or written), 130 stopped by Ctrl-C (143 by
SIGTERM; the last finished generation is kept), 1 any other failure.

Examples:
  persim fit scenarios/16-fit-pdx.yaml
  persim fit scenarios/16-fit-pdx.yaml --particles 200 --seed 7 --out out/quick-fit
  persim fit my.yaml --data mice.csv --workers 8
  persim fit scenarios/16-fit-pdx.yaml --resume      (after Ctrl-C)
  persim fit scenarios/16-fit-pdx.yaml --check-calibration 100 --particles 100
  persim fit scenarios/16-fit-pdx.yaml --check-calibration 100 --shard 0/4 --out out/cal/shard-0
`;

function readData(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the data file ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}); set fit.data or pass --data`);
  }
}

function progressReporter(quiet: boolean): { report: (p: FitProgress) => void; finish: () => void } {
  if (quiet) return { report: () => {}, finish: () => {} };
  let bar: Progress | null = null;
  let key = '';
  const t0 = performance.now();
  return {
    report(p) {
      if (p.last !== null && p.phase === 'sample') {
        bar?.finish();
        bar = null;
        key = '';
        const r = p.last.records[p.last.records.length - 1];
        const acc = r.acceptance_rate === null ? '' : `, acceptance ${r.acceptance_rate.toFixed(2)}`;
        process.stderr.write(`generation ${r.generation}: temperature ${r.temperature.toPrecision(3)}${acc}, ESS ${r.ess.toFixed(0)}, ${r.simulations} simulations, ${formatSeconds(r.seconds)} (${formatSeconds((performance.now() - t0) / 1000)} in all)\n`);
        return;
      }
      const k = `${p.phase}/${p.generation}/${p.total}`;
      if (k !== key) {
        bar?.finish();
        key = k;
        bar = startProgress(p.phase === 'sample' ? `generation ${p.generation} (temperature ${p.temperature.toPrecision(3)})` : 'posterior-predictive runs', { plainEveryMs: LOG_LINE_EVERY_MS, unit: 'particles' });
      }
      bar?.tick(p.done, p.total);
    },
    finish() {
      bar?.finish();
    },
  };
}

function fmt(x: number | null, unit = ''): string {
  return x === null ? 'not reached' : `${Number(x.toPrecision(3))}${unit}`;
}

export function fitText(r: FitResult, outDir: string, seconds: number): string {
  const lines: string[] = [];
  const f = r.json.final;
  lines.push(`${r.json.scenario.name}: ${r.json.data.observations} observations of ${r.json.data.subjects} subjects; ${r.json.generations.length} generations, ${f.simulations} simulations, ESS ${f.ess.toFixed(0)} of ${f.particles} (${formatSeconds(seconds)})`);
  lines.push('', 'posterior (median and 90% interval; contraction: 0 = prior, 1 = pinned down)');
  for (const s of r.summary) lines.push(`  ${s.parameter.padEnd(40)} ${fmt(s.median)} [${fmt(s.q05)}, ${fmt(s.q95)}] ${s.unit.padEnd(3)} contraction ${s.contraction.toFixed(2)}`);
  lines.push('', 'predicted relapse of a new tumour (posterior draws x replicates)');
  for (const p of r.predictions) {
    const name = p.arm === '' ? '(scenario)' : p.arm;
    const med = p.relapse_median_h === null ? 'median not reached' : `median ${fmt(p.relapse_median_h / 24, ' d')} [${fmt(p.relapse_q05_h === null ? null : p.relapse_q05_h / 24)}, ${fmt(p.relapse_q95_h === null ? null : p.relapse_q95_h / 24)}]`;
    const nr = p.no_response_probability > 0 ? `, no response ${(100 * p.no_response_probability).toFixed(0)}%` : '';
    lines.push(`  ${name.padEnd(24)} relapse ${(100 * p.relapse_probability).toFixed(0)}%, ${med}, extinct ${(100 * p.extinction_probability).toFixed(0)}%${nr}`);
  }
  if (r.json.warnings.length > 0) {
    lines.push('', 'warnings');
    for (const w of r.json.warnings) lines.push(`  ${w.kind}: ${w.message}`);
  }
  lines.push('', `wrote ${outDir}/`);
  return lines.join('\n') + '\n';
}

export function registerFit(program: Command): void {
  program
    .command('fit')
    .summary("calibrate the scenario's rates to tumour data and predict relapse with its uncertainty")
    .description(
      "Fit the parameters named in the scenario's fit: block to a CSV of observations (caliper volumes, " +
        'cell counts, persister fractions) by sequential Monte Carlo on the scenario\'s own engine, then ' +
        'predict relapse in each arm, tried or untried, over the posterior.',
    )
    .argument('<scenario.yaml>', 'scenario file with a fit: block')
    .option('--data <csv>', 'the data CSV (default: fit.data, relative to the scenario file)')
    .option('-o, --out <dir>', 'output directory (default: out/<scenario-name-slug>-fit/)')
    .option('--seed <n>', 'random seed; overrides the scenario seed')
    .option('-w, --workers <n>', `worker threads (default: SLURM_CPUS_PER_TASK, else the cores, here ${availableParallelism()})`)
    .option('--particles <n>', 'SMC particles (default: fit.particles, else 400)')
    .option('--max-simulations <n>', 'stop sampling after this many subject simulations (a warning says the result is not the posterior)')
    .option('--resume', 'continue the fit (or the calibration check) in --out after its last finished generation (refit)')
    .option('--check-calibration <K>', 'instead of one fit: K refits to data simulated in the same design at truths drawn from the priors, reporting how often the 50% and 90% intervals cover the truth (default out: out/<slug>-calibration/)')
    .option('--shard <i/n>', 'with --check-calibration: run only refits k with (k-1) mod n = i (combine the shards with persim merge)')
    .option('--format <text|json>', 'stdout: a text summary (default) or fit.json', 'text')
    .option('-q, --quiet', 'no progress and no summary; errors only')
    .addHelpText('after', HELP)
    .action(async (file: string, opts: FitCliOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, found '${opts.format}'`);
      const workers = opts.workers === undefined ? defaultWorkers() : positiveInteger(opts.workers, '--workers');
      const maxSimulations = opts.maxSimulations === undefined ? undefined : positiveInteger(opts.maxSimulations, '--max-simulations');
      const sets = opts.seed === undefined ? [] : [`seed=${opts.seed}`];
      const scenarioText = readScenarioText(file);
      const particles = opts.particles === undefined ? undefined : positiveInteger(opts.particles, '--particles');
      const prepared = prepareFit(scenarioText, file, sets, particles);
      const { scenario, spec, scenarioSha256, horizonsH } = prepared;
      const dataFile = opts.data ?? spec.dataFile;
      const data = prepareData(prepared, dataFile, readData(dataFile));
      if (opts.shard !== undefined && opts.checkCalibration === undefined) throw new UsageError('--shard splits a calibration check: use it with --check-calibration K');
      if (opts.checkCalibration !== undefined) {
        await checkCalibration(prepared, data, {
          refits: positiveInteger(opts.checkCalibration, '--check-calibration'), shard: opts.shard, out: opts.out, workers, maxSimulations,
          resume: Boolean(opts.resume), format: opts.format, quiet: Boolean(opts.quiet),
        });
        return;
      }
      const outDir = opts.out ?? join('out', `${slug(scenario.name)}-fit`);
      const identity: FitIdentity = {
        scenario_sha256: scenarioSha256, data_sha256: data.sha256, seed: scenario.seed, particles: spec.particles,
        parameters: spec.parameters.map((p) => p.path),
      };
      prepareOutDir(outDir);
      const resumeFrom = readFitState(outDir, identity, Boolean(opts.resume));
      const charts = await loadFitCharts();
      const progress = progressReporter(Boolean(opts.quiet));
      const t0 = performance.now();
      let last: SmcState | undefined = resumeFrom;
      const result = await stoppableFit(`keeping the last finished generation in ${join(outDir, 'fit-state.json')}`, progress.finish, (signal) =>
        runFit({
          scenarioText, scenarioFile: file, scenarioSha256, scenario, spec, data, seed: scenario.seed, workers,
          maxSimulations, resumeFrom, signal, horizonsH, persimVersion: PERSIM_VERSION,
          onGeneration: (state) => {
            last = state;
            writeFitState(outDir, identity, state);
          },
          onProgress: progress.report,
        }));
      if (last === undefined) throw new Error('internal: the fit finished without a generation');
      writeFitOutputs(outDir, result, identity, last, charts);
      if (opts.format === 'json') process.stdout.write(roundedJson(result.json)); // the bytes of fit.json
      else if (!opts.quiet) process.stdout.write(fitText(result, outDir, (performance.now() - t0) / 1000));
    });
}
