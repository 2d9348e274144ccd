import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventualExtinction, kendallExtinctionByTime, log10Cure, twoTypeExtinction } from '../../src/analysis/branching.js';

describe('SCIENCE.md D4: Kendall extinction of a birth-death lineage', () => {
  it('tends to min(1, d/b) and gives q^10 = 9.8e-4 for b = 1, d = 0.5', () => {
    expect(kendallExtinctionByTime(1, 0.5, 1e6)).toBeCloseTo(0.5, 14);
    expect(eventualExtinction(1, 0.5)).toBe(0.5);
    expect(eventualExtinction(1, 0.5) ** 10).toBeCloseTo(9.8e-4, 5);
    expect(eventualExtinction(0.5, 1)).toBe(1);
    expect(kendallExtinctionByTime(0.5, 1, 1e4)).toBeCloseTo(1, 14);
  });

  it('is 0 at t = 0, d t / (1 + d t) at criticality, and 1 - e^{-d t} for pure death', () => {
    expect(kendallExtinctionByTime(1, 0.5, 0)).toBe(0);
    expect(kendallExtinctionByTime(0.7, 0.7, 3)).toBeCloseTo(2.1 / 3.1, 14);
    expect(kendallExtinctionByTime(0.7, 0.7 + 1e-12, 3)).toBeCloseTo(2.1 / 3.1, 10);
    expect(kendallExtinctionByTime(0, 0.4, 2)).toBeCloseTo(1 - Math.exp(-0.8), 14);
  });

  it('matches the formula d (e^{rt} - 1) / (b e^{rt} - d) and is a CDF in t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (b, d, t) => {
          fc.pre(Math.abs(b - d) > 1e-3);
          const e = Math.exp((b - d) * t);
          const p = kendallExtinctionByTime(b, d, t);
          expect(p).toBeCloseTo((d * (e - 1)) / (b * e - d), 10);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(eventualExtinction(b, d) + 1e-15);
          expect(kendallExtinctionByTime(b, d, t + 1)).toBeGreaterThanOrEqual(p);
        },
      ),
    );
  });
});

describe('SCIENCE.md D5: extinction with switching', () => {
  const d5 = { divisionS: 0.5, deathS: 1.5, entry: 0.001, divisionP: 0.05, deathP: 0.01, exit: 0.01 };

  it('gives q_S = 0.99940 and q_P = 0.39980 for the worked example', () => {
    const q = twoTypeExtinction(d5);
    expect(q.sensitive).toBeCloseTo(0.9994, 5);
    expect(q.persister).toBeCloseTo(0.3998, 5);
  });

  it('solves both fixed-point equations', () => {
    const { sensitive: s, persister: p } = twoTypeExtinction(d5);
    expect(0.5 * s * s - 2.001 * s + 1.5 + 0.001 * p).toBeCloseTo(0, 14);
    expect(0.05 * p * p - 0.07 * p + 0.01 + 0.01 * s).toBeCloseTo(0, 14);
  });

  it('is (1, 1) when the dominant eigenvalue is <= 0', () => {
    expect(twoTypeExtinction({ ...d5, divisionP: 0.01 })).toEqual({ sensitive: 1, persister: 1 });
  });

  it('keeps immortal lineages alive: no deaths or divisions, or a type with no events', () => {
    const none = { divisionS: 0, deathS: 0, entry: 0.1, divisionP: 0, deathP: 0, exit: 0.2 };
    expect(twoTypeExtinction(none)).toEqual({ sensitive: 0, persister: 0 });
    const inertS = { divisionS: 0, deathS: 0, entry: 0, divisionP: 0.1, deathP: 0.3, exit: 0.1 };
    const q = twoTypeExtinction(inertS);
    expect(q.sensitive).toBe(0);
    // P: 0.1 q^2 - 0.5 q + 0.3 = 0, smaller root.
    expect(q.persister).toBeCloseTo((0.5 - Math.sqrt(0.25 - 0.12)) / 0.2, 12);
  });

  it('reduces to min(1, d/b) per type without switching', () => {
    const q = twoTypeExtinction({ divisionS: 1, deathS: 0.25, entry: 0, divisionP: 0.2, deathP: 0.5, exit: 0 });
    expect(q.sensitive).toBeCloseTo(0.25, 14);
    expect(q.persister).toBe(1);
  });

  it('blocking entry raises q_S towards 1', () => {
    expect(twoTypeExtinction({ ...d5, entry: 1e-5 }).sensitive).toBeGreaterThan(twoTypeExtinction(d5).sensitive);
  });

  it('is a fixed point above every iterate of q <- F(q) from (0, 0), hence the smallest', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })), { minLength: 6, maxLength: 6 }), ([bS, dS, a, bP, dP, b]) => {
        const r = { divisionS: bS, deathS: dS, entry: a, divisionP: bP, deathP: dP, exit: b };
        const q = twoTypeExtinction(r);
        let s = 0;
        let p = 0;
        for (let i = 0; i < 2000; i++) {
          const rs = bS + dS + a;
          const rp = bP + dP + b;
          [s, p] = [rs > 0 ? (bS * s * s + dS + a * p) / rs : 0, rp > 0 ? (bP * p * p + dP + b * s) / rp : 0];
        }
        const rs = bS + dS + a;
        const rp = bP + dP + b;
        const fS = rs > 0 ? (bS * q.sensitive ** 2 + dS + a * q.persister) / rs : 0;
        const fP = rp > 0 ? (bP * q.persister ** 2 + dP + b * q.sensitive) / rp : 0;
        expect(Math.abs(fS - q.sensitive)).toBeLessThan(1e-9);
        expect(Math.abs(fP - q.persister)).toBeLessThan(1e-9);
        expect(q.sensitive).toBeGreaterThanOrEqual(s - 1e-9);
        expect(q.persister).toBeGreaterThanOrEqual(p - 1e-9);
        expect(q.sensitive).toBeLessThanOrEqual(1);
        expect(q.persister).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('solves a nearly critical sensitive type exactly (a Newton step there once overshot the persister root)', () => {
    // fast-check's counterexample at seed 459315: b_S = d_S (to 1e-21), no entry.
    const r = { divisionS: 1.0000000000000031e-6, deathS: 1.000000000000001e-6, entry: 0, divisionP: 3.705394945836972e-5, deathP: 1.0000000000000006e-6, exit: 1e-6 };
    const q = twoTypeExtinction(r);
    expect(q.sensitive).toBeCloseTo(r.deathS / r.divisionS, 14);
    const rP = r.divisionP + r.deathP + r.exit;
    const c = r.deathP + r.exit * q.sensitive;
    expect(q.persister).toBeCloseTo((rP - Math.sqrt(rP * rP - 4 * r.divisionP * c)) / (2 * r.divisionP), 12);
  });

  it('gives the cure probability of a population in log10', () => {
    expect(log10Cure({ sensitive: 0.5, persister: 0.1 }, 10, 2)).toBeCloseTo(10 * Math.log10(0.5) - 2, 12);
    expect(log10Cure({ sensitive: 0, persister: 1 }, 0, 5)).toBe(0);
  });
});
