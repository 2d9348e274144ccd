// Lesson 08 (scenarios/08-fosl1-gain-of-function.yaml): a higher basal FOSL1 production gives
// the persister program without drug, a slower-growing tumour, and an earlier relapse after
// treatment, against lesson 04's production (switch.basal=0.025/h) on the same seeds (the
// lesson's 12 replicates), paired by replicate, by 4 standard errors.
import { describe, expect, it } from 'vitest';
import { pairedDifference, recordAt, relapseOrHorizon, runLesson, total } from './lesson.js';

const DAY = 24;
const FILE = '08-fosl1-gain-of-function.yaml';
const gain = runLesson(FILE);
const normal = runLesson(FILE, ['switch.basal=0.025/h']);
const treatment = recordAt(gain, 5 * DAY);

describe('lesson 08: FOSL1 gain of function', () => {
  it('gives the persister program without drug: a larger persister share before treatment', () => {
    const d = pairedDifference(gain, normal, (o) => o.persister[treatment] / total(o, treatment));
    expect(d.mean).toBeGreaterThan(4 * d.se);
    expect(d.mean).toBeGreaterThan(0.01);
  });

  it('grows more slowly untreated', () => {
    const d = pairedDifference(normal, gain, (o) => Math.log(total(o, treatment) / total(o, 0)));
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('relapses sooner after treatment', () => {
    const d = pairedDifference(normal, gain, relapseOrHorizon(gain));
    expect(d.mean).toBeGreaterThan(4 * d.se);
    expect(gain.outcomes.every((o) => o.responded && o.relapseH !== null)).toBe(true);
  });
});
