// Sweep value specs: lists, ranges (lin and log), units, and every way a spec can be wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpecError, parseSpec, rangeValues, splitVaryArg, type RangeSpec } from '../../src/sweep/spec.js';

const range = (text: string) => parseSpec(text) as RangeSpec;
const error = (text: string) => {
  try {
    parseSpec(text);
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    return (err as Error).message;
  }
  throw new Error(`'${text}' was accepted`);
};

describe('lists', () => {
  it('a list of numbers is numeric and keeps the texts for --set', () => {
    expect(parseSpec('0, 0.5,0.9')).toEqual({ kind: 'list', texts: ['0', '0.5', '0.9'], values: [0, 0.5, 0.9], numeric: true, unit: '' });
  });

  it('units convert to the first unit written; bare numbers are hours', () => {
    const s = parseSpec('1d,36h,48');
    expect(s).toMatchObject({ numeric: true, unit: 'd', values: [1, 1.5, 2], texts: ['1d', '36h', '48'] });
    expect(parseSpec('0.5/d,1/w')).toMatchObject({ unit: '/d', values: [0.5, 1 / 7] });
  });

  it('words make a list of categories', () => {
    expect(parseSpec('agent,auto')).toMatchObject({ numeric: false, values: ['agent', 'auto'] });
  });

  it('refuses empty items and mixed kinds of unit', () => {
    expect(error('0,,1')).toMatch(/empty value at position 2/);
    expect(error('1d,0.5/d')).toMatch(/mixes a duration \(d\) and a rate \(\/d\)/);
  });
});

describe('ranges', () => {
  it('0..1:lin:11 gives 11 evenly spaced values without binary noise', () => {
    expect(rangeValues(range('0..1:lin:11'), 11)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('1e-5..1e-2:log:4 gives decades', () => {
    expect(rangeValues(range('1e-5..1e-2:log:4'), 4)).toEqual([1e-5, 1e-4, 1e-3, 1e-2]);
  });

  it('lin is the default scale and options come in any order', () => {
    expect(range('0..1:5')).toMatchObject({ scale: 'lin', count: 5 });
    expect(range('1..100:3:log')).toMatchObject({ scale: 'log', count: 3 });
    expect(range('0..1')).toMatchObject({ scale: 'lin', count: null });
  });

  it('units: 1d..21d:lin:5 runs in days, a rate range in its unit', () => {
    const r = range('1d..21d:lin:5');
    expect(r).toMatchObject({ lo: 1, hi: 21, unit: 'd' });
    expect(rangeValues(r, 5)).toEqual([1, 6, 11, 16, 21]);
    expect(range('12h..3d:lin:3')).toMatchObject({ lo: 12, hi: 72, unit: 'h' });
    expect(range('1e-4/h..1e-2/h:log:3')).toMatchObject({ lo: 1e-4, hi: 1e-2, unit: '/h' });
  });

  it('property: ends exact, values ascending, evenly spaced on the scale', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 1.01, max: 1e4, noNaN: true }),
        fc.integer({ min: 2, max: 40 }),
        fc.constantFrom('lin', 'log'),
        (lo, factor, n, scale) => {
          const hi = lo * factor;
          const r: RangeSpec = { kind: 'range', lo, hi, unit: '', scale: scale as 'lin' | 'log', count: n };
          const v = rangeValues(r, n);
          expect(v).toHaveLength(n);
          expect(v[0]).toBe(Number(lo.toPrecision(12)));
          expect(v[n - 1]).toBe(Number(hi.toPrecision(12)));
          const t = (x: number) => (scale === 'log' ? Math.log(x) : x);
          const step = (t(hi) - t(lo)) / (n - 1);
          // Values keep 12 significant digits.
          const tol = 1e-10 * Math.max(1, Math.abs(t(lo)), Math.abs(t(hi)));
          for (let k = 1; k < n; k++) {
            expect(v[k]).toBeGreaterThan(v[k - 1]);
            expect(Math.abs(t(v[k]) - t(v[k - 1]) - step)).toBeLessThanOrEqual(tol);
          }
        },
      ),
    );
  });
});

describe('bad specs name what is wrong', () => {
  it.each([
    ['1..1:lin:5', /empty range: both ends are 1/],
    ['2..1:lin:3', /empty range: the upper end \(1\) is below the lower end \(2\)/],
    ['0..1:lin:0', /empty range: 0 points/],
    ['0..1:lin:1', /at least 2 points/],
    ['0..1e-2:log:5', /log range cannot reach or cross zero/],
    ['-1..1:log:3', /log range cannot reach or cross zero/],
    ['0..1:cubic:3', /unknown range option 'cubic'/],
    ['1d..1/h:lin:3', /different kinds of unit/],
    ['1fortnight..2d:lin:3', /unknown unit 'fortnight'/],
    ['..1:lin:3', /no lower end/],
    ['', /empty spec/],
  ])('%s', (text, message) => {
    expect(error(text)).toMatch(message);
  });

  it('an argument of --vary needs path=spec', () => {
    expect(splitVaryArg('switch.entry_rate=0,1')).toEqual({ path: 'switch.entry_rate', spec: '0,1' });
    expect(() => splitVaryArg('switch.entry_rate')).toThrow(/missing '='/);
    expect(() => splitVaryArg('=0,1')).toThrow(/empty path/);
    expect(() => splitVaryArg('a.b=')).toThrow(/empty spec/);
  });
});
