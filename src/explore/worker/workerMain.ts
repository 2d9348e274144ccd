// The Web Worker side of the explorer: one message handler for both roles (live and batch;
// protocol.ts). Errors, such as an invalid override or a tumour that outgrows the explorer,
// go back to the page as messages.
import { LiveRun } from './liveRun.js';
import { runBatch } from './batchRun.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  onmessage: ((e: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function startWorker(): void {
  const scope = globalThis as unknown as WorkerScope;
  const now = () => performance.now();
  // The batch leaves 40% of its time to the page and the live worker (on two cores they share).
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 24));
  let live: LiveRun | null = null;
  let liveGen = -1;
  let batchGen = -1;

  scope.onmessage = (e) => {
    const m = e.data;
    if (m.kind === 'live-start') {
      liveGen = m.gen;
      live = null;
      try {
        live = new LiveRun(m.source, m.replicate, now);
        post({ kind: 'live-frame', gen: m.gen, frame: live.frame() });
      } catch (err) {
        post({ kind: 'failed', gen: m.gen, role: 'live', message: message(err) });
      }
    } else if (m.kind === 'live-advance') {
      if (m.gen !== liveGen || live === null) return;
      try {
        post({ kind: 'live-frame', gen: m.gen, frame: live.advance(m.untilH) });
      } catch (err) {
        live = null;
        post({ kind: 'failed', gen: m.gen, role: 'live', message: message(err) });
      }
    } else {
      const gen = m.gen;
      batchGen = gen;
      runBatch(m.source, m.replicates, {
        now,
        pause,
        current: () => batchGen === gen,
        done: (result, done, total) =>
          post({ kind: 'batch-replicate', gen, result, done, total }, [result.sensitive.buffer, result.persister.buffer, ...(result.resistant === null ? [] : [result.resistant.buffer])]),
      }).catch((err: unknown) => post({ kind: 'failed', gen, role: 'batch', message: message(err) }));
    }
  };

  function post(m: FromWorker, transfer: Transferable[] = []): void {
    scope.postMessage(m, transfer);
  }
}
