// Pharmacokinetics and pharmacodynamics against their closed forms (SCIENCE.md D10, D11).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concentration, hillEffect } from '../../src/model/pkpd.js';
import type { Drug } from '../../src/model/scenario.js';

function bolusDrug(halfLifeH: number, amount: number, every: number, count: number): Drug {
  return {
    name: 'd',
    effect: 'kill',
    potency: 0.1,
    ec50: 1,
    hill: 1,
    halfLifeH,
    doses: Array.from({ length: count }, (_, i) => ({ timeH: i * every, amount, durationH: null })),
  };
}

describe('pharmacokinetics', () => {
  it('repeated boluses: the peak after dose n is D (1 - e^{-nk tau}) / (1 - e^{-k tau})', () => {
    const drug = bolusDrug(20, 3, 24, 8);
    const k = Math.LN2 / 20;
    for (let n = 1; n <= 8; n++) {
      const peak = concentration(drug, (n - 1) * 24);
      const closed = (3 * (1 - Math.exp(-n * k * 24))) / (1 - Math.exp(-k * 24));
      expect(peak).toBeCloseTo(closed, 12);
    }
  });

  it('a bolus halves every half-life', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (h, t) => {
        const drug = bolusDrug(h, 5, 1000, 1);
        expect(concentration(drug, t + h) / concentration(drug, t)).toBeCloseTo(0.5, 10);
      }),
    );
  });

  it('a square pulse holds its dose for exactly its duration', () => {
    const drug: Drug = { ...bolusDrug(1, 1, 1, 1), halfLifeH: null, doses: [{ timeH: 10, amount: 2.5, durationH: 24 }] };
    expect(concentration(drug, 9.999)).toBe(0);
    expect(concentration(drug, 10)).toBe(2.5);
    expect(concentration(drug, 33.999)).toBe(2.5);
    expect(concentration(drug, 34)).toBe(0);
  });

  it('overlapping square pulses add', () => {
    const drug: Drug = {
      ...bolusDrug(1, 1, 1, 1),
      halfLifeH: null,
      doses: [
        { timeH: 0, amount: 1, durationH: 10 },
        { timeH: 5, amount: 2, durationH: 10 },
      ],
    };
    expect(concentration(drug, 7)).toBe(3);
    expect(concentration(drug, 12)).toBe(2);
  });
});

describe('pharmacodynamics', () => {
  it('the Hill effect is 1/2 at ec50, for any ec50 and hill', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0.2, max: 8, noNaN: true }), (ec50, h) => {
        expect(hillEffect(ec50, ec50, h)).toBeCloseTo(0.5, 12);
      }),
    );
  });

  it('is 0 without drug, increasing, and below 1', () => {
    expect(hillEffect(0, 1, 2)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1.0001, max: 10, noNaN: true }), (c, f) => {
        const e1 = hillEffect(c, 1, 1.5);
        const e2 = hillEffect(c * f, 1, 1.5);
        expect(e2).toBeGreaterThanOrEqual(e1);
        expect(e2).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a steep Hill or a tiny ec50 is a step at ec50, never NaN ((C / ec50)^hill overflows)', () => {
    expect(hillEffect(2, 1, 1000)).toBe(1); // 2^1000 = Infinity
    expect(hillEffect(10, 1e-300, 2)).toBe(1); // (1e301)^2 = Infinity
    expect(hillEffect(0.1, 1, 1000)).toBe(0); // 0.1^1000 underflows to 0
    expect(hillEffect(1, 1, 1e300)).toBe(0.5);
  });
});
