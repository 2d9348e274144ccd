// Seeded random streams. Every stream is a seedrandom xor4096 generator (Brent 2006,
// "Some long-period random number generators using shifts and xors"), derived from the
// triple (seed, replicate, stream name) and nothing else, so a replicate draws the same
// numbers whatever the worker, shard or arm that runs it (common random numbers).
import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Uniform on [0, 1) with 32 bits of resolution (fast). */
  (): number;
  /** Uniform on [0, 1) with 53 bits of resolution. */
  double(): number;
}

export function streamFor(seed: number, replicate: number, name: string): RandomStream {
  return seedrandom.xor4096(`persim/${seed}/${replicate}/${name}`) as unknown as RandomStream;
}
