// Adaptive dosing (Zhang et al. 2017): at each check, the share of replicates given the drug
// until the next check (left axis, steps), and the burden relative to its baseline, median
// and 10-90% of the replicates (right axis), with the rule's stop and resume levels.
import type { ArmResult } from '../armResult.js';
import { bandOver } from '../quantiles.js';
import type { ChartSpec } from './spec.js';
import { COLORS, days, DRUG_COLORS, points, rgba, timeAxis, title } from './style.js';

export const hasDosing = (arm: ArmResult) => arm.dosing !== undefined && arm.dosing.checkTimes.length > 0;

export function dosingChart(arm: ArmResult): ChartSpec {
  const d = arm.dosing;
  if (d === undefined) throw new Error('no adaptive dosing in this arm');
  const s = arm.scenario;
  const rule = s.drugs.find((x) => x.name === d.drug)?.adaptive;
  const n = d.on.length;
  const horizonH = s.time.horizonH;
  const times = [...d.checkTimes, horizonH];
  const share = times.map((_, k) => {
    const j = Math.min(k, d.checkTimes.length - 1);
    return (100 * d.on.reduce((a, on) => a + (on[j] ?? 0), 0)) / n;
  });
  const band = bandOver(n, d.checkTimes.length, (r, k) => d.relative[r][k]);
  const level = (label: string, y: number, dash: number[]) => ({
    label, data: [{ x: 0, y }, { x: days(horizonH), y }], yAxisID: 'burden', borderColor: rgba(COLORS.threshold), borderDash: dash, borderWidth: 1.5, pointRadius: 0, fill: false as const,
  });
  const datasets = [
    { label: `${d.drug} given (% of replicates)`, data: points(times, share), yAxisID: 'y', stepped: 'before' as const, borderColor: rgba(DRUG_COLORS[0]), backgroundColor: rgba(DRUG_COLORS[0], 0.15), borderWidth: 2, pointRadius: 0, fill: 'origin' as const },
    { label: 'Burden / baseline 10-90%', data: points(d.checkTimes, band.upper), yAxisID: 'burden', borderWidth: 0, pointRadius: 0, backgroundColor: rgba(COLORS.total, 0.12), fill: '+1' as const },
    { label: 'Burden / baseline 10%', data: points(d.checkTimes, band.lower), yAxisID: 'burden', borderWidth: 0, pointRadius: 0, fill: false as const },
    { label: 'Burden / baseline (median)', data: points(d.checkTimes, band.median), yAxisID: 'burden', borderColor: rgba(COLORS.total), backgroundColor: rgba(COLORS.total), borderWidth: 2, pointRadius: 2, fill: false as const },
    ...(rule !== undefined ? [level(`stop below ${rule.stopBelow}`, rule.stopBelow, [2, 4]), level(`resume at ${rule.resumeAt}`, rule.resumeAt, [8, 4])] : []),
  ];
  const top = Math.max(1.5, ...band.upper.filter(Number.isFinite));
  return {
    id: 'dosing',
    title: 'Adaptive dosing',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title(`Adaptive dosing: ${arm.name}`, `Shaded steps: replicates given ${d.drug} until the next check (left); black: burden at each check over the baseline, median and 10-90% (right)`),
          legend: { position: 'bottom' },
        },
        scales: {
          x: timeAxis(horizonH),
          y: { type: 'linear', min: 0, max: 100, position: 'left', title: { display: true, text: 'Replicates on drug (%)' } },
          burden: { type: 'linear', min: 0, max: Math.ceil(top * 10) / 10, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'Burden / baseline' } },
        },
      },
    },
    tickFormats: {},
    legendHidden: [1, 2],
    bands: [],
  };
}
