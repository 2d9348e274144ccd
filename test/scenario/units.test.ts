import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIME_UNITS, formatDuration, formatRate, parseCount, parseDuration, parseRate, type TimeUnit, type UnitResult } from '../../src/scenario/units.js';

const UNITS = Object.keys(TIME_UNITS) as TimeUnit[];

function value(r: UnitResult): number {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

function message(r: UnitResult): string {
  if (r.ok) throw new Error(`expected a failure, got ${r.value}`);
  return r.message;
}

const closeTo = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

describe('durations', () => {
  it.each([
    ['36h', 36], ['3d', 72], ['2w', 336], ['30min', 0.5], ['1.5d', 36], ['1e2h', 100], [' 4 d ', 96], ['.5h', 0.5], ['7', 7],
  ])('%s is %d hours', (text, hours) => {
    expect(value(parseDuration(text))).toBe(hours);
  });

  it('takes a number as hours', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (h) => {
      expect(value(parseDuration(h))).toBe(h);
    }));
  });

  it('parses back what it formats, in every unit', () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), fc.constantFrom(...UNITS), (h, unit) => {
      expect(closeTo(value(parseDuration(formatDuration(h, unit))), h)).toBe(true);
    }));
  });

  it('names an unknown unit and lists the valid ones', () => {
    expect(message(parseDuration('3days'))).toBe("unknown unit 'days' (valid units: min, h, d, w)");
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z]{1,6}$/).filter((u) => !(u in TIME_UNITS)), (unit) => {
      const m = message(parseDuration(`2${unit}`));
      expect(m).toContain(`'${unit}'`);
      expect(m).toContain('min, h, d, w');
    }));
  });

  it('refuses what is not a duration', () => {
    expect(message(parseDuration('soon'))).toBe('not a duration');
    expect(message(parseDuration('3/d'))).toBe('not a duration');
    expect(message(parseDuration(true))).toBe('wrong type');
    expect(message(parseDuration(null))).toBe('wrong type');
    expect(message(parseDuration('1e999h'))).toBe('not a finite number');
    expect(message(parseDuration(Infinity))).toBe('not a finite number');
  });
});

describe('rates', () => {
  it.each([
    ['0.5/d', 0.5 / 24], ['0.02/h', 0.02], ['1/w', 1 / 168], ['1e-4/h', 1e-4], ['3/min', 180], ['2 / d', 2 / 24], ['0.1', 0.1],
  ])('%s is %d per hour', (text, perHour) => {
    expect(value(parseRate(text))).toBeCloseTo(perHour, 15);
  });

  it('takes a number as per hour', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (r) => {
      expect(value(parseRate(r))).toBe(r);
    }));
  });

  it('parses back what it formats, in every unit', () => {
    fc.assert(fc.property(fc.double({ min: 1e-9, max: 1e3, noNaN: true }), fc.constantFrom(...UNITS), (r, unit) => {
      expect(closeTo(value(parseRate(formatRate(r, unit))), r)).toBe(true);
    }));
  });

  it('names an unknown unit and lists the valid ones', () => {
    expect(message(parseRate('3/fortnight'))).toBe("unknown unit '/fortnight' (valid units: /min, /h, /d, /w)");
    expect(message(parseRate('3/'))).toContain("missing unit after '/'");
  });

  it('explains a duration written where a rate belongs', () => {
    expect(message(parseRate('0.02h'))).toBe('not a rate: write it per unit of time, as 0.02/h');
    expect(message(parseRate('fast'))).toBe('not a rate');
  });
});

describe('counts', () => {
  it('takes numbers and numeric strings', () => {
    expect(value(parseCount(1e9))).toBe(1e9);
    expect(value(parseCount('1e9'))).toBe(1e9);
    expect(value(parseCount(' 250 '))).toBe(250);
    expect(message(parseCount('many'))).toBe('not a number');
    expect(message(parseCount([1]))).toBe('wrong type');
  });
});
