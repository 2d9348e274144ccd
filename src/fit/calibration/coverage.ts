// What a calibration check concludes, parameter by parameter: how often the 50% and 90%
// posterior intervals covered the truth over the refits, with a 95% Wilson interval for each
// coverage (the refits are independent, so the count is binomial), the mean SBC rank (0.5
// for a calibrated fit, with standard error sqrt(1/12 / K) under uniform ranks), and a
// verdict: the nominal level inside both coverage intervals is consistent with calibration;
// below them the intervals are too narrow (overconfident), above them too wide.
import { wilsonInterval } from '../../analysis/wilson.js';
import { inInterval, type RefitRecord } from './refitRecord.js';

/** What a check needs of a fitted parameter (a FitParameter, or one read back from calibration.json). */
export interface NamedParameter {
  readonly path: string;
  readonly unit: string;
  readonly prior: { readonly text: string };
}

export type Verdict = 'consistent' | 'too-narrow' | 'too-wide';

export interface Coverage {
  readonly level: 50 | 90;
  readonly covered: number;
  readonly refits: number;
  readonly rate: number;
  /** 95% Wilson interval of the coverage rate. */
  readonly interval: readonly [number, number];
}

export interface ParameterCalibration {
  readonly path: string;
  readonly unit: string;
  readonly prior: string;
  readonly coverage50: Coverage;
  readonly coverage90: Coverage;
  readonly mean_rank: number;
  readonly mean_rank_se: number;
  readonly verdict: Verdict;
}

function coverage(records: readonly RefitRecord[], j: number, level: 50 | 90): Coverage {
  const covered = records.filter((r) => inInterval(r, j, level)).length;
  const n = records.length;
  return { level, covered, refits: n, rate: n === 0 ? NaN : covered / n, interval: wilsonInterval(covered, n) };
}

function verdictOf(cs: readonly Coverage[]): Verdict {
  if (cs.some((c) => c.interval[1] < c.level / 100)) return 'too-narrow';
  if (cs.some((c) => c.interval[0] > c.level / 100)) return 'too-wide';
  return 'consistent';
}

export function calibrationOf(parameters: readonly NamedParameter[], records: readonly RefitRecord[]): ParameterCalibration[] {
  const n = records.length;
  return parameters.map((p, j) => {
    const coverage50 = coverage(records, j, 50);
    const coverage90 = coverage(records, j, 90);
    return {
      path: p.path, unit: p.unit, prior: p.prior.text, coverage50, coverage90,
      mean_rank: records.reduce((s, r) => s + r.rank[j], 0) / n,
      mean_rank_se: Math.sqrt(1 / 12 / n),
      verdict: verdictOf([coverage50, coverage90]),
    };
  });
}

export const VERDICT_TEXT: Record<Verdict, string> = {
  consistent: 'consistent with calibration',
  'too-narrow': 'intervals too narrow: the fit is overconfident',
  'too-wide': 'intervals too wide: the fit is conservative',
};
