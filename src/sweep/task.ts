// The unit of work of a sweep: one replicate of one point. A worker (or the main thread)
// chooses a point's engine and compiles its timeline once, and runs its replicates; replicate r draws only from the
// streams (seed, r, name), so where and in which order a task runs does not change its result.
import { planEngine, runReplicate, type EngineName } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { runRecord, type RunRecord } from './runRecord.js';

export interface Task {
  readonly point: number;
  readonly replicate: number;
}

/** Compiled points kept by one executor, dropped when the point is finished. */
export class PointCache {
  private readonly points = new Map<number, { scenario: Scenario; timeline: Timeline; engine: EngineName }>();

  add(point: number, scenario: Scenario): void {
    const { engine, timeline } = planEngine(scenario);
    this.points.set(point, { scenario, timeline, engine: engine.engine });
  }

  forget(point: number): void {
    this.points.delete(point);
  }

  run(task: Task): RunRecord {
    const p = this.points.get(task.point);
    if (!p) throw new Error(`internal: point ${task.point} was not sent to this worker`);
    return runRecord(runReplicate(p.scenario, p.timeline, task.replicate, undefined, undefined, p.engine));
  }
}
