// The replicate shown in the dish, advanced on request up to a time and for at most a slice
// of wall-clock time, so the worker answers every request quickly even for a large tumour.
// A tumour that outgrows the explorer (EXPLORER_MAX_CELLS) stops the run where it is; one
// that starts larger runs on the population engine (startRun.ts).
import { PopulationLimitError } from '../../engine/cellStore.js';
import type { Timeline } from '../../model/timeline.js';
import { loadScenarioText } from '../../scenario/load.js';
import { levelQuantiles } from './levelQuantiles.js';
import { finalResistant } from '../engineFeatures.js';
import { LEVEL_QUANTILES, type LiveFrame, type ScenarioSource } from './protocol.js';
import { explorerTimeline, startRun, type ExplorerRun } from './startRun.js';

const SLICE_MS = 40;

export class LiveRun {
  private readonly run: ExplorerRun;
  private readonly timeline: Timeline;
  private limited = false;

  constructor(source: ScenarioSource, replicate: number, private readonly now: () => number) {
    const s = loadScenarioText(source.text, source.file, source.sets);
    const tl = explorerTimeline(s);
    this.run = startRun(s, tl, replicate);
    // Under adaptive dosing the replicate follows its own copy of the timeline.
    this.timeline = this.run.dosing?.timeline ?? tl;
  }

  /** Advances whole steps until time `untilH`, the end, or the end of the slice. */
  advance(untilH: number): LiveFrame {
    const run = this.run;
    const start = this.now();
    try {
      while (run.t < untilH && !run.finished && !this.limited) {
        run.advance();
        if (this.now() - start > SLICE_MS) break;
      }
    } catch (err) {
      if (!(err instanceof PopulationLimitError)) throw err;
      this.limited = true;
    }
    return this.frame();
  }

  frame(): LiveFrame {
    const run = this.run;
    const o = run.outcome();
    const view = run.levels?.view() ?? null;
    return {
      t: run.t,
      sensitive: o.final.sensitive,
      persister: o.final.persister,
      resistant: finalResistant(o),
      divisions: o.counters.divisions,
      deaths: o.counters.deaths,
      entries: o.counters.entries,
      exits: o.counters.exits,
      stress: run.step > 0 ? this.timeline.stress[run.step - 1] : 0,
      finished: run.finished || this.limited,
      limited: this.limited,
      extinctH: o.extinctH,
      relapseH: o.relapseH,
      levelsSensitive: view === null ? null : levelQuantiles(view.sensitive, LEVEL_QUANTILES),
      levelsPersister: view === null ? null : levelQuantiles(view.persister, LEVEL_QUANTILES),
    };
  }
}
