// Where a fit's jobs run: worker threads (dist/fit-worker.js, the sweep's pattern: two jobs in
// flight per worker) or the main thread. Results come back in the jobs' order, so the number
// of workers never changes a fit's numbers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FitModel, type FitModelInit } from './fitModel.js';
import { runJob, type FitJob, type FitJobResult, type FitWorkerReply } from './jobs.js';

export interface FitExecutor {
  run(job: FitJob): Promise<FitJobResult>;
  close(): Promise<void>;
}

export class FitStoppedError extends Error {
  constructor() {
    super('stopped');
  }
}

/** dist/fit-worker.js, beside the bundle that imports this module; null when absent (running from source). */
export function fitWorkerUrl(): URL | null {
  const url = new URL('./fit-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

class ThreadFitExecutor implements FitExecutor {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(r: FitJobResult): void; reject(e: Error): void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(url: URL, model: FitModelInit) {
    this.worker = new Worker(url);
    this.worker.on('message', (m: FitWorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if ('result' in m) p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`a fit worker thread stopped unexpectedly (exit code ${code})`)));
    this.worker.postMessage({ type: 'init', model });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  run(job: FitJob): Promise<FitJobResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    this.worker.postMessage({ type: 'job', id, job });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  async close(): Promise<void> {
    this.fail(new FitStoppedError());
    await this.worker.terminate();
  }
}

class InlineFitExecutor implements FitExecutor {
  private readonly model: FitModel;
  private closed = false;

  constructor(model: FitModelInit) {
    this.model = new FitModel(model);
  }

  async run(job: FitJob): Promise<FitJobResult> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.closed) throw new FitStoppedError();
    return runJob(this.model, job);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export class FitPool {
  private constructor(private readonly executors: readonly FitExecutor[]) {}

  /** `workers` threads from the built bundle; on the main thread when workers is 0 or the bundle is absent. */
  static open(model: FitModelInit, workers: number): FitPool {
    const url = fitWorkerUrl();
    if (workers <= 0 || url === null) return new FitPool([new InlineFitExecutor(model)]);
    return new FitPool(Array.from({ length: workers }, () => new ThreadFitExecutor(url, model)));
  }

  /** Runs every job; results in the jobs' order. `onDone(k)` after each job. */
  async runAll(jobs: readonly FitJob[], signal?: AbortSignal, onDone?: (done: number) => void): Promise<FitJobResult[]> {
    const results = new Array<FitJobResult>(jobs.length);
    let next = 0;
    let done = 0;
    let failure: unknown = null;
    const lane = async (e: FitExecutor) => {
      while (failure === null && next < jobs.length) {
        if (signal?.aborted) throw new FitStoppedError();
        const k = next++;
        try {
          results[k] = await e.run(jobs[k]);
        } catch (err) {
          failure ??= err;
          return;
        }
        onDone?.(++done);
      }
    };
    await Promise.all(this.executors.flatMap((e) => (this.executors.length === 1 && e instanceof InlineFitExecutor ? [lane(e)] : [lane(e), lane(e)])));
    if (failure !== null) throw failure;
    if (signal?.aborted) throw new FitStoppedError();
    return results;
  }

  close(): Promise<void> {
    return Promise.all(this.executors.map((e) => e.close())).then(() => undefined);
  }
}
