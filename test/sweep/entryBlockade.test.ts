// Lesson 04 as a sweep: the median relapse time does not decrease with the potency of the
// entry blocker (a FOSL1-inhibitor stand-in), within its 95% intervals: each point's median
// is at or above the previous point's lower limit; and blocking delays relapse for real: the
// most potent point's interval lies wholly above the untreated one's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, tempDir } from '../helpers/cli.js';
import { csvRows } from './fixtures.js';

describe('scenarios/15-entry-blockade-sweep.yaml', () => {
  it('median relapse time does not decrease with the blocker potency', () => {
    const out = tempDir();
    const r = persim(['sweep', 'scenarios/15-entry-blockade-sweep.yaml', '--replicates', '20', '--out', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = csvRows(join(out, 'sweep.csv'));
    const potency = rows.map((row) => Number(row['drugs.fosl1i.potency']));
    expect(potency).toEqual([0, 0.5, 0.8, 0.9, 0.95, 0.99]);
    const m = rows.map((row) => ({ value: Number(row.median_relapse_h), lo: Number(row.median_relapse_h_lo), hi: Number(row.median_relapse_h_hi) }));
    for (const x of m) expect(Number.isFinite(x.value) && Number.isFinite(x.lo) && Number.isFinite(x.hi)).toBe(true);
    for (let i = 1; i < m.length; i++) expect(m[i].value, `potency ${potency[i]}`).toBeGreaterThanOrEqual(m[i - 1].lo);
    expect(m[m.length - 1].lo).toBeGreaterThan(m[0].hi);
  });
});
