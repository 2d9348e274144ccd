import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kaplanMeier, survivalAt, type SurvivalObservation } from '../../src/analysis/kaplanMeier.js';

/** Parses "6", "6+" (censored) lists. */
function observations(spec: string): SurvivalObservation[] {
  return spec.split(',').map((x) => ({ time: Number(x.trim().replace('+', '')), event: !x.includes('+') }));
}

// Freireich et al. 1963 leukaemia remission times (Gehan 1965; R: MASS::gehan).
const sixMP = observations('6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+');
const control = observations('1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23');

describe('Kaplan-Meier on the Freireich 6-MP arm (textbook numbers, R summary(survfit))', () => {
  const km = kaplanMeier(sixMP);

  it.each([
    // time, n.risk, survival, std.err, lower 95%, upper 95% (R, 3 decimals)
    [6, 21, 0.857, 0.0764, 0.72, 1.0],
    [7, 17, 0.807, 0.0869, 0.653, 0.996],
    [10, 15, 0.753, 0.0963, 0.586, 0.968],
    [13, 12, 0.69, 0.1068, 0.51, 0.935],
    [16, 11, 0.627, 0.1141, 0.439, 0.896],
    [22, 7, 0.538, 0.1282, 0.337, 0.858],
    [23, 6, 0.448, 0.1346, 0.249, 0.807],
  ])('at t = %d: n.risk %d, S %f, se %f, CI [%f, %f]', (t, risk, s, se, lo, hi) => {
    const i = km.time.indexOf(t);
    expect(km.atRisk[i]).toBe(risk);
    expect(km.survival[i]).toBeCloseTo(s, 3);
    expect(km.stdErr[i]).toBeCloseTo(se, 4);
    expect(km.lower[i]).toBeCloseTo(lo, 3);
    expect(km.upper[i]).toBeCloseTo(hi, 3);
  });

  it('has median 23 with 95% CI [16, NA] as R prints', () => {
    expect(km.n).toBe(21);
    expect(km.events).toBe(9);
    expect(km.median).toBe(23);
    expect(km.medianLower).toBe(16);
    expect(km.medianUpper).toBeNull();
  });

  it('counts events before censorings at a tied time', () => {
    const i = km.time.indexOf(6);
    expect([km.atRisk[i], km.nEvent[i], km.nCensor[i]]).toEqual([21, 3, 1]);
    expect(km.atRisk[km.time.indexOf(7)]).toBe(17);
  });

  it('returns the censoring marks for a chart, at the curve', () => {
    expect([...km.censorTimes]).toEqual([6, 9, 10, 11, 17, 19, 20, 25, 32, 34, 35]);
    expect(km.censorSurvival[1]).toBeCloseTo(0.807, 3);
    expect(survivalAt(km, 5.9)).toBe(1);
    expect(survivalAt(km, 9)).toBeCloseTo(0.807, 3);
    expect(survivalAt(km, 100)).toBeCloseTo(0.448, 3);
  });
});

describe('Kaplan-Meier on the Freireich control arm (no censoring)', () => {
  it('has median 8 with 95% CI [4, 12] as R prints, and ends at S = 0 with undefined bands', () => {
    const km = kaplanMeier(control);
    expect([km.median, km.medianLower, km.medianUpper]).toEqual([8, 4, 12]);
    const last = km.time.length - 1;
    expect(km.survival[last]).toBe(0);
    expect(km.lower[last]).toBeNaN();
    expect(km.upper[last]).toBeNaN();
  });
});

describe('median conventions of R quantile.survfit', () => {
  it('takes the midpoint of a flat at exactly 0.5', () => {
    expect(kaplanMeier(observations('1,2,3,4')).median).toBe(2.5);
  });

  it('takes the midpoint with the last follow-up when the curve ends at exactly 0.5', () => {
    expect(kaplanMeier(observations('1,2,5+,7+')).median).toBe(4.5);
  });

  it('is null when the curve never reaches 0.5, and for no data', () => {
    expect(kaplanMeier(observations('1,5+,6+,7+')).median).toBeNull();
    expect(kaplanMeier([]).median).toBeNull();
  });
});

describe('Kaplan-Meier properties', () => {
  const obs = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }),
    { minLength: 1, maxLength: 60 },
  );

  it('S is non-increasing in [0, 1] and the band contains it', () => {
    fc.assert(
      fc.property(obs, (o) => {
        const km = kaplanMeier(o);
        let prev = 1;
        for (let i = 0; i < km.time.length; i++) {
          const s = km.survival[i];
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(prev + 1e-15);
          prev = s;
          if (s > 0) {
            expect(km.lower[i]).toBeLessThanOrEqual(s);
            expect(km.upper[i]).toBeGreaterThanOrEqual(s);
            expect(km.upper[i]).toBeLessThanOrEqual(1);
          }
        }
        if (km.median !== null && km.medianLower !== null) expect(km.medianLower).toBeLessThanOrEqual(km.median);
        if (km.median !== null && km.medianUpper !== null) expect(km.medianUpper).toBeGreaterThanOrEqual(km.median);
      }),
    );
  });

  it('without censoring, S equals the empirical survival function', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), (times) => {
        const km = kaplanMeier(times.map((time) => ({ time, event: true })));
        for (let t = -1; t <= 31; t += 0.5) {
          const empirical = times.filter((x) => x > t).length / times.length;
          expect(survivalAt(km, t)).toBeCloseTo(empirical, 12);
        }
      }),
    );
  });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(obs, (o) => {
        const a = kaplanMeier(o);
        const b = kaplanMeier([...o].reverse());
        expect([...b.survival]).toEqual([...a.survival]);
        expect([a.median, a.medianLower, a.medianUpper]).toEqual([b.median, b.medianLower, b.medianUpper]);
      }),
    );
  });
});
