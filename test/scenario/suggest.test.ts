import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/scenario/suggest.js';

const KEYS = ['model', 'entry_rate', 'induced_entry_rate', 'exit_rate', 'exit_rate_on_drug'];

describe('did-you-mean', () => {
  it('finds a close misspelling', () => {
    expect(nearest('exit_rat', KEYS)).toBe('exit_rate');
    expect(nearest('exitrate', KEYS)).toBe('exit_rate');
    expect(nearest('entry_rtae', KEYS)).toBe('entry_rate');
    expect(nearest('Model', KEYS)).toBe('model');
  });

  it('stays quiet when nothing is close, or when two are equally close', () => {
    expect(nearest('colour', KEYS)).toBeNull();
    expect(nearest('x', ['a', 'b'])).toBeNull();
  });

  it('edit distance is a metric on small strings', () => {
    const word = fc.string({ maxLength: 8 });
    fc.assert(fc.property(word, word, (a, b) => {
      expect(editDistance(a, a)).toBe(0);
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }));
  });

  it('one dropped letter from a key always suggests that key', () => {
    fc.assert(fc.property(fc.constantFrom(...KEYS.filter((k) => k.length > 5)), fc.nat(), (key, n) => {
      const i = n % key.length;
      const typo = key.slice(0, i) + key.slice(i + 1);
      if (KEYS.includes(typo)) return;
      expect(nearest(typo, KEYS)).toBe(key);
    }));
  });
});
