// What the charts and `persim explain` say about clonal scenarios. The burden chart adds the
// resistant cells and draws the three-type expected total, and draws none under adaptive
// dosing (its dosing depends on each replicate); the clone-size and dosing charts hold the
// medians they claim. explain's Luria-Delbrueck line (SCIENCE.md D7) matches the closed form
// 1 - exp(-u N b/(b - d) (1 - d_R/b_R)) for growth from n0 to N before the first dose.
import { describe, expect, it } from 'vitest';
import { expectedCounts3 } from '../../src/analysis/resistanceMean.js';
import { explainScenario } from '../../src/analysis/explain.js';
import { agentProbe } from '../../src/engine/simulate.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { burdenChart } from '../../src/report/charts/burden.js';
import { clonesChart } from '../../src/report/charts/clones.js';
import { dosingChart } from '../../src/report/charts/dosing.js';
import { drugsChart } from '../../src/report/charts/drugs.js';
import { armCharts } from '../../src/report/charts/registry.js';
import type { Point } from '../../src/report/charts/spec.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';
import { armOf } from '../report/fixtures.js';
import { adaptiveKill } from './fixtures.js';

const resistant = { divisionRate: 0.02, deathRate: 0.005, drugSensitivity: 0 };
const base = { horizonH: 240, recordEveryH: 24, initial: 300, persisterFraction: 0.01, bS: 0.03, dS: 0.005, bP: 0.002, entry: 0.001, exit: 0.01, replicates: 6, seed: 2 };
const data = (spec: ReturnType<typeof burdenChart>, label: string) => spec.config.data.datasets.find((d) => d.label === label)?.data as Point[] | undefined;

describe('charts of clonal scenarios', () => {
  it('the burden chart adds resistant cells and the three-type expected total', () => {
    const s = makeScenario({ ...base, resistant, resistantFraction: 0.05, mutation: { rate: 0.01, persisterFactor: 3 }, drugs: [squarePulseKill('chemo', 0.06, [{ start: 48, duration: 72 }])] });
    const arm = armOf(s);
    const spec = burdenChart(arm);
    expect(data(spec, 'Resistant (median)')).toHaveLength(arm.times.length);
    const mean = expectedCounts3(s, arm.timeline);
    const expected = data(spec, 'Total, expected (linear theory)') as Point[];
    expected.forEach((p, k) => expect(p.y).toBeCloseTo(mean.sensitive[k] + mean.persister[k] + mean.resistant[k], 6));
    expect((data(spec, 'Total (median)') as Point[])[0].y).toBe(300);
  });

  it('under adaptive dosing there is no expected line, and a dosing chart', () => {
    const s = makeScenario({ ...base, drugs: [adaptiveKill('chemo', 0.06, { startH: 24, checkEveryH: 24, stopBelow: 0.5, resumeAt: 1 })] });
    const arm = armOf(s);
    expect(data(burdenChart(arm), 'Total, expected (linear theory)')).toBeUndefined();
    expect(armCharts(arm).map((c) => c.id)).toContain('dosing');
    const spec = dosingChart(arm);
    const share = data(spec, 'chemo given (% of replicates)') as Point[];
    expect(share[0]).toEqual({ x: 1, y: 100 });
    const onAt = (k: number) => (100 * arm.dosing!.on.filter((on) => on[k] === 1).length) / 6;
    share.slice(0, -1).forEach((p, k) => expect(p.y).toBeCloseTo(onAt(k), 9));
  });

  it('an adaptive drug is shaded and drawn as its mean over the replicates between checks', () => {
    const drug = { ...adaptiveKill('chemo', 0.06, { startH: 24, checkEveryH: 24, stopBelow: 0.5, resumeAt: 1 }), adaptive: { startH: 24, checkEveryH: 24, stopBelow: 0.5, resumeAt: 1, dose: 3 } };
    const s = makeScenario({ ...base, drugs: [drug] });
    const arm = armOf(s);
    const d = arm.dosing!;
    const full = 3 / (1 + 3); // effect of dose 3 at ec50 1, Hill 1
    const share = (k: number) => d.on.filter((on) => on[k] === 1).length / d.on.length;
    // The bands: from each check to the next, the share given the drug x its dose's effect (rounded to 0.02).
    const bands = burdenChart(arm).bands;
    expect(bands.length).toBeGreaterThan(0);
    for (const b of bands) {
      const k = d.checkTimes.findIndex((t) => t / 24 === b.from);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(Math.abs(b.level - share(k) * full)).toBeLessThanOrEqual(0.01 + 1e-12);
    }
    expect(bands[0]).toMatchObject({ from: 1, lane: 0 });
    // The drugs chart: stepped mean effect and concentration / EC50.
    const effect = drugsChart(arm).config.data.datasets.find((x) => x.label === 'chemo: effect E (kill; adaptive, mean over replicates)')?.data as Point[];
    const conc = drugsChart(arm).config.data.datasets.find((x) => x.label === 'chemo: concentration / EC50 (adaptive, mean over replicates)')?.data as Point[];
    d.checkTimes.forEach((t, k) => {
      expect(effect[2 * k]).toEqual({ x: t / 24, y: share(k) * full });
      expect(conc[2 * k].y).toBeCloseTo(share(k) * 3, 12);
    });
  });

  it('the clone-size chart gives the median of the k-th largest clone', () => {
    const s = makeScenario({ ...base, initial: 30, lineage: { sampleAtH: [0, 120] }, relapse: { kind: 'cells', value: 1e9 } });
    const arm = armOf(s);
    const spec = clonesChart(arm);
    expect(spec.config.data.datasets.map((d) => d.label)).toEqual(['day 0 (6 replicates)', 'day 5 (6 replicates)']);
    expect((spec.config.data.datasets[0].data as Point[]).every((p) => p.y === 1)).toBe(true);
    const largest = arm.clones![1].sizes.map((sz) => sz[0]).sort((a, b) => a - b);
    expect((spec.config.data.datasets[1].data as Point[])[0].y).toBe((largest[2] + largest[3]) / 2);
    expect(spec.xName).toBe('clone rank');
  });
});

describe('persim explain with resistance', () => {
  it('gives the Luria-Delbrueck probability of resistance at the first dose', () => {
    const [b, d, bR, dR, u, n0, t1] = [0.03, 0.01, 0.02, 0.01, 1e-5, 1000, 200];
    const s = makeScenario({
      horizonH: 300, initial: n0, bS: b, dS: d, resistant: { divisionRate: bR, deathRate: dR, drugSensitivity: 0 }, mutation: { rate: u, persisterFactor: 1 },
      drugs: [squarePulseKill('chemo', 0.05, [{ start: t1, duration: 50 }])],
    });
    const text = explainScenario(s, compileTimeline(s), agentProbe);
    const N = n0 * Math.exp((b - d) * t1);
    const closed = 1 - Math.exp(-u * (N - n0) * (b / (b - d)) * (1 - dR / bR));
    const m = /established resistant lineage is present when treatment starts: ([0-9.e-]+)/.exec(text);
    expect(Number(m?.[1])).toBeCloseTo(closed, 3);
    expect(text).toContain('Luria-Delbrueck');
    expect(text).toContain('resistant cells still grow: continuous exposure cannot cure');
  });
});
