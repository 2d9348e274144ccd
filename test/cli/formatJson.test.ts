// `persim validate --format json` and `persim explain --format json`: the documented keys,
// values that agree with the text output and with closed forms, and the located errors of
// bad input as a document (exit 2), the same as on stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, ROOT } from '../helpers/cli.js';

const VALIDATE_KEYS = ['ok', 'file', 'name', 'replicates', 'seed', 'horizon_h', 'initial_cells', 'drugs', 'doses', 'adaptive', 'arms', 'sweep', 'errors'];
const ERROR_KEYS = ['file', 'line', 'column', 'path', 'message', 'expected', 'found', 'hint', 'set'];

describe('persim validate --format json', () => {
  it('summarises a scenario with arms as the text line does', () => {
    const file = 'scenarios/11-dose-dense-vs-q3w.yaml';
    const r = persim(['validate', file, '--format', 'json', '--set', 'replicates=7']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(VALIDATE_KEYS);
    expect(doc).toMatchObject({ ok: true, file, replicates: 7, arms: ['q3w', 'q2w'], sweep: null, errors: [] });
    const text = persim(['validate', file, '--set', 'replicates=7']).stdout;
    expect(text).toContain(`"${doc.name}", 7 replicates, horizon ${(doc.horizon_h / 24).toFixed(1)} d, ${doc.initial_cells} cells, ${doc.drugs.length} drug`);
    expect(text).toContain(`(${doc.doses} dose`);
  });

  it('gives a sweep block its points and dimensions', () => {
    const doc = JSON.parse(persim(['validate', 'scenarios/15-entry-blockade-sweep.yaml', '--format', 'json']).stdout);
    const yaml = readFileSync(join(ROOT, 'scenarios/15-entry-blockade-sweep.yaml'), 'utf8');
    const potencies = yaml.match(/drugs\.fosl1i\.potency: \[([^\]]*)\]/)?.[1].split(',') ?? [];
    expect(potencies.length).toBeGreaterThan(1);
    expect(doc.sweep).toEqual({ points: potencies.length, dimensions: ['drugs.fosl1i.potency'] });
    expect(doc.drugs).toEqual(['chemo', 'fosl1i']);
  });

  it('prints every located error as a document and exits 2, as on stderr', () => {
    const r = persim(['validate', '-', '--format', 'json', '--set', 'seed=x'], { input: 'name: broken\nreplicates: -3\nfoo: 1\n' });
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.file).toBe('<stdin>');
    for (const e of doc.errors) expect(Object.keys(e)).toEqual(ERROR_KEYS);
    const replicates = doc.errors.find((e: { path: string }) => e.path === 'replicates');
    expect(replicates).toMatchObject({ file: '<stdin>', line: 2, column: 13, found: '-3', set: null });
    expect(doc.errors.find((e: { set: string | null }) => e.set === 'seed=x')).toBeDefined();
    // stderr holds the same problems, one per line, in the same order.
    const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('  '));
    expect(lines).toHaveLength(doc.errors.length);
    expect(lines[doc.errors.indexOf(replicates)]).toMatch(/^<stdin>:2:13: replicates: /);
  });

  it('refuses an unknown --format', () => {
    const r = persim(['validate', 'scenarios/01-biphasic-kill.yaml', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--format must be text or json, found 'xml'");
  });
});

describe('persim explain --format json', () => {
  it('is the text in sections plus the mean matrix, whose eigenvalues match its trace and determinant', () => {
    const file = 'scenarios/01-biphasic-kill.yaml';
    const r = persim(['explain', file, '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['ok', 'file', 'name', 'switch_model', 'text', 'sections', 'off_drug', 'peak_drug']);
    expect(doc.text + '\n').toBe(persim(['explain', file]).stdout);
    expect(doc.sections.map((s: { title: string; lines: string[] }) => [s.title, ...s.lines].join('\n')).join('\n\n')).toBe(doc.text);
    expect(doc.switch_model).toBe('two-state');
    for (const t of [doc.off_drug, doc.peak_drug]) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['matrix_per_day', 'eigenvalues_per_day', 'stationary_persister_fraction']));
      const [[a, b], [c, d]] = t.matrix_per_day;
      const [l1, l2] = t.eigenvalues_per_day;
      expect(l1).toBeLessThanOrEqual(l2);
      expect(l1 + l2).toBeCloseTo(a + d, 10);
      expect(l1 * l2).toBeCloseTo(a * d - b * c, 10);
    }
    // Off drug the persister share settles at the dominant eigenvector's: P/S = c / (l2 - d).
    const [[, ], [c, d]] = doc.off_drug.matrix_per_day;
    const ratio = c / (doc.off_drug.eigenvalues_per_day[1] - d);
    expect(doc.off_drug.stationary_persister_fraction).toBeCloseTo(ratio / (1 + ratio), 10);
    expect(doc.text).toContain(`${(100 * doc.off_drug.stationary_persister_fraction).toPrecision(4)}% of the tumour`);
    expect(doc.peak_drug.time_h).toBe(0);
  });

  it('prints bad input as the validate document and exits 2', () => {
    const r = persim(['explain', 'no/such.yaml', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, file: 'no/such.yaml', errors: [{ file: 'no/such.yaml', line: 0, message: 'cannot read the scenario: no such file' }] });
    expect(r.stderr).toContain('no/such.yaml: cannot read the scenario: no such file');
  });
});
