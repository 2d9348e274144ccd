// switch.level_histogram_at (FOSL1 switch): durations, sorted into the resolved switch, read
// back by the level histograms; a time after the horizon is an error at its line; absent, the
// default times apply.
import { describe, expect, it } from 'vitest';
import { histogramTimes, requestedHistogramTimes } from '../../src/analysis/levelHistogram.js';
import type { Fosl1Switch } from '../../src/model/scenario.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { expectIssue, issuesOf } from './fixtures.js';

const scenario = (extra: string) => `name: levels
time:
  horizon: 40d
population:
  initial: 1000
phenotypes:
  sensitive:
    doubling_time: 40h
  persister:
    division_rate: 0.001/h
switch:
  model: fosl1
  basal: 0.025/h
  feedback: 0.045/h
  hill: 8
  decay: 0.05/h
  noise: 0.03
  on_threshold: 1.2
  off_threshold: 1.0
${extra}`;

const load = (text: string, sets: string[] = []) => loadScenarioText(text, 'f.yaml', sets);

describe('switch.level_histogram_at', () => {
  it('takes durations, sorted, as the times of the level histograms', () => {
    const s = load(scenario('  level_histogram_at: [40d, 0d, 10d, 36h]\n'));
    expect(requestedHistogramTimes(s.switch as Fosl1Switch)).toEqual([0, 36, 240, 960]);
    expect(histogramTimes(s)).toEqual([0, 36, 240, 960]);
  });

  it('is optional: absent, the default times (no drug: 0, half the horizon, the horizon)', () => {
    const s = load(scenario(''));
    expect(requestedHistogramTimes(s.switch as Fosl1Switch)).toBeUndefined();
    expect(histogramTimes(s)).toEqual([0, 480, 960]);
  });

  it('may be set from the command line', () => {
    const s = load(scenario(''), ['switch.level_histogram_at=[1d, 2d]']);
    expect(histogramTimes(s)).toEqual([24, 48]);
  });

  it('refuses a time after the horizon, at its line, and a bad duration', () => {
    expectIssue(issuesOf(() => load(scenario('  level_histogram_at: [0d, 41d]\n'))), {
      path: 'switch.level_histogram_at[1]',
      line: 20,
      column: 28,
      message: /after the horizon/,
      expected: /time\.horizon \(960 h\)/,
    });
    expectIssue(issuesOf(() => load(scenario('  level_histogram_at: [soon]\n'))), { path: 'switch.level_histogram_at[0]', line: 20 });
  });

  it('belongs to the fosl1 switch only', () => {
    const text = scenario('').replace(/switch:[\s\S]*$/, 'switch:\n  model: two-state\n  level_histogram_at: [1d]\n');
    expect(issuesOf(() => load(text)).map((i) => i.path)).toContain('switch.level_histogram_at');
  });
});
