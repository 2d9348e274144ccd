// Lesson 07 (scenarios/07-force-exit-rechallenge.yaml): a promote-exit drug during the
// holiday, then the re-challenge, kills more than the holiday alone, on the same seeds: the
// fraction of the tumour that survives the re-challenge (day 30 over day 20, in log10; an
// extinct tumour counts as half a cell) is lower, and the persisters left at day 20 fewer,
// paired by replicate, by 4 standard errors.
import { describe, expect, it } from 'vitest';
import { pairedDifference, recordAt, runLesson, total } from './lesson.js';

const DAY = 24;
const FILE = '07-force-exit-rechallenge.yaml';
const pushed = runLesson(FILE);
const holidayOnly = runLesson(FILE, ['drugs.exit_push.potency=0']);
const rechallenge = recordAt(pushed, 20 * DAY);
const end = recordAt(pushed, 30 * DAY);
const survival = (o: (typeof pushed.outcomes)[number]) => Math.log10(Math.max(0.5, total(o, end)) / total(o, rechallenge));

describe('lesson 07: force exit during a holiday, then re-challenge', () => {
  it('leaves fewer persisters at the re-challenge', () => {
    const d = pairedDifference(holidayOnly, pushed, (o) => o.persister[rechallenge]);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('kills a larger fraction of the tumour with the re-challenge', () => {
    const d = pairedDifference(holidayOnly, pushed, survival);
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });

  it('kills more cells in absolute terms too: less tumour is left at the end', () => {
    const d = pairedDifference(holidayOnly, pushed, (o) => total(o, end));
    expect(d.mean).toBeGreaterThan(4 * d.se);
  });
});
