import { describe, expect, it } from 'vitest';
import { expectedCounts, initialMean, propagateMean } from '../../src/analysis/meanTrajectory.js';
import { floquetExponent } from '../../src/analysis/floquet.js';
import { apply2, expm2, twoTypeMatrix } from '../../src/analysis/twoType.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { makeScenario, squarePulseKill } from '../helpers/makeScenario.js';

const DAY = 24;

// SCIENCE.md D13 as a scenario: off drug lS = 0.3, lP = 0; the drug brings lS to -1 and lP to -0.05
// per day; a = 0.001, b = 0.01 per day; 7 days on, 7 off, square pulses (E = 1 - 1e-9).
function d13(horizonDays: number, pulses: { start: number; duration: number }[]) {
  return makeScenario({
    horizonH: horizonDays * DAY,
    recordEveryH: DAY,
    initial: 1e6,
    persisterFraction: 0.003,
    bS: 0.5 / DAY,
    dS: 0.2 / DAY,
    drugSensitivity: 0.05 / 1.3,
    entry: 0.001 / DAY,
    exit: 0.01 / DAY,
    drugs: [squarePulseKill('drug', 1.3 / DAY, pulses)],
  });
}
const ON = twoTypeMatrix(-1, -0.05, 0.001, 0.01);
const OFF = twoTypeMatrix(0.3, 0, 0.001, 0.01);

describe('expectedCounts', () => {
  it('starts at initial x (1 - f, f) and has one value per record time', () => {
    const s = d13(14, [{ start: 0, duration: 7 * DAY }]);
    const tl = compileTimeline(s);
    const m = expectedCounts(s, tl);
    expect(m.sensitive.length).toBe(tl.recordTimes.length);
    expect(m.sensitive[0]).toBeCloseTo(997_000, 6);
    expect(m.persister[0]).toBeCloseTo(3_000, 9);
    expect(initialMean(s)[1]).toBeCloseTo(3_000, 9);
  });

  it('reproduces SCIENCE.md D1 on continuous drug (1, 10 days)', () => {
    const s = d13(30, [{ start: 0, duration: 30 * DAY }]);
    const m = expectedCounts(s, compileTimeline(s));
    expect(m.sensitive[1] / 366_430.09).toBeCloseTo(1, 6);
    expect(m.persister[1] / 3_433.73).toBeCloseTo(1, 5);
    expect(m.sensitive[10] / 68.4845).toBeCloseTo(1, 5);
    expect(m.persister[30] / 671.237).toBeCloseTo(1, 5);
  });

  it('multiplies the exponentials of a piecewise-constant schedule', () => {
    const s = d13(42, [0, 14, 28].map((k) => ({ start: k * DAY, duration: 7 * DAY })));
    const m = expectedCounts(s, compileTimeline(s));
    let v: [number, number] = [997_000, 3_000];
    for (let week = 0; week < 6; week++) {
      v = apply2(expm2(week % 2 === 0 ? ON : OFF, 7), v[0], v[1]);
      const k = 7 * (week + 1);
      expect(m.sensitive[k] / v[0]).toBeCloseTo(1, 6);
      expect(m.persister[k] / v[1]).toBeCloseTo(1, 6);
    }
  });

  it('settles to the Floquet rate of its schedule (D13, 7/7: -0.0349 per day)', () => {
    const cycles = 12;
    const s = d13(14 * cycles, Array.from({ length: cycles }, (_, k) => ({ start: 14 * k * DAY, duration: 7 * DAY })));
    const m = expectedCounts(s, compileTimeline(s));
    const total = (d: number) => m.sensitive[d] + m.persister[d];
    const perCycle = Math.log(total(14 * cycles) / total(14 * (cycles - 1))) / 14;
    const lambda =
      floquetExponent([
        { A: [[ON[0] / DAY, ON[1] / DAY], [ON[2] / DAY, ON[3] / DAY]], durationH: 7 * DAY },
        { A: [[OFF[0] / DAY, OFF[1] / DAY], [OFF[2] / DAY, OFF[3] / DAY]], durationH: 7 * DAY },
      ]) * DAY;
    expect(perCycle).toBeCloseTo(lambda, 6);
    expect(perCycle).toBeCloseTo(-0.0349, 4);
  });

  it('propagates to arbitrary boundaries, repeating a value for a repeated index', () => {
    const s = d13(14, [{ start: 0, duration: 7 * DAY }]);
    const tl = compileTimeline(s);
    const m = propagateMean(tl, [1, 0], [0, 0, tl.boundaries.length - 1]);
    expect([m.sensitive[0], m.sensitive[1]]).toEqual([1, 1]);
    const [eS] = apply2(expm2(OFF, 7), ...apply2(expm2(ON, 7), 1, 0));
    expect(m.sensitive[2] / eS).toBeCloseTo(1, 6);
  });
});
