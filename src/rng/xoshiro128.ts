// The xoshiro128** generator of Blackman & Vigna 2018, "Scrambled linear pseudorandom number
// generators" (ACM Trans Math Softw 47:36, 2021): 128 bits of state, period 2^128 - 1, 32-bit
// outputs that pass BigCrush, a handful of integer operations a step. Used where speed
// matters (the agent engine's event loop inlines the step on its state held in locals); a
// stream is derived from the same (seed, replicate, stream name) identity as stream.ts, hashed
// to the 128-bit state by MurmurHash3's x86_32 (Appleby 2011) with four seeds, so replicate r
// draws the same numbers whatever the worker, shard or arm that runs it. `asXoshiro` gives a
// caller holding another stream (a seedrandom one) a xoshiro128** stream seeded by four of its
// words: still a function of that stream's identity alone.
import type { RandomStream } from './stream.js';

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

export interface XoshiroStream extends RandomStream {
  /** The generator's four 32-bit words (signed), read and written back by inlined loops. */
  readonly state: Int32Array;
  /** The next 32-bit output as a signed integer. */
  int32(): number;
}

/** One step of xoshiro128** on `s` in place; returns the output (signed 32-bit). */
export function xoshiroNext(s: Int32Array): number {
  const s0 = s[0];
  const s1 = s[1];
  const s2 = s[2] ^ s0;
  const s3 = s[3] ^ s1;
  const r = Math.imul(s1, 5);
  const out = Math.imul((r << 7) | (r >>> 25), 9);
  s[0] = s0 ^ s3;
  s[1] = s1 ^ s2;
  s[2] = s2 ^ (s1 << 9);
  s[3] = (s3 << 11) | (s3 >>> 21);
  return out;
}

/** MurmurHash3 x86_32 of the UTF-16 code units of `key` (each below 2^16, one 16-bit half-block each pair). */
function murmur3(key: string, seed: number): number {
  let h = seed | 0;
  const n = key.length;
  let i = 0;
  const mix = (k: number) => {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    return Math.imul(k, 0x1b873593);
  };
  for (; i + 1 < n; i += 2) {
    h ^= mix(key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16));
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) h ^= mix(key.charCodeAt(i));
  h ^= n * 2;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The 128-bit state of the stream (seed, replicate, name), never all zero. */
export function xoshiroState(seed: number, replicate: number, name: string): Int32Array {
  const key = `persim/${seed}/${replicate}/${name}`;
  const s = Int32Array.from([0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f], (k) => murmur3(key, k));
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/** A RandomStream over xoshiro128**: () has 32 bits of resolution, double() 53 (two steps). */
export function xoshiroStream(seed: number, replicate: number, name: string): XoshiroStream {
  return streamOn(xoshiroState(seed, replicate, name));
}

/** A RandomStream over the given 128-bit state (used in place: the stream advances it). */
function streamOn(state: Int32Array): XoshiroStream {
  const uniform = () => (xoshiroNext(state) >>> 0) / TWO_32;
  return Object.assign(uniform, {
    state,
    int32: () => xoshiroNext(state),
    double: () => ((xoshiroNext(state) >>> 5) * 67108864 + (xoshiroNext(state) >>> 6)) / TWO_53,
  });
}

/** A xoshiro128** stream seeded by the next four 32-bit words of `rng` (a split: the two then run independently). */
export function xoshiroSplit(rng: RandomStream): XoshiroStream {
  const s = Int32Array.from({ length: 4 }, () => (rng() * TWO_32) | 0);
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return streamOn(s);
}

/** `rng` itself when it is a xoshiro128** stream, else xoshiroSplit(rng). */
export function asXoshiro(rng: RandomStream): XoshiroStream {
  return (rng as Partial<XoshiroStream>).state instanceof Int32Array ? (rng as XoshiroStream) : xoshiroSplit(rng);
}
