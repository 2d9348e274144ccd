// Shards: i/n with 0-based i; the n shards of a sweep partition its points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/sweep/shard.js';

describe('--shard i/n', () => {
  it('reads i/n', () => {
    expect(parseShard('0/3')).toEqual({ index: 0, count: 3 });
    expect(parseShard(' 2 / 3 ')).toEqual({ index: 2, count: 3 });
  });

  it('refuses 3/3 (shards count from 0), 0/0 and malformed text', () => {
    expect(() => parseShard('3/3')).toThrow(/shard index 3 is out of range for 3 shards; shards count from 0, so use 0\/3 to 2\/3/);
    expect(() => parseShard('0/0')).toThrow(/at least 1/);
    expect(() => parseShard('1-3')).toThrow(/expected i\/n/);
    expect(() => parseShard('-1/3')).toThrow(/expected i\/n/);
  });

  it('property: every point is in exactly one shard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 64 }), (point, count) => {
        const owners = Array.from({ length: count }, (_, index) => index).filter((index) => inShard(point, { index, count }));
        expect(owners).toEqual([point % count]);
      }),
    );
  });
});
