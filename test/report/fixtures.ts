// Small simulated arms for the chart and table tests: a two-state tumour of 400 cells under
// a three-day kill pulse, regrowing within the horizon up to a capacity of 2e4; a placebo
// drug of potency 0. And readers of a chart's configuration by label and scale id.
import { simulate } from '../../src/engine/simulate.js';
import type { Drug, Scenario } from '../../src/model/scenario.js';
import { buildSummary } from '../../src/output/summaryJson.js';
import { armFromSimulation, type ArmResult } from '../../src/report/armResult.js';
import type { ChartSpec } from '../../src/report/charts/spec.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

export const placebo: Drug = { ...squarePulseKill('placebo', 0, [{ start: 0, duration: 24 }], 'block-entry'), potency: 0 };

export function smallScenario(seed = 3, extra: Partial<Scenario> = {}): Scenario {
  return {
    ...makeScenario({
      horizonH: 600,
      recordEveryH: 12,
      initial: 400,
      capacity: 2e4,
      persisterFraction: 0.01,
      bS: 0.03,
      dS: 0.004,
      bP: 0.002,
      dP: 0.001,
      entry: 0.001,
      induced: 0.01,
      exit: 0.02,
      seed,
      replicates: 12,
      drugs: [squarePulseKill('chemo', 0.08, [{ start: 24, duration: 72 }]), placebo],
    }),
    ...extra,
  };
}

export function armOf(s: Scenario, name = 'arm', slug: string | null = null): ArmResult {
  const sim = simulate(s);
  const summary = buildSummary(sim, { name: s.name, file: 'test.yaml', sha256: '0'.repeat(64), overrides: [] });
  return armFromSimulation(name, slug, sim, summary);
}

/** The labels of a chart's datasets, in order. */
export const labels = (spec: ChartSpec) => spec.config.data.datasets.map((d) => d.label);

/** The dataset with this label (an error naming the labels there are when none has it). */
export function dataset(spec: ChartSpec, label: string) {
  const d = spec.config.data.datasets.find((x) => x.label === label);
  if (d === undefined) throw new Error(`no dataset '${label}' in ${labels(spec).join(', ')}`);
  return d;
}

// chart.js scale options are a union of many shapes: read here as plain data.
// biome-ignore lint/suspicious/noExplicitAny: chart.js scale options of every kind, read freely by the tests
export const scale = (spec: ChartSpec, id: string): any => (spec.config.options!.scales as Record<string, unknown>)[id];
