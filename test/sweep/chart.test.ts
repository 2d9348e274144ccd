// The sweep chart: a pure configuration from the results (a line with its band for one
// parameter, a heatmap for two, none for three), drawn into the same PNG bytes every time.
import { describe, expect, it } from 'vitest';
import type { ChartInput, ChartPoint } from '../../src/sweep/chartParts.js';
import { METRIC_INFO } from '../../src/sweep/metrics.js';
import { renderChartPng } from '../../src/sweep/renderChart.js';
import { sweepChartConfig } from '../../src/sweep/sweepChart.js';

const metric = { name: 'median_relapse_h', ...METRIC_INFO.median_relapse_h };
const point = (values: (number | string)[], value: number | null, lo: number | null, hi: number | null): ChartPoint => ({ values, estimate: { value, lo, hi }, horizonH: 500, cure: null });
const oneD: ChartInput = {
  title: 'test',
  metric,
  dimensions: [{ label: 'drugs.x.potency', scale: 'lin' }],
  points: [point([0.9], 300, 280, null), point([0], 100, 90, 110), point([0.5], 200, 180, 220)],
  grid: true,
};
const twoD: ChartInput = {
  ...oneD,
  dimensions: [{ label: 'a', scale: 'log' }, { label: 'b (d)', scale: 'lin' }],
  points: [point([1, 1], 10, 9, 11), point([1, 2], 20, 18, 22), point([10, 1], null, null, null), point([10, 2], 40, 35, 45)],
};

interface LineData { label: string; data: { x: number; y: number | null }[] }

describe('chart configuration', () => {
  it('one parameter: the metric over x, sorted, between its CI limits; an open upper limit drawn to the horizon', () => {
    const config = sweepChartConfig(oneD);
    expect(config?.type).toBe('line');
    const [lower, upper, line] = config!.data.datasets as unknown as LineData[];
    expect(line.data).toEqual([{ x: 0, y: 100 }, { x: 0.5, y: 200 }, { x: 0.9, y: 300 }]);
    expect(lower.data.map((d) => d.y)).toEqual([90, 180, 280]);
    expect(upper.data.map((d) => d.y)).toEqual([110, 220, 500]);
    expect(upper.label).toMatch(/open upper end is drawn to the horizon/);
  });

  it('two parameters on a grid: a heatmap over both axes; three: no chart', () => {
    const config = sweepChartConfig(twoD);
    expect(config?.type).toBe('scatter');
    const scales = config?.options?.scales as Record<string, { type: string; min: number; max: number }>;
    expect(scales.x.type).toBe('logarithmic');
    expect(scales.x.min).toBeCloseTo(1 / Math.sqrt(10), 12); // half a cell beyond the first value
    expect(scales.y).toMatchObject({ type: 'linear', min: 0.5, max: 2.5 });
    expect(config?.plugins?.map((p) => p.id)).toContain('persimHeatmapCells');
    expect(sweepChartConfig({ ...twoD, dimensions: [...twoD.dimensions, { label: 'c', scale: 'lin' }] })).toBeNull();
  });
});

describe('PNG', () => {
  it('is the same bytes for the same results, and a PNG', async () => {
    for (const input of [oneD, twoD]) {
      const a = await renderChartPng(sweepChartConfig(input)!);
      const b = await renderChartPng(sweepChartConfig(input)!);
      expect(Buffer.from(a).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(Buffer.compare(a, b)).toBe(0);
    }
  });
});
