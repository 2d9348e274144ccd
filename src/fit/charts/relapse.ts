// predict-relapse.png: the predicted relapse-free curve of each arm, the Kaplan-Meier
// estimate over its posterior-predictive runs that responded (a run without relapse is
// censored at the arm's horizon, extinct runs included), with ticks where runs are
// censored. Runs that never responded are not on the curves; the legend gives their share.
import { kaplanMeier } from '../../analysis/kaplanMeier.js';
import type { ChartSpec, Point } from '../../report/charts/spec.js';
import { ARM_COLORS, cycle, days, rgba, timeAxis, title } from '../../report/charts/style.js';
import { PNG_HEIGHT, PNG_WIDTH, type Renderer } from '../../report/renderPng.js';
import type { FitResult } from '../types.js';
import { renderChart } from './panels.js';

export function predictRelapseChart(result: FitResult): ChartSpec {
  const arms = result.predictiveRuns;
  const horizonH = Math.max(24, ...arms.map((a) => a.horizonH));
  const datasets = arms.flatMap((arm, i) => {
    const responders = arm.runs.filter((run) => run.responded);
    const km = kaplanMeier(responders.map((run) => (run.relapse_h === null ? { time: arm.horizonH, event: false } : { time: run.relapse_h, event: true })));
    const rgb = cycle(ARM_COLORS, i);
    const curve: Point[] = [];
    if (responders.length > 0) {
      curve.push({ x: 0, y: 1 });
      km.time.forEach((t, j) => curve.push({ x: days(t), y: km.survival[j] }));
      curve.push({ x: days(arm.horizonH), y: curve[curve.length - 1].y });
    }
    const ticks: Point[] = Array.from(km.censorTimes, (t, j) => ({ x: days(t), y: km.censorSurvival[j] }));
    const name = arm.arm === '' ? 'prediction' : arm.arm;
    const noResponse = arm.runs.length - responders.length;
    const median = arm.runs.length === 0
      ? 'no runs'
      : responders.length === 0 ? 'no response' : km.median !== null ? `median ${days(km.median).toFixed(1)} d` : 'median not reached';
    const share = noResponse > 0 && responders.length > 0 ? `; P(no response) = ${(noResponse / arm.runs.length).toFixed(2)}, not drawn` : '';
    return [
      { label: `${name}: ${median}${share}`, data: curve, stepped: 'before' as const, borderColor: rgba(rgb), backgroundColor: rgba(rgb), borderWidth: 2.5, pointRadius: 0, fill: false as const },
      { label: `${name}: censored`, data: ticks, showLine: false, clip: false as const, pointStyle: 'line' as const, rotation: 90, pointRadius: 7, borderWidth: 2, borderColor: rgba(rgb), backgroundColor: rgba(rgb), fill: false as const },
    ];
  });
  const counts = [...new Set(arms.map((a) => a.runs.length))];
  const runs = counts.length === 1 ? `${counts[0]} posterior-predictive run${counts[0] === 1 ? '' : 's'}${arms.length > 1 ? ' per arm' : ''}` : 'the posterior-predictive runs';
  return {
    id: 'predict-relapse',
    title: 'Predicted relapse-free survival',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title('Predicted relapse-free survival', `Kaplan-Meier over ${runs} (posterior draws x replicates) that responded; ticks: censored (no relapse by the horizon, extinct included)`),
          legend: { position: 'bottom' },
        },
        scales: {
          x: timeAxis(horizonH),
          y: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'Relapse-free (fraction of responding runs)' } },
        },
      },
    },
    tickFormats: {},
    legendHidden: datasets.map((_, j) => j).filter((j) => j % 2 === 1),
    bands: [],
  };
}

export function predictRelapsePng(r: Renderer, result: FitResult): Uint8Array {
  return renderChart(r, PNG_WIDTH, PNG_HEIGHT, predictRelapseChart(result));
}
