// Drug concentration and effect over time: for every acting drug, the concentration
// relative to its EC50 (left axis) and the effect E = C^h / (EC50^h + C^h) (right axis,
// dashed), on a grid fine enough to show each bolus decay and each pulse edge. An adaptive
// drug is given or not by each replicate's burden: it is drawn as its mean over the
// replicates between checks (the share given it times its dose, and times its dose's effect).
import { concentration, drugBreakpoints, drugEffect, hillEffect } from '../../model/pkpd.js';
import type { Drug } from '../../model/scenario.js';
import type { ArmResult } from '../armResult.js';
import { activeDrugs, adaptiveEffect, drugGrid } from './exposure.js';
import type { ChartSpec } from './spec.js';
import { days, rgba, timeAxis, title } from './style.js';

const drugEffectAtDose = (drug: Drug) => hillEffect(drug.adaptive?.dose ?? 0, drug.ec50, drug.hill);

/** Just before a jump, so that a pulse or a dose is drawn as a vertical edge. */
const EDGE = 1e-6;

export function drugsChart(arm: ArmResult): ChartSpec {
  const s = arm.scenario;
  const horizonH = s.time.horizonH;
  const datasets = activeDrugs(s).flatMap(({ drug, rgb }) => {
    if (drug.adaptive !== undefined) {
      const steps = adaptiveEffect(drug, arm.dosing, horizonH);
      const full = steps.length > 0 ? drugEffectAtDose(drug) : 1;
      const stepped = (f: (e: number) => number) => steps.flatMap(([from, to, e]) => [{ x: days(from), y: f(e) }, { x: days(to), y: f(e) }]);
      return [
        { label: `${drug.name}: concentration / EC50 (adaptive, mean over replicates)`, data: stepped((e) => ((e / full) * (drug.adaptive?.dose ?? 0)) / drug.ec50), yAxisID: 'y', borderColor: rgba(rgb), backgroundColor: rgba(rgb), borderWidth: 2, pointRadius: 0, fill: false as const },
        { label: `${drug.name}: effect E (${drug.effect}; adaptive, mean over replicates)`, data: stepped((e) => e), yAxisID: 'effect', borderColor: rgba(rgb, 0.9), backgroundColor: rgba(rgb, 0.9), borderDash: [6, 4], borderWidth: 2, pointRadius: 0, fill: false as const },
      ];
    }
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
