// Shards for a cluster: `--shard i/n` (0-based i, as a Slurm array task id) runs the points
// whose index is i modulo n, so shards of a sweep share its work evenly whatever its shape.
import { SweepInputError } from './errors.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE: Shard = Object.freeze({ index: 0, count: 1 });

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new SweepInputError(`--shard ${text}: expected i/n, e.g. 0/4 (shard i of n, counting from 0)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new SweepInputError(`--shard ${text}: the number of shards must be at least 1`);
  if (index >= count) {
    throw new SweepInputError(`--shard ${text}: shard index ${index} is out of range for ${count} shard${count === 1 ? '' : 's'}; shards count from 0, so use 0/${count} to ${count - 1}/${count}`);
  }
  return { index, count };
}

export function inShard(point: number, shard: Shard): boolean {
  return point % shard.count === shard.index;
}

export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
