// Default worker threads: a Slurm task's cores when SLURM_CPUS_PER_TASK is set, else the machine's.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../src/io/workers.js';

describe('defaultWorkers', () => {
  it('honours SLURM_CPUS_PER_TASK and ignores values that are not a positive whole number', () => {
    expect(defaultWorkers({ SLURM_CPUS_PER_TASK: '6' })).toBe(6);
    expect(defaultWorkers({})).toBe(availableParallelism());
    expect(defaultWorkers({ SLURM_CPUS_PER_TASK: '0' })).toBe(availableParallelism());
    expect(defaultWorkers({ SLURM_CPUS_PER_TASK: 'two' })).toBe(availableParallelism());
  });
});
