// The default number of worker threads for sweeps and fits: the cores a Slurm task was given
// (SLURM_CPUS_PER_TASK) when set, else the machine's available parallelism.
import { availableParallelism } from 'node:os';

export function defaultWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const slurm = Number(env.SLURM_CPUS_PER_TASK);
  return Number.isInteger(slurm) && slurm >= 1 ? slurm : availableParallelism();
}
