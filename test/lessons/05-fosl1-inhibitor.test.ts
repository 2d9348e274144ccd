// Lesson 05 (scenarios/05-fosl1-inhibitor.yaml): a FOSL1 inhibitor (block-entry) given with
// the chemotherapy delays relapse against the same scenario without it, on the same seeds;
// given only after the chemotherapy it helps less. Relapse times are per replicate, a
// replicate that has not relapsed by the horizon counting as the horizon (a lower bound, so
// the delay is if anything underestimated); differences are paired by replicate, 16 per arm,
// with a tolerance of 4 standard errors.
import { describe, expect, it } from 'vitest';
import { pairedDifference, relapseOrHorizon, runLesson } from './lesson.js';

const FILE = '05-fosl1-inhibitor.yaml';
const REPLICATES = 'replicates=16';
const concurrent = runLesson(FILE, [REPLICATES]);
const chemoAlone = runLesson(FILE, [REPLICATES, 'drugs.fosl1i.potency=0']);
const after = runLesson(FILE, [REPLICATES, 'drugs.fosl1i.schedule.0.at=[16d]']);
const relapse = relapseOrHorizon(concurrent);

describe('lesson 05: a FOSL1 inhibitor with chemotherapy', () => {
  it('delays relapse against chemotherapy alone, on the same seeds', () => {
    const d = pairedDifference(concurrent, chemoAlone, relapse);
    expect(d.mean).toBeGreaterThan(4 * d.se);
    expect(chemoAlone.outcomes.filter((o) => o.relapseH !== null).length).toBeGreaterThan(12);
  });

  it('helps less when given only after the chemotherapy (timing matters)', () => {
    const d = pairedDifference(concurrent, after, relapse);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('given after, even hastens relapse: it returns the persisters to growth at once', () => {
    const d = pairedDifference(chemoAlone, after, relapse);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});
