// Drug exposure along the time axis, for the shaded bands of the time charts: for each drug
// that acts in this scenario (potency > 0 and a dose > 0; a potency-0 drug is a placebo
// that an arm may switch on), its effect E(t) on a fine grid that includes every dose and
// pulse end, merged into bands of nearly constant E. An adaptive drug is given or not by
// each replicate's burden, so its band between two checks is its mean effect over the
// replicates: the share given it times the effect of its dose.
import { drugBreakpoints, drugEffect, hillEffect } from '../../model/pkpd.js';
import type { Drug, Scenario } from '../../model/scenario.js';
import type { DosingSeries } from '../clonalSeries.js';
import type { ShadedBand } from './spec.js';
import { cycle, days, DRUG_COLORS } from './style.js';

const GRID = 600;
/** Bands whose effect differs by less than this are merged; weaker effects are not drawn. */
const LEVEL_STEP = 0.02;

export interface ActiveDrug {
  readonly drug: Drug;
  /** Index in the scenario's drug list (fixes its colour across charts and arms). */
  readonly index: number;
  readonly rgb: string;
}

const acts = (drug: Drug) => drug.potency > 0 && (drug.doses.some((d) => d.amount > 0) || (drug.adaptive?.dose ?? 0) > 0);

export function activeDrugs(s: Scenario): ActiveDrug[] {
  return s.drugs.flatMap((drug, index) => (acts(drug) ? [{ drug, index, rgb: cycle(DRUG_COLORS, index) }] : []));
}

/** An adaptive drug's mean effect over the replicates from each check to the next: [from, to, E] in hours. */
export function adaptiveEffect(drug: Drug, dosing: DosingSeries | undefined, horizonH: number): [number, number, number][] {
  const rule = drug.adaptive;
  if (rule === undefined || dosing === undefined || dosing.drug !== drug.name || dosing.on.length === 0) return [];
  const full = hillEffect(rule.dose, drug.ec50, drug.hill);
  const n = dosing.on.length;
  return Array.from(dosing.checkTimes, (t, k) => {
    const given = dosing.on.reduce((a, on) => a + (on[k] ?? 0), 0) / n;
    return [t, k + 1 < dosing.checkTimes.length ? dosing.checkTimes[k + 1] : horizonH, given * full] as [number, number, number];
  });
}

/** Sorted grid over [0, horizon] with every concentration jump of the drug. */
export function drugGrid(drug: Drug, horizonH: number, n = GRID): number[] {
  const pts = new Set<number>();
  for (let k = 0; k <= n; k++) pts.add((k / n) * horizonH);
  for (const b of drugBreakpoints(drug)) if (b >= 0 && b <= horizonH) pts.add(b);
  return [...pts].sort((a, b) => a - b);
}

/**
 * Adds the effect E over [fromH, toH] hours in `lane` to `bands`: E rounded to LEVEL_STEP,
 * joined to the last band when that one ends here at the same level, left out below LEVEL_STEP.
 */
export function addBand(bands: ShadedBand[], fromH: number, toH: number, effect: number, rgb: string, lane: number): void {
  const level = Math.round(effect / LEVEL_STEP) * LEVEL_STEP;
  if (level < LEVEL_STEP) return;
  const last = bands[bands.length - 1];
  if (last !== undefined && last.lane === lane && last.rgb === rgb && Math.abs(last.level - level) < LEVEL_STEP / 2 && last.to === days(fromH)) {
    bands[bands.length - 1] = { ...last, to: days(toH) };
  } else bands.push({ from: days(fromH), to: days(toH), rgb, level, lane });
}

/** `dosing`: the arm's adaptive dosing decisions, for an adaptive drug's bands. */
export function exposureBands(s: Scenario, dosing?: DosingSeries): ShadedBand[] {
  const horizonH = s.time.horizonH;
  const bands: ShadedBand[] = [];
  activeDrugs(s).forEach(({ drug, rgb }, lane) => {
    if (drug.adaptive !== undefined) {
      for (const [from, to, e] of adaptiveEffect(drug, dosing, horizonH)) addBand(bands, from, to, e, rgb, lane);
      return;
    }
    const grid = drugGrid(drug, horizonH);
    for (let i = 0; i + 1 < grid.length; i++) addBand(bands, grid[i], grid[i + 1], drugEffect(drug, (grid[i] + grid[i + 1]) / 2), rgb, lane);
  });
  return bands;
}

/** Empty datasets that put each acting drug in the legend as a coloured box. */
export function drugLegendEntries(s: Scenario) {
  return activeDrugs(s).map(({ drug, rgb }) => ({
    label: `${drug.name} (${drug.effect}${drug.adaptive !== undefined ? ', adaptive: mean over replicates' : ''}) exposure`,
    data: [],
    backgroundColor: `rgba(${rgb},0.35)`,
    borderColor: `rgba(${rgb},0.35)`,
    borderWidth: 0,
  }));
}
