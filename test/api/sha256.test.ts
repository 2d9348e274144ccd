// The library's SHA-256 against node:crypto (and the FIPS 180-4 examples), across block
// boundaries and non-ASCII text.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/api/sha256.js';

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('equals node:crypto for every length 0..200 and for UTF-8 text', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'persim: µ = 0.5/d, ½ dose — '.repeat(8).slice(0, n);
      expect(sha256Hex(text), String(n)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});
