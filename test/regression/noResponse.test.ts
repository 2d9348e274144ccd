// Issue 14 item 10: an untreated arm printed "relapsed 100%, median relapse 0.0 d". A replicate
// whose burden never fell below the relapse threshold did not respond: it is counted as
// no_response, has relapse_h null, and stays out of the relapse median, the Kaplan-Meier curve
// and the comparisons (test/regression/no-response.yaml: a chemo arm, an untreated arm, and a
// drug too weak for all but one replicate).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { relapseSummary } from '../../src/analysis/relapseSummary.js';
import { summaryText } from '../../src/cli/summaryText.js';
import type { Summary } from '../../src/output/summaryJson.js';
import { summarizePoint } from '../../src/sweep/metrics.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const SCENARIO = join(ROOT, 'test/regression/no-response.yaml');

describe('a tumour that never responded has not relapsed', () => {
  const out = join(tempDir('persim-noresponse-'), 'out');
  let stdout = '';
  const summary = (arm: string): Summary => JSON.parse(readFileSync(join(out, arm, 'summary.json'), 'utf8'));
  const arms = () => JSON.parse(readFileSync(join(out, 'arms.json'), 'utf8')).arms;

  beforeAll(() => {
    const r = persim(['run', SCENARIO, '--out', out, '--no-charts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    stdout = r.stdout;
  });

  it('summary.json counts no_response apart; relapsed, censored, extinct and no_response add up', () => {
    const u = summary('untreated');
    expect(u.runs.every((x) => !x.responded && x.relapse_h === null)).toBe(true);
    expect(u.relapse).toMatchObject({ relapsed: 0, no_response: 12, censored: 0, extinct: 0, median_h: null, ci95_h: [null, null], probability: 0 });
    for (const arm of ['chemo', 'untreated', 'weak']) {
      const r = summary(arm).relapse;
      expect(r.relapsed + r.censored + r.extinct + r.no_response, arm).toBe(12);
      expect(r.no_response, arm).toBe(summary(arm).runs.filter((x) => !x.responded).length);
    }
    const weak = summary('weak');
    expect(weak.relapse.no_response).toBeGreaterThan(0);
    expect(weak.relapse.no_response).toBeLessThan(12);
    expect(weak.relapse.relapsed).toBe(weak.runs.filter((x) => x.relapse_h !== null).length);
    expect(summary('chemo').relapse.no_response).toBe(0);
  });

  it('the median is over the responders only', () => {
    // The weak arm's median is that of its responders alone, as if the others were not there.
    const weak = summary('weak');
    const responders = weak.runs.filter((x) => x.responded).map((x) => ({ responded: true, relapseH: x.relapse_h, extinctH: x.extinct_h }));
    expect(relapseSummary(responders, weak.horizon_h).median_h).toBeCloseTo(weak.relapse.median_h as number, 3);
  });

  it('the stdout table and arms.json say "no response", not a relapse at day 0', () => {
    const line = stdout.split('\n').find((l) => l.trim().startsWith('untreated')) as string;
    expect(line).toMatch(/0\/12, 12 no response +no response /);
    expect(line).not.toMatch(/0\.0 d/);
    const [chemo, untreated] = arms();
    expect(chemo.no_response).toBe(0);
    expect(untreated).toMatchObject({ relapsed: 0, no_response: 12, median_h: null, hazard_ratio: null, log_rank_p: null, log_rank_exact_p: null });
    expect(untreated.hazard_ratio_note).toBe('not estimable: no replicate of untreated responded, so there is no relapse to compare');
    // In the paired sign test, no response is worse than any relapse.
    expect(untreated).toMatchObject({ paired_later: 0, paired_earlier: 12, paired_ties: 0 });
  });

  it('the one-scenario summary says no response and prints no median', () => {
    const text = summaryText(summary('untreated'), []);
    expect(text).toContain('relapsed      0/12 (0.0%');
    expect(text).toContain('no response   12/12 (the burden never fell below the threshold');
    expect(text).toContain('median relapse: none (no replicate responded)');
  });

  it('a sweep point without responders has no relapse and no median', () => {
    const run = (replicate: number) => ({
      replicate, nadir_h: 0, nadir_cells: 100, nadir_persisters: 1, responded: false, relapse_h: 0, extinct_h: null,
      final_sensitive: 1e4, final_persister: 10, final_resistant: 0,
    });
    // relapse_h 0 as a journal of an older persim recorded it: responded decides.
    const s = summarizePoint([run(1), run(2), run(3)], 100);
    expect(s).toMatchObject({ relapsed: 0, responded: 0 });
    expect(s.metrics.median_relapse_h.value).toBeNull();
    expect(s.metrics.relapse_probability.value).toBe(0);
  });
});
