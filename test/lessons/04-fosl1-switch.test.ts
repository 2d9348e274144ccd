// Lesson 04 (scenarios/04-fosl1-switch.yaml): the FOSL1 switch is bistable, persisters are
// rare before treatment, drug stress drives entry, the levels are bimodal under drug, and the
// tolerance reverses after the drug. Asserted on the lesson's own simulated output (its 12
// replicates, its seed) with tolerances of 4 standard errors; induced entry also against the
// same scenario without stress_gain, on the same seeds.
import { describe, expect, it } from 'vitest';
import { loadLesson, pairedDifference, perReplicate, recordAt, recordIndex, runLesson, total } from './lesson.js';

const DAY = 24;
const FILE = '04-fosl1-switch.yaml';
const bins = { low: [0.55, 0.75], mid: [1.0, 1.2], high: [1.3, 1.5] } as const;
const counts = { low: 0, mid: 0, high: 0 };
/** 3.5 days into the course, when both modes are populated. */
const underDrug = recordIndex(loadLesson(FILE), 8.5 * DAY);
const sim = runLesson(FILE, [], {
  onLevels: (_r, k, v) => {
    if (k !== underDrug) return;
    for (const a of [v.sensitive, v.persister]) {
      for (const x of a) for (const b of ['low', 'mid', 'high'] as const) if (x >= bins[b][0] && x < bins[b][1]) counts[b]++;
    }
  },
});
const noInduction = runLesson(FILE, ['switch.stress_gain=0']);

describe('lesson 04: the FOSL1 switch', () => {
  const start = recordAt(sim, 5 * DAY);
  const end = recordAt(sim, 15 * DAY);

  it('has rare spontaneous persisters before treatment (above 0, below 0.5%)', () => {
    const share = perReplicate(sim, (o) => o.persister[start] / total(o, start));
    expect(share.mean).toBeGreaterThan(4 * share.se);
    expect(share.mean + 4 * share.se).toBeLessThan(0.005);
  });

  it('makes persisters under drug: their number grows at least threefold while the drug kills', () => {
    const growth = perReplicate(sim, (o) => o.persister[end] - 3 * o.persister[start]);
    expect(growth.mean).toBeGreaterThan(4 * growth.se);
    expect(total(sim.outcomes[0], end)).toBeLessThan(0.1 * total(sim.outcomes[0], start));
  });

  it('owes them to drug stress: without stress_gain, on the same seeds, far fewer persisters form', () => {
    const d = pairedDifference(sim, noInduction, (o) => o.persister[end]);
    expect(d.mean).toBeGreaterThan(4 * d.se);
    expect(perReplicate(noInduction, (o) => o.persister[end]).mean).toBeLessThan(0.5 * perReplicate(sim, (o) => o.persister[end]).mean);
  });

  it('has bimodal levels under drug: a low and a high mode, few cells between', () => {
    // Equal-width bins: the middle one must hold fewer cells than either mode, by 4 Poisson SE.
    expect(counts.low - counts.mid).toBeGreaterThan(4 * Math.sqrt(counts.low + counts.mid));
    expect(counts.high - counts.mid).toBeGreaterThan(4 * Math.sqrt(counts.high + counts.mid));
  });

  it('reverses after the drug: the persister share falls back and the mean level returns to its start', () => {
    const last = sim.timeline.recordTimes.length - 1;
    const shareEnd = perReplicate(sim, (o) => o.persister[last] / total(o, last));
    const shareDrug = perReplicate(sim, (o) => o.persister[end] / total(o, end));
    expect(shareDrug.mean).toBeGreaterThan(0.9);
    expect(shareEnd.mean + 4 * shareEnd.se).toBeLessThan(0.05);
    const level = perReplicate(sim, (o) => o.fosl1Mean![last] - o.fosl1Mean![0]);
    expect(Math.abs(level.mean)).toBeLessThan(Math.max(4 * level.se, 0.01));
    // The tumours regrow: relapse by the 35-day horizon is the rule. Not every replicate: the
    // relapse times spread over days 29-35, and about 4% of tumours relapse after the horizon
    // (12 of 288 and 11 of 288 replicates on seeds 10-33 with the two generators the agent engine
    // has used), so 3 or more of 12 miss it with probability 1.1%, 4 or more with 0.1%.
    expect(sim.outcomes.filter((o) => o.relapseH !== null).length).toBeGreaterThanOrEqual(9);
  });
});
