// arms.json and arms.csv: the comparison of treatment arms written at the top of a run's
// output folder, beside one folder per arm. Numbers are rounded to 6 significant digits
// and nothing depends on the clock, so the same seed gives the same bytes.
import { PERSIM_VERSION } from '../model/version.js';
import { csvRow } from '../output/csv.js';
import { round6 } from '../output/numbers.js';
import type { ScenarioIdentity } from '../output/summaryJson.js';
import { COMPARISON_METHODS, type ArmComparison } from './compareArms.js';

export interface ArmsDocument {
  persim_version: string;
  scenario: ScenarioIdentity;
  seed: number;
  replicates: number;
  reference_arm: string;
  methods: typeof COMPARISON_METHODS;
  arms: (ArmComparison & { dir: string | null; overrides: readonly string[] })[];
}

const r6 = (x: number | null) => (x === null ? null : round6(x));
const pair = <T extends number | null>(xs: readonly [T, T] | null) => (xs === null ? null : [r6(xs[0]), r6(xs[1])]);

const p3 = (p: number | null) => (p === null ? null : Number(p.toPrecision(3)));

function rounded(row: ArmComparison): ArmComparison {
  return {
    ...row,
    median_h: r6(row.median_h),
    median_ci95_h: pair(row.median_ci95_h) as [number | null, number | null],
    relapse_probability: round6(row.relapse_probability),
    relapse_probability_ci95: pair(row.relapse_probability_ci95) as [number, number],
    extinction_probability: round6(row.extinction_probability),
    extinction_probability_ci95: pair(row.extinction_probability_ci95) as [number, number],
    hazard_ratio: r6(row.hazard_ratio),
    hazard_ratio_ci95: pair(row.hazard_ratio_ci95) as [number, number] | null,
    log_rank_chi2: r6(row.log_rank_chi2),
    log_rank_p: p3(row.log_rank_p),
    paired_sign_p: p3(row.paired_sign_p),
    log_rank_exact_p: p3(row.log_rank_exact_p),
    median_difference_h: r6(row.median_difference_h),
    median_difference_ci95_h: pair(row.median_difference_ci95_h) as [number | null, number | null] | null,
  };
}

export function armsDocument(
  identity: ScenarioIdentity,
  seed: number,
  replicates: number,
  rows: readonly ArmComparison[],
  overrides: readonly (readonly string[])[],
): ArmsDocument {
  return {
    persim_version: PERSIM_VERSION,
    scenario: identity,
    seed,
    replicates,
    reference_arm: rows[0].name,
    methods: COMPARISON_METHODS,
    arms: rows.map((row, i) => ({ ...rounded(row), dir: row.slug, overrides: overrides[i] })),
  };
}

export function armsJson(doc: ArmsDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

const CSV_COLUMNS = [
  'arm', 'dir', 'replicates', 'relapsed', 'censored', 'extinct',
  'median_relapse_h', 'median_ci95_low_h', 'median_ci95_high_h',
  'relapse_probability', 'relapse_ci95_low', 'relapse_ci95_high',
  'extinction_probability', 'extinction_ci95_low', 'extinction_ci95_high',
  'hazard_ratio', 'hazard_ratio_ci95_low', 'hazard_ratio_ci95_high', 'log_rank_chi2', 'log_rank_p',
  'paired_later', 'paired_earlier', 'paired_ties', 'paired_sign_p',
  'no_response', 'log_rank_exact_p', 'median_difference_h', 'median_difference_ci95_low_h', 'median_difference_ci95_high_h', 'hazard_ratio_note',
];

/** One row per arm; empty cells where a value is undefined (null in arms.json). */
export function armsCsv(doc: ArmsDocument): string {
  const lines = [csvRow(CSV_COLUMNS)];
  for (const a of doc.arms) {
    const row = [
      a.name, a.dir, a.replicates, a.relapsed, a.censored, a.extinct,
      a.median_h, a.median_ci95_h[0], a.median_ci95_h[1],
      a.relapse_probability, ...a.relapse_probability_ci95,
      a.extinction_probability, ...a.extinction_probability_ci95,
      a.hazard_ratio, a.hazard_ratio_ci95?.[0] ?? null, a.hazard_ratio_ci95?.[1] ?? null, a.log_rank_chi2, a.log_rank_p,
      a.paired_later, a.paired_earlier, a.paired_ties, a.paired_sign_p,
      a.no_response, a.log_rank_exact_p, a.median_difference_h, a.median_difference_ci95_h?.[0] ?? null, a.median_difference_ci95_h?.[1] ?? null, a.hazard_ratio_note,
    ];
    lines.push(csvRow(row));
  }
  return lines.join('\n') + '\n';
}
