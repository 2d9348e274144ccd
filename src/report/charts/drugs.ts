// Drug concentration and effect over time: for every acting drug, the concentration
// relative to its EC50 (left axis) and the effect E = C^h / (EC50^h + C^h) (right axis,
// dashed), on a grid fine enough to show each bolus decay and each pulse edge.
import { concentration, drugBreakpoints, drugEffect } from '../../model/pkpd.js';
import type { ArmResult } from '../armResult.js';
import { activeDrugs, drugGrid } from './exposure.js';
import type { ChartSpec } from './spec.js';
import { days, rgba, timeAxis, title } from './style.js';

/** Just before a jump, so that a pulse or a dose is drawn as a vertical edge. */
const EDGE = 1e-6;

export function drugsChart(arm: ArmResult): ChartSpec {
  const s = arm.scenario;
  const horizonH = s.time.horizonH;
  const datasets = activeDrugs(s).flatMap(({ drug, rgb }) => {
    const jumps = new Set(drugBreakpoints(drug));
    const grid = drugGrid(drug, horizonH).flatMap((t) => (jumps.has(t) && t > EDGE ? [t - EDGE, t] : [t]));
    const conc = grid.map((t) => ({ x: days(t), y: concentration(drug, t) / drug.ec50 }));
    const effect = grid.map((t) => ({ x: days(t), y: drugEffect(drug, t) }));
    return [
      { label: `${drug.name}: concentration / EC50`, data: conc, yAxisID: 'y', borderColor: rgba(rgb), backgroundColor: rgba(rgb), borderWidth: 2, pointRadius: 0, fill: false as const },
      { label: `${drug.name}: effect E (${drug.effect})`, data: effect, yAxisID: 'effect', borderColor: rgba(rgb, 0.9), backgroundColor: rgba(rgb, 0.9), borderDash: [6, 4], borderWidth: 2, pointRadius: 0, fill: false as const },
    ];
  });
  return {
    id: 'drugs',
    title: 'Drugs',
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: {
          ...title(`Drug concentration and effect: ${arm.name}`, 'Solid: concentration relative to EC50 (left); dashed: effect, the fraction of the maximum (right)'),
          legend: { position: 'bottom' },
        },
        scales: {
          x: timeAxis(horizonH),
          y: { type: 'linear', min: 0, position: 'left', title: { display: true, text: 'Concentration / EC50' } },
          effect: { type: 'linear', min: 0, max: 1, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'Effect E (0 to 1)' } },
        },
      },
    },
    tickFormats: {},
    legendHidden: [],
    bands: [],
  };
}
