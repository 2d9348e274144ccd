// The task pool, with stand-in executors: records reach onPointDone sorted by replicate
// whatever order the executors finish in; a failing task stops the pool and is reported;
// an abort stops it with the finished points kept.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/scenario.js';
import { StoppedError, TaskError, type Executor } from '../../src/sweep/executors.js';
import { runPoints } from '../../src/sweep/pool.js';
import type { RunRecord } from '../../src/sweep/runRecord.js';
import type { Task } from '../../src/sweep/task.js';

const record = (t: Task): RunRecord => ({
  replicate: t.replicate, nadir_h: t.point, nadir_cells: 0, nadir_persisters: 0, responded: true, relapse_h: null, extinct_h: null, final_sensitive: 0, final_persister: 0, final_resistant: 0,
});

/** Finishes each task after a delay that depends on the task, so results come back out of order. */
class FakeExecutor implements Executor {
  closed = false;
  constructor(private readonly fail?: (t: Task) => boolean) {}
  async run(t: Task): Promise<RunRecord> {
    await new Promise((r) => setTimeout(r, ((t.replicate * 7 + t.point * 3) % 5) * 2));
    if (this.closed) throw new StoppedError();
    if (this.fail?.(t)) throw new TaskError(t, 'boom');
    return record(t);
  }
  forget(): void {}
  async close(): Promise<void> {
    this.closed = true;
  }
}

const points = Array.from({ length: 5 }, (_, index) => ({ index, scenario: {} as Scenario }));

describe('runPoints', () => {
  it('delivers every point once, its replicates sorted, whatever the finishing order', async () => {
    const done = new Map<number, number[]>();
    const status = await runPoints(points, 6, { executors: [new FakeExecutor(), new FakeExecutor(), new FakeExecutor()], onPointDone: (p, runs) => done.set(p, runs.map((r) => r.replicate)) });
    expect(status).toBe('done');
    expect([...done.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    for (const reps of done.values()) expect(reps).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a failing task stops the pool and is reported, with the points finished before it', async () => {
    const done: number[] = [];
    const executors = [new FakeExecutor((t) => t.point === 3 && t.replicate === 2), new FakeExecutor((t) => t.point === 3 && t.replicate === 2)];
    const run = runPoints(points, 4, { executors, onPointDone: (p) => done.push(p) });
    await expect(run).rejects.toMatchObject({ message: 'boom', task: { point: 3, replicate: 2 } });
    expect(done).not.toContain(3);
    expect(done).not.toContain(4);
    expect(executors.every((e) => e.closed)).toBe(true);
  });

  it('an abort stops every executor and returns "stopped"', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const status = await runPoints(points, 4, {
      executors: [new FakeExecutor(), new FakeExecutor()],
      signal: controller.signal,
      onPointDone: (p) => {
        done.push(p);
        if (done.length === 2) controller.abort();
      },
    });
    expect(status).toBe('stopped');
    expect(done).toHaveLength(2);
  });
});
