// Issue 14 item 11: where arms separate completely (lessons 10, 11, 12) the hazard ratio said
// "not estimable" with no reason. Now the note says why, and the exact log-rank p and the median
// difference with its paired-bootstrap interval stand in; a hazard ratio far from 1 from a
// small shift (lesson 14's 0.053) gets the caveat that replicate tumours are not patients
// (test/regression/separated-arms.yaml: a 2-day pulse, 54 h, and 5 days).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazardRatio } from '../../src/analysis/hazardRatio.js';
import { medianDifference } from '../../src/analysis/medianDifference.js';
import { streamFor } from '../../src/rng/stream.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const SCENARIO = join(ROOT, 'test/regression/separated-arms.yaml');

describe('the hazard ratio says why it is missing, and what to read instead', () => {
  const out = join(tempDir('persim-separated-'), 'out');
  let stdout = '';
  // biome-ignore lint/suspicious/noExplicitAny: arms.json read as parsed JSON; the test checks its fields one by one
  let arms: Record<string, any>[] = [];

  beforeAll(() => {
    const r = persim(['run', SCENARIO, '--out', out, '--no-charts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    stdout = r.stdout;
    arms = JSON.parse(readFileSync(join(out, 'arms.json'), 'utf8')).arms;
  });

  it('completely separated arms: the reason, the exact log-rank p and the median difference', () => {
    const long = arms[2];
    const relapses = (arm: string) =>
      (JSON.parse(readFileSync(join(out, arm, 'summary.json'), 'utf8')).runs as { relapse_h: number | null }[]).flatMap((r) => (r.relapse_h === null ? [] : [r.relapse_h]));
    // The premise: every relapse of "long" comes after every relapse of "short" (and its others are censored at the horizon, later still).
    expect(relapses('short')).toHaveLength(16);
    expect(Math.min(...relapses('long'))).toBeGreaterThan(Math.max(...relapses('short')));
    expect(long.hazard_ratio).toBeNull();
    expect(long.hazard_ratio_note).toMatch(/^not estimable: the arms separate completely \(long relapses after short .* ratio of 0\); see the exact log-rank p and the median difference$/);
    // 16 against 16, all apart (the censored tied at the horizon, last): only the observed split and its mirror are as extreme, 2 / C(32, 16).
    expect(long.log_rank_exact_p).toBe(Number((2 / 601080390).toPrecision(3)));
    expect(long.median_difference_h).toBeCloseTo(long.median_h - arms[0].median_h, 2);
    const [lo, hi] = long.median_difference_ci95_h;
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThanOrEqual(long.median_difference_h);
    expect(lo).toBeLessThanOrEqual(long.median_difference_h);
    const row = stdout.split('\n').find((l) => l.trim().startsWith('long')) as string;
    expect(row).toMatch(/not estimable\*\* +p = 3\.3e-9 \(exact\) +\+\d+\.\d d \(\+\d+\.\d d to \+\d+\.\d d\)/);
    expect(stdout).toContain(`** long: ${long.hazard_ratio_note}`);
  });

  it('a hazard ratio far from 1 from a small shift carries the caveat that replicates are not patients', () => {
    const slight = arms[1];
    expect(slight.hazard_ratio).toBeLessThan(0.5);
    expect(Math.abs(slight.median_difference_h)).toBeLessThan(0.25 * arms[0].median_h);
    expect(slight.hazard_ratio_note).toMatch(/^a median shift of \d\.\d d \(\d+% of short's median\) gives HR 0\.\d+: replicate tumours are not patients;/);
    expect(stdout).toContain(`* slightly longer: ${slight.hazard_ratio_note}`);
  });

  it('the Cox fit tells a separated likelihood from missing events', () => {
    const early = Array.from({ length: 10 }, (_, i) => ({ time: 10 + i, event: true }));
    const late = Array.from({ length: 10 }, (_, i) => ({ time: 50 + i, event: true }));
    expect(hazardRatio(early, late).notEstimable).toBe('separated-low');
    expect(hazardRatio(late, early).notEstimable).toBe('separated-high');
    const none = late.map((o) => ({ ...o, event: false }));
    expect(hazardRatio(early, none).notEstimable).toBe('no-events-1');
    expect(hazardRatio(none, early).notEstimable).toBe('no-events-0');
    expect(hazardRatio(early, [...late, ...early]).notEstimable).toBeNull();
  });

  it('the median difference is paired: a copy shifted by 5 h differs by exactly 5 h in every resample', () => {
    const rand = streamFor(1, 0, 'test-median-difference');
    const reference = Array.from({ length: 15 }, (_, i) => ({ replicate: i + 1, responded: true, relapseH: 100 + 40 * rand() }));
    const shifted = reference.map((r) => ({ ...r, relapseH: r.relapseH + 5 }));
    const d = medianDifference(reference, shifted, 1000, streamFor(1, 1, 'test-median-difference'), 400);
    expect(d.difference).toBeCloseTo(5, 9);
    expect(d.ci95[0]).toBeCloseTo(5, 9);
    expect(d.ci95[1]).toBeCloseTo(5, 9);
  });
});
