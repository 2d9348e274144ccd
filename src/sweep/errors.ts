// Bad sweep input (a spec, a shard, a metric, an output directory that cannot be resumed):
// a usage error, so the CLI prints it and exits 2 before anything is written.
import { UsageError } from '../io/errors.js';

export class SweepInputError extends UsageError {}
