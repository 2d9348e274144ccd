// Lesson 06 (scenarios/06-persister-killer.yaml): a kill-persisters drug given with the
// chemotherapy raises the probability of extinction, against the same scenario without it on
// the same seeds (the lesson's 16 replicates). The difference of the two extinct fractions
// must exceed 4 standard errors (two independent proportions: conservative, since the arms
// share their random numbers).
import { describe, expect, it } from 'vitest';
import { proportionSe } from '../helpers/stats.js';
import { runLesson } from './lesson.js';

const FILE = '06-persister-killer.yaml';
const killer = runLesson(FILE);
const chemoAlone = runLesson(FILE, ['drugs.gpx4i.potency=0']);
const extinct = (sim: typeof killer) => sim.outcomes.filter((o) => o.extinctH !== null).length / sim.outcomes.length;

describe('lesson 06: a persister killer', () => {
  it('raises the probability of extinction', () => {
    const pK = extinct(killer);
    const pC = extinct(chemoAlone);
    const n = killer.outcomes.length;
    const se = Math.hypot(proportionSe(pK, n), proportionSe(pC, n));
    expect(pK - pC).toBeGreaterThan(4 * se);
  });

  it('leaves the chemotherapy alone to relapse from its persisters', () => {
    const relapsed = chemoAlone.outcomes.filter((o) => o.relapseH !== null && o.extinctH === null).length;
    expect(relapsed).toBeGreaterThan(chemoAlone.outcomes.length / 2);
    expect(chemoAlone.outcomes.every((o) => o.counters.entries > 0)).toBe(true);
  });
});
