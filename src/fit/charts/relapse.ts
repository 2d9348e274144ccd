// predict-relapse.png: the predicted relapse-free curve of each arm, the Kaplan-Meier
// estimate over its posterior-predictive runs that responded (a run without relapse is
// censored at the arm's horizon, extinct runs included), with ticks where runs are
// censored. Runs that never responded are not on the curves; the legend gives their share.
import { kaplanMeier } from '../../analysis/kaplanMeier.js';
import type { ChartSpec } from '../../report/charts/spec.js';
import { days } from '../../report/charts/style.js';
import { kmDatasets, survivalSpec } from '../../report/charts/survival.js';
import { PNG_HEIGHT, PNG_WIDTH, type Renderer } from '../../report/renderPng.js';
import type { FitResult } from '../types.js';
import { renderChart } from './panels.js';

export function predictRelapseChart(result: FitResult): ChartSpec {
  const arms = result.predictiveRuns;
  const horizonH = Math.max(24, ...arms.map((a) => a.horizonH));
  const datasets = arms.flatMap((arm, i) => {
    const responders = arm.runs.filter((run) => run.responded);
    const km = kaplanMeier(responders.map((run) => (run.relapse_h === null ? { time: arm.horizonH, event: false } : { time: run.relapse_h, event: true })));
    const name = arm.arm === '' ? 'prediction' : arm.arm;
    const noResponse = arm.runs.length - responders.length;
    const median = arm.runs.length === 0
      ? 'no runs'
      : responders.length === 0 ? 'no response' : km.median !== null ? `median ${days(km.median).toFixed(1)} d` : 'median not reached';
    const share = noResponse > 0 && responders.length > 0 ? `; P(no response) = ${(noResponse / arm.runs.length).toFixed(2)}, not drawn` : '';
    return kmDatasets(km, responders.length > 0, arm.horizonH, i, `${name}: ${median}${share}`, name);
  });
  const counts = [...new Set(arms.map((a) => a.runs.length))];
  const runs = counts.length === 1 ? `${counts[0]} posterior-predictive run${counts[0] === 1 ? '' : 's'}${arms.length > 1 ? ' per arm' : ''}` : 'the posterior-predictive runs';
  const subtitle = `Kaplan-Meier over ${runs} (posterior draws x replicates) that responded; ticks: censored (no relapse by the horizon, extinct included)`;
  return survivalSpec('predict-relapse', 'Predicted relapse-free survival', subtitle, 'Relapse-free (fraction of responding runs)', horizonH, datasets);
}

export function predictRelapsePng(r: Renderer, result: FitResult): Uint8Array {
  return renderChart(r, PNG_WIDTH, PNG_HEIGHT, predictRelapseChart(result));
}
