// The charts persim draws. Arm charts show one arm (one per arm folder, or the run's folder
// without arms); comparison charts show every arm together (at the top of the output).
// A chart applies only when it has something to show: the drugs chart needs an acting
// drug, the arms chart two arms, the dosing chart an adaptive drug, the clones chart lineage
// barcodes, the levels chart the FOSL1 switch's level histograms (levels.csv), the survivors
// chart lineage barcodes over 2+ replicates (the cultures of a fluctuation test). Charts of
// models still to come are added here as entries with their own `applies`.
import type { ArmResult } from '../armResult.js';
import type { ArmComparison } from '../compareArms.js';
import { armsBurdenChart } from './armsBurden.js';
import { burdenChart } from './burden.js';
import { clonesChart, hasClones } from './clones.js';
import { dosingChart, hasDosing } from './dosing.js';
import { drugsChart } from './drugs.js';
import { activeDrugs } from './exposure.js';
import { hasLevels, levelsChart } from './levels.js';
import { persisterFractionChart } from './persisterFraction.js';
import type { ChartSpec } from './spec.js';
import { survivalChart } from './survival.js';
import { hasCultures, survivorsChart } from './survivors.js';

export interface ArmChart {
  readonly id: string;
  readonly applies: (arm: ArmResult) => boolean;
  readonly build: (arm: ArmResult) => ChartSpec;
}

export interface ComparisonChart {
  readonly id: string;
  readonly applies: (arms: readonly ArmResult[]) => boolean;
  readonly build: (arms: readonly ArmResult[], rows: readonly ArmComparison[]) => ChartSpec;
}

export const ARM_CHARTS: readonly ArmChart[] = [
  { id: 'burden', applies: () => true, build: burdenChart },
  { id: 'persister-fraction', applies: () => true, build: persisterFractionChart },
  { id: 'drugs', applies: (arm) => activeDrugs(arm.scenario).length > 0, build: drugsChart },
  { id: 'dosing', applies: hasDosing, build: dosingChart },
  { id: 'clones', applies: hasClones, build: clonesChart },
  { id: 'levels', applies: hasLevels, build: levelsChart },
];

export const COMPARISON_CHARTS: readonly ComparisonChart[] = [
  { id: 'survival', applies: (arms) => arms.length > 0, build: survivalChart },
  { id: 'burden-by-arm', applies: (arms) => arms.length > 1, build: armsBurdenChart },
  { id: 'survivors', applies: hasCultures, build: survivorsChart },
];

export function armCharts(arm: ArmResult): ChartSpec[] {
  return ARM_CHARTS.filter((c) => c.applies(arm)).map((c) => c.build(arm));
}

export function comparisonCharts(arms: readonly ArmResult[], rows: readonly ArmComparison[]): ChartSpec[] {
  return COMPARISON_CHARTS.filter((c) => c.applies(arms)).map((c) => c.build(arms, rows));
}
