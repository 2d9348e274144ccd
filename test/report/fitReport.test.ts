// The report of a fit's folder: its tables come from the CSVs the fit wrote (quoted fields
// intact), its warnings are escaped, and a missing chart is said, not silently dropped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, fitReportHtml, isFitFolder } from '../../src/report/fitReport.js';

const json = {
  persim_version: '0.1.0', version: 1, scenario: { name: 'T <fit>', file: 's.yaml', sha256: 'a'.repeat(64) },
  data: { file: 'd.csv', sha256: 'b'.repeat(64), observations: 12, subjects: 3 }, seed: 5, engine: 'population',
  algorithm: 'SMC', parameters: [], final: { ess: 180.4, particles: 200, simulations: 9000 },
  generations: [{ generation: 0, temperature: 0, acceptance_rate: null, ess: 200, simulations: 600, seconds: 1.234567 }],
  correlation: { parameters: [], matrix: [] },
  warnings: [{ kind: 'not-learned', message: 'x <b> is not learned' }],
};

describe('fit report', () => {
  it('reads quoted CSV fields', () => {
    expect(csvRows('a,b\n"log-uniform(1, 2)","say ""hi"""\n')).toEqual([['a', 'b'], ['log-uniform(1, 2)', 'say "hi"']]);
  });

  it('writes the warnings, the tables and the generations of a fit folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'persim-fitreport-'));
    writeFileSync(join(dir, 'fit.json'), JSON.stringify(json));
    writeFileSync(join(dir, 'posterior_summary.csv'), 'parameter,unit,prior,mean,median,q05,q95,contraction\nswitch.entry_rate,/h,"log-uniform(1e-4/d, 0.1/d)",1e-4,9e-5,2e-5,3e-4,0.81\n');
    writeFileSync(join(dir, 'predict.csv'), 'arm,relapse_probability\ncontinuous_28d,0.95\n');
    expect(isFitFolder(dir)).toBe(true);
    const html = fitReportHtml(dir);
    expect(html).toContain('<td>log-uniform(1e-4/d, 0.1/d)</td>');
    expect(html).toContain('<td>continuous_28d</td><td>0.95</td>');
    expect(html).toContain('x &lt;b&gt; is not learned');
    expect(html).toContain('T &lt;fit&gt;: fit');
    expect(html).toContain('<td>1.235</td>');
    expect(html).toContain('posterior-pairs.png was not written');
  });
});
