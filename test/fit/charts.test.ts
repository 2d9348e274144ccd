// The fit's PNG charts from a small hand-built FitResult (3 parameters, 50 particles, 2 arms):
// each file is a PNG of plausible size, the same result gives the same bytes, and a fit with
// one parameter, no predictive runs or no data still draws.
import { describe, expect, it } from 'vitest';
import { FIT_CHART_FILES, fitCharts, loadFitCharts } from '../../src/fit/charts/index.js';
import { shortNames } from '../../src/fit/charts/pairs.js';
import type { FitParameter, FitResult, Observation, PredictiveBand, PredictiveRun } from '../../src/fit/types.js';

/** A small deterministic generator, so the fixture needs nothing from the engine. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

const prior = (text: string) => ({ kind: 'log-uniform' as const, min: 1e-3, max: 1, mean: null, sd: null, text });
const PARAMS: FitParameter[] = [
  { path: 'switch.entry_rate', unit: '/h', prior: prior('log-uniform(0.024/d, 24/d)'), target: { kind: 'scenario' } },
  { path: 'switch.exit_rate', unit: '/h', prior: prior('log-uniform(0.024/d, 24/d)'), target: { kind: 'scenario' } },
  { path: 'observables.volume.sd', unit: '', prior: { kind: 'normal', min: null, max: null, mean: 0, sd: 1, text: 'normal(0, 1)' }, target: { kind: 'noise-sd', observable: 'volume' } },
];

function result(opts: { parameters?: number; runs?: boolean; data?: boolean } = {}): FitResult {
  const rand = lcg(7);
  const d = opts.parameters ?? 3;
  const parameters = PARAMS.slice(0, d);
  const n = 50;
  const values = Array.from({ length: n }, () => {
    const a = 0.01 * Math.exp(rand() - 0.5);
    return [a, a * 3 * Math.exp(0.3 * (rand() - 0.5)), 0.5 * rand() - 0.1].slice(0, d);
  });
  const raw = values.map(() => 0.2 + rand());
  const sum = raw.reduce((s, w) => s + w, 0);
  const weights = raw.map((w) => w / sum);
  const arms = ['control', 'drug'];
  const times = [0, 48, 96, 168, 240];
  const observations: Observation[] = [];
  const bands: PredictiveBand[] = [];
  if (opts.data !== false) {
    arms.forEach((arm, k) => {
      for (const t of times) {
        const mean = 1e6 * Math.exp((k === 0 ? 0.02 : -0.03) * t);
        for (const subject of ['s1', 's2']) observations.push({ timeH: t, subject, arm, observable: 'volume', value: mean * Math.exp(0.3 * (rand() - 0.5)), nCells: null, line: 0 });
        observations.push({ timeH: t, subject: 's1', arm, observable: 'persister_fraction', value: 0.01 + 0.1 * rand(), nCells: null, line: 0 });
        bands.push({ observable: 'volume', arm, timeH: t, q05: mean * 0.7, median: mean, q95: mean * 1.4 });
        bands.push({ observable: 'persister_fraction', arm, timeH: t, q05: 0, median: 0.05, q95: 0.12 });
      }
    });
  }
  const run = (k: number): PredictiveRun => {
    const u = rand();
    if (u < 0.1) return { responded: false, relapse_h: null, extinct_h: null, nadir_cells: 1e5 };
    if (u < 0.3) return { responded: true, relapse_h: null, extinct_h: u < 0.2 ? 200 : null, nadir_cells: 0 };
    return { responded: true, relapse_h: 100 + 400 * rand() * (k + 1), extinct_h: null, nadir_cells: 100 };
  };
  const predictiveRuns = arms.map((arm, k) => ({ arm, horizonH: 1000, runs: opts.runs === false ? [] : Array.from({ length: 40 }, () => run(k)) }));
  return {
    json: {
      persim_version: 'test',
      version: 1,
      scenario: { name: 'test', file: 'test.yaml', sha256: '' },
      data: { file: 'data.csv', sha256: '', observations: observations.length, subjects: 2 },
      seed: 1,
      engine: 'population',
      algorithm: 'smc',
      likelihood: { estimator: 'particle filter', tumours_per_subject: 1 },
      parameters: parameters.map((p) => ({ path: p.path, unit: p.unit, prior: p.prior.text })),
      generations: [],
      final: { ess: 40, particles: n, simulations: 0 },
      correlation: { parameters: parameters.map((p) => p.path), matrix: [] },
      warnings: [],
    },
    posterior: { parameters, values, weights },
    summary: [],
    predictions: [],
    predictiveRuns,
    bands,
    data: { file: 'data.csv', sha256: '', observations },
    observables: [
      { name: 'volume', quantity: 'total', scale: 1, noise: 'log-normal', sd: null },
      { name: 'persister_fraction', quantity: 'persister', scale: 1, noise: 'normal', sd: 0.02 },
    ],
  };
}

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('fit charts', () => {
  it('are three PNGs of plausible size, byte-identical for the same result', async () => {
    const charts = await loadFitCharts();
    const a = charts(result());
    const b = charts(result());
    expect(Object.keys(a)).toEqual([...FIT_CHART_FILES]);
    for (const name of FIT_CHART_FILES) {
      const { width, height } = pngSize(a[name]);
      expect(width, name).toBeGreaterThanOrEqual(800);
      expect(width, name).toBeLessThanOrEqual(2400);
      expect(height, name).toBeGreaterThanOrEqual(400);
      expect(height, name).toBeLessThanOrEqual(2400);
      expect(Buffer.from(a[name]).equals(Buffer.from(b[name])), name).toBe(true);
    }
    // Two observables x two arms.
    expect(pngSize(a['fit-data.png'])).toEqual({ width: 1200, height: 60 + 2 * 380 });
  });

  it('draw a single parameter, no predictive runs and no data without failing', async () => {
    const single = await fitCharts(result({ parameters: 1, runs: false, data: false }));
    for (const name of FIT_CHART_FILES) pngSize(single[name]);
    const none = await fitCharts(result({ parameters: 0 }));
    pngSize(none['posterior-pairs.png']);
  });

  it('name parameters by the shortest unambiguous end of their paths', () => {
    expect(shortNames(['switch.entry_rate', 'drugs.a.kill', 'drugs.b.kill', 'observables.volume.sd'])).toEqual(['entry_rate', 'a.kill', 'b.kill', 'volume.sd']);
  });
});
