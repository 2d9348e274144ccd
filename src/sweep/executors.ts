// Where tasks run: a worker thread (the sweep proper) or the main thread (tests, and any
// caller without the built worker bundle). Both keep each point's compiled timeline until the
// pool says the point is finished.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../model/scenario.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';
import type { RunRecord } from './runRecord.js';
import { PointCache, type Task } from './task.js';

export interface Executor {
  run(task: Task, scenario: Scenario): Promise<RunRecord>;
  forget(point: number): void;
  /** Stops at once; pending tasks reject with StoppedError. */
  close(): Promise<void>;
}

/** A task that failed in the engine (for example a population too large for memory). */
export class TaskError extends Error {
  constructor(readonly task: Task, message: string) {
    super(message);
  }
}

export class StoppedError extends Error {
  constructor() {
    super('stopped');
  }
}

/** dist/sweep-worker.js, beside the bundle that imports this module. */
export function defaultWorkerUrl(): URL {
  const url = new URL('./sweep-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    throw new Error(`the sweep worker bundle ${fileURLToPath(url)} is missing; run \`npm run build\` (workers run from the built bundle)`);
  }
  return url;
}

interface Pending {
  readonly task: Task;
  resolve(r: RunRecord): void;
  reject(e: Error): void;
}

export class ThreadExecutor implements Executor {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly known = new Set<number>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(url: URL) {
    this.worker = new Worker(url);
    this.worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if ('record' in m) p.resolve(m.record);
      else p.reject(new TaskError(p.task, m.error));
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`a sweep worker thread stopped unexpectedly (exit code ${code})`)));
  }

  private post(m: WorkerRequest): void {
    this.worker.postMessage(m);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  run(task: Task, scenario: Scenario): Promise<RunRecord> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.known.has(task.point)) {
      this.post({ type: 'point', point: task.point, scenario });
      this.known.add(task.point);
    }
    const id = this.nextId++;
    this.post({ type: 'task', id, point: task.point, replicate: task.replicate });
    return new Promise((resolve, reject) => this.pending.set(id, { task, resolve, reject }));
  }

  forget(point: number): void {
    if (this.failure === null && this.known.delete(point)) this.post({ type: 'forget', point });
  }

  async close(): Promise<void> {
    this.fail(new StoppedError());
    await this.worker.terminate();
  }
}

/** Runs tasks on the main thread, yielding to the event loop between them (so Ctrl-C is heard). */
export class InlineExecutor implements Executor {
  private readonly cache = new PointCache();
  private readonly known = new Set<number>();
  private closed = false;

  async run(task: Task, scenario: Scenario): Promise<RunRecord> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.closed) throw new StoppedError();
    if (!this.known.has(task.point)) {
      this.cache.add(task.point, scenario);
      this.known.add(task.point);
    }
    try {
      return this.cache.run(task);
    } catch (err) {
      throw new TaskError(task, err instanceof Error ? err.message : String(err));
    }
  }

  forget(point: number): void {
    if (this.known.delete(point)) this.cache.forget(point);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
