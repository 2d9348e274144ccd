// Lesson 13 (clinical scale) behaves as its text says: engine: auto takes the population
// engine for 10^11 cells; through 18 three-weekly doses the tumour falls to a nadir of a few
// hundred cells a week after the last dose, a fifth of them persisters, after a burst of
// drug-induced persisters in the first days; every replicate relapses to 10^9 cells around day
// 620, within a few weeks of the others; four more doses make cure a lottery won about six
// times in ten. Bounds are 4 standard errors around the values the lesson quotes, or the ranges
// its text gives.
import { describe, expect, it } from 'vitest';
import { proportionSe } from '../helpers/stats.js';
import { recordAt, runLesson } from '../lessons/lesson.js';

const FILE = '13-clinical-scale.yaml';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('lesson 13: clinical scale', () => {
  const sim = runLesson(FILE);

  it('runs 200 replicates of a 10^11-cell tumour on the population engine, chosen by engine: auto', () => {
    expect(sim.scenario.population.initial).toBe(1e11);
    expect(sim.outcomes).toHaveLength(200);
    expect(sim.engine.engine).toBe('population');
    expect(sim.engine.reason).toMatch(/^auto: population\.initial/);
  });

  it('the first dose raises the persisters from 10^5 to several 10^9 within three days', () => {
    const k = recordAt(sim, 72);
    expect(sim.outcomes.every((o) => o.persister[0] === 1e5)).toBe(true);
    expect(median(sim.outcomes.map((o) => o.persister[k]))).toBeGreaterThan(1e9);
  });

  it('the nadir is a few hundred cells a week after the last dose, about a fifth of them persisters', () => {
    const nadir = median(sim.outcomes.map((o) => o.nadirCells));
    expect(nadir).toBeGreaterThan(100);
    expect(nadir).toBeLessThan(1000);
    const days = sim.outcomes.map((o) => o.nadirH / 24);
    expect(Math.min(...days)).toBeGreaterThan(357);
    expect(Math.max(...days)).toBeLessThan(372);
    const fraction = median(sim.outcomes.map((o) => (o.nadirPersisters ?? 0) / o.nadirCells));
    expect(fraction).toBeGreaterThan(0.1);
    expect(fraction).toBeLessThan(0.35);
  });

  it('every replicate relapses, around day 620 and within a few weeks of the others', () => {
    const days = sim.outcomes.map((o) => (o.relapseH ?? Infinity) / 24);
    expect(days.every(Number.isFinite)).toBe(true);
    expect(median(days)).toBeGreaterThan(600);
    expect(median(days)).toBeLessThan(640);
    expect(Math.max(...days) - Math.min(...days)).toBeLessThan(42);
  });

  it('four more doses (22) cure about six tumours in ten', () => {
    const longer = runLesson(FILE, ['drugs.chemo.schedule.0.count=22']);
    const cured = longer.outcomes.filter((o) => o.extinctH !== null).length / longer.outcomes.length;
    expect(Math.abs(cured - 0.6)).toBeLessThan(4 * proportionSe(0.6, longer.outcomes.length));
  });
});
