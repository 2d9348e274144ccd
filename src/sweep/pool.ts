// Runs the (point, replicate) tasks of a sweep on a set of executors, two tasks in flight
// per executor (one near the end) so that a worker never waits for the main thread. Tasks are handed out in
// point order; when the last replicate of a point arrives, its records (sorted by replicate)
// go to onPointDone, which journals them. An abort signal (Ctrl-C) stops every executor at
// once: finished points are kept, points in flight are dropped.
import type { Scenario } from '../model/scenario.js';
import { StoppedError, type Executor } from './executors.js';
import type { RunRecord } from './runRecord.js';
import type { Task } from './task.js';

export interface PoolPoint {
  readonly index: number;
  readonly scenario: Scenario;
}

export interface PoolOptions {
  readonly executors: readonly Executor[];
  readonly signal?: AbortSignal;
  readonly onPointDone: (point: number, runs: RunRecord[]) => void;
  /** Called after every task (and after onPointDone for a point's last) with the tasks finished so far. */
  readonly onTask?: (done: number) => void;
}

export async function runPoints(points: readonly PoolPoint[], replicates: number, opts: PoolOptions): Promise<'done' | 'stopped'> {
  const { executors, signal } = opts;
  const tasks: Task[] = points.flatMap((p) => Array.from({ length: replicates }, (_, r) => ({ point: p.index, replicate: r + 1 })));
  const scenarios = new Map(points.map((p) => [p.index, p.scenario]));
  const collected = new Map<number, RunRecord[]>();
  let next = 0;
  let done = 0;
  let stop = false;
  let failure: unknown = null;
  const stopAll = () => {
    stop = true;
    return Promise.all(executors.map((e) => e.close()));
  };
  const fail = (err: unknown) => {
    if (failure === null && !(err instanceof StoppedError)) failure = err;
    void stopAll();
  };
  const onAbort = () => void stopAll();
  signal?.addEventListener('abort', onAbort);

  // The second lane of an executor keeps it busy during the round trip of a task; near the
  // end it stops taking tasks, so that no executor holds a queued task while another idles.
  const lane = async (executor: Executor, second: boolean) => {
    while (!stop && next < tasks.length && !(second && tasks.length - next <= executors.length)) {
      const task = tasks[next++];
      let record: RunRecord;
      try {
        record = await executor.run(task, scenarios.get(task.point) as Scenario);
      } catch (err) {
        fail(err);
        return;
      }
      if (stop) return;
      const runs = collected.get(task.point) ?? [];
      runs.push(record);
      collected.set(task.point, runs);
      if (runs.length === replicates) {
        collected.delete(task.point);
        for (const e of executors) e.forget(task.point);
        try {
          opts.onPointDone(task.point, runs.sort((a, b) => a.replicate - b.replicate));
        } catch (err) {
          fail(err);
          return;
        }
      }
      opts.onTask?.(++done);
    }
  };

  try {
    if (!signal?.aborted) await Promise.all(executors.flatMap((e) => [lane(e, false), lane(e, true)]));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await stopAll();
  }
  if (failure !== null) throw failure;
  return signal?.aborted ? 'stopped' : 'done';
}
