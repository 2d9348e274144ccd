// The batch of replicates behind the charts, run one after the other in the background.
// Replicates are advanced a slice of wall-clock time at a time with a pause for the
// worker's message queue in between, so that a newer batch (a moved control) stops this one
// at once instead of after its last replicate. A replicate that outgrows the explorer
// (EXPLORER_MAX_CELLS) ends there: its relapse is known by then, its later counts are NaN.
// A tumour too large for the agent engine runs on the population engine (startRun.ts).
import { PopulationLimitError } from '../../engine/cellStore.js';
import { loadScenarioText } from '../../scenario/load.js';
import type { BatchReplicate, ScenarioSource } from './protocol.js';
import { recordedResistant } from '../engineFeatures.js';
import { explorerTimeline, startRun } from './startRun.js';

const SLICE_MS = 36;

export interface BatchHooks {
  readonly now: () => number;
  /** Resolves after pending messages have been handled. */
  readonly pause: () => Promise<void>;
  /** False once a newer batch has started. */
  readonly current: () => boolean;
  readonly done: (result: BatchReplicate, done: number, total: number) => void;
}

export async function runBatch(source: ScenarioSource, replicates: number, hooks: BatchHooks): Promise<void> {
  const s = loadScenarioText(source.text, source.file, source.sets);
  const tl = explorerTimeline(s);
  for (let r = 1; r <= replicates; r++) {
    const run = startRun(s, tl, r);
    let sliceStart = hooks.now();
    let limited = false;
    try {
      while (run.advance()) {
        if (hooks.now() - sliceStart > SLICE_MS) {
          await hooks.pause();
          if (!hooks.current()) return;
          sliceStart = hooks.now();
        }
      }
    } catch (err) {
      if (!(err instanceof PopulationLimitError)) throw err;
      limited = true;
    }
    if (!hooks.current()) return;
    const o = run.outcome();
    const resistant = recordedResistant(o);
    if (limited) {
      for (let k = 0; k < tl.recordTimes.length; k++) {
        if (tl.recordTimes[k] <= run.t) continue;
        o.sensitive[k] = o.persister[k] = NaN;
        if (resistant !== null) resistant[k] = NaN;
      }
    }
    hooks.done({ replicate: r, sensitive: o.sensitive, persister: o.persister, resistant, responded: o.responded, relapseH: o.relapseH, extinctH: o.extinctH, limited }, r, replicates);
  }
}
