// One run of the explorer: a scenario with its overrides, the live replicate shown in the
// dish (driven through the live worker) and the batch behind the charts (the batch worker).
// A new run starts whenever the lesson, the arm or a control changes; the generation number
// lets late answers of the previous run be ignored. The dish shows the tumour at t = 0 at
// once: the page builds the live replicate's first frame itself (the same seeded run the live
// worker starts), so it is not blank while the workers start.
import type { EngineName } from '../../engine/simulate.js';
import { drugEffect } from '../../model/pkpd.js';
import type { Scenario } from '../../model/scenario.js';
import { recordTimes } from '../../model/steps.js';
import { activeDrugs } from '../../report/charts/exposure.js';
import { streamFor } from '../../rng/stream.js';
import { isAdaptive, resistantDivisionRate } from '../engineFeatures.js';
import { Dish } from '../dish/dish.js';
import { LiveRun } from '../worker/liveRun.js';
import type { BatchReplicate, LiveFrame, ScenarioSource, ToWorker } from '../worker/protocol.js';
import { explorerEngine } from '../worker/startRun.js';
import { BatchStats } from './charts/batchStats.js';
import type { ExplorerCharts } from './charts/explorerCharts.js';
import { DisplayClock } from './clock.js';

/** The most replicates a batch runs (a scenario may ask for more). */
export const MAX_BATCH = 40;
export const DISH_MAX_DOTS = 6000;
export const DISH_START_DOTS = 5000;
/** The live replicate: replicate 1 of `persim run --engine agent`. */
export const LIVE_REPLICATE = 1;

export interface Workers {
  readonly live: { postMessage(m: ToWorker): void };
  readonly batch: { postMessage(m: ToWorker): void };
}

export class Session {
  readonly dish: Dish;
  readonly clock: DisplayClock;
  readonly stats: BatchStats;
  readonly batchTotal: number;
  /** The engine's latest frame; null until the live worker has answered. */
  engine: LiveFrame | null = null;
  /** Frames not yet drawn on the charts (the dish has not reached them). */
  private readonly unplotted: LiveFrame[] = [];
  private waiting = true;
  private readonly killDrugs;
  /** The chemotherapy's colour on the charts ('r,g,b'), for the dish's background. */
  readonly drugRgb: string;
  /** The scenario has a resistant phenotype. */
  readonly withResistant: boolean;
  /** A kill drug is dosed adaptively: its effect is known only as the replicate runs. */
  readonly adaptive: boolean;
  /** The adaptive kill drug's lane among the acting drugs (the charts' exposure strips) and its colour. */
  readonly adaptiveLane: number;
  readonly adaptiveRgb: string;
  /** The engine of the live replicate and the batch: the agent engine, or the population engine for a tumour too large for it. */
  readonly engineName: EngineName;

  constructor(
    readonly gen: number,
    readonly scenario: Scenario,
    readonly source: ScenarioSource,
    private readonly workers: Workers,
    private readonly charts: ExplorerCharts,
    speedDaysPerS: number,
  ) {
    this.dish = new Dish(scenario, streamFor(scenario.seed, LIVE_REPLICATE, 'explorer-dish'), { maxDots: DISH_MAX_DOTS, startDots: DISH_START_DOTS });
    this.clock = new DisplayClock(scenario.time.horizonH, speedDaysPerS);
    this.stats = new BatchStats(recordTimes(scenario), scenario.time.horizonH);
    this.batchTotal = Math.min(MAX_BATCH, scenario.replicates);
    this.killDrugs = scenario.drugs.filter((d) => d.effect === 'kill' && d.potency > 0);
    this.withResistant = resistantDivisionRate(scenario) !== null;
    this.adaptive = scenario.drugs.some((d) => d.effect === 'kill' && isAdaptive(d));
    this.drugRgb = activeDrugs(scenario).find((a) => a.drug.effect === 'kill')?.rgb ?? '0,158,115';
    const lanes = activeDrugs(scenario);
    this.adaptiveLane = Math.max(0, lanes.findIndex((a) => a.drug.effect === 'kill' && isAdaptive(a.drug)));
    this.adaptiveRgb = lanes[this.adaptiveLane]?.rgb ?? this.drugRgb;
    this.engineName = explorerEngine(scenario);
    const now = performance.now();
    try {
      this.dish.push(new LiveRun(source, LIVE_REPLICATE, () => performance.now()).frame(), now);
    } catch {
      // The live worker reports what stops the run.
    }
    workers.live.postMessage({ kind: 'live-start', gen, source, replicate: LIVE_REPLICATE });
    workers.batch.postMessage({ kind: 'batch-start', gen, source, replicates: this.batchTotal });
  }

  get finished(): boolean {
    return this.engine?.finished === true && this.clock.t >= this.engine.t && this.dish.pending === 0;
  }

  onLiveFrame(frame: LiveFrame, now: number): void {
    this.engine = frame;
    this.waiting = false;
    this.dish.push(frame, now);
    this.unplotted.push(frame);
  }

  onBatchReplicate(result: BatchReplicate): void {
    this.stats.add(result);
    this.charts.setBatch(this.stats.recordTimesH, this.scenario.time.horizonH, this.stats.summary(), this.batchTotal);
  }

  /** One animation frame: moves the clock, asks the engine for more, applies dot events, plots what the dish passed. */
  tick(dtMs: number, now: number): void {
    const engineT = this.engine?.t ?? 0;
    this.clock.tick(dtMs, engineT);
    if (!this.waiting && this.engine !== null && !this.engine.finished && engineT < this.clock.wanted()) {
      this.waiting = true;
      this.workers.live.postMessage({ kind: 'live-advance', gen: this.gen, untilH: this.clock.wanted() });
    }
    if (this.clock.playing && this.engine?.finished && this.clock.t >= this.engine.t) this.clock.playing = false;
    this.dish.advanceTo(this.clock.t, now);
    while (this.unplotted.length > 0 && this.unplotted[0].t <= this.clock.t) {
      const f = this.unplotted.shift() as LiveFrame;
      this.charts.pushLive(f.t, f.sensitive, f.persister, f.resistant, this.withResistant);
    }
    this.charts.setNow(this.clock.t);
  }

  /** The chemotherapy's effect at the dish's time (the background). */
  effect(): number {
    if (this.adaptive) return this.dish.shown?.stress ?? 0;
    let e = 0;
    for (const d of this.killDrugs) e = Math.max(e, drugEffect(d, this.clock.t));
    return e;
  }
}
