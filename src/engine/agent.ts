// The agent engine. Each cell is an agent in a CellStore. Within each step of the timeline
// the rates are constant, and events are drawn exactly in continuous time by the Gillespie
// direct method in eventLoop.ts, one loop for every model: each event is applied to a
// uniformly chosen agent of its phenotype, so daughters act within the same step. The step
// discretises only the drug's time course. Nadir and relapse are tracked at the exact event
// times, not at record times.
//
// Under the FOSL1 switch (fosl1Levels.ts) the timeline's switch rates are 0: the event loop
// draws births and deaths only, each birth gives both daughters a noisy copy of the mother's
// level, and at the end of every step the levels advance and cells whose level crossed a
// threshold change pools.
//
// A resistant phenotype adds mutation at division and irreversible resistance to the same
// loop; lineage barcodes are a per-cell field, counted at the sample times and at relapse
// (lineage.ts); an adaptive drug is decided at its check times, and the replicate then reads
// its own copy of the step rates (adaptiveDosing.ts). All are chosen once per run or per step,
// never per event.
import { AGENT_MAX_CELLS } from '../model/limits.js';
import { hasResistance, initialResistantFraction, mutationProbabilities } from '../model/resistance.js';
import type { Scenario } from '../model/scenario.js';
import { relapseThreshold } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { exponentialZiggurat } from '../rng/exponentialZiggurat.js';
import type { RandomStream } from '../rng/stream.js';
import { asXoshiro, xoshiroSplit, type XoshiroStream } from '../rng/xoshiro128.js';
import { AdaptiveDosing } from './adaptiveDosing.js';
import { CellStore, PERSISTER, RESISTANT, SENSITIVE } from './cellStore.js';
import { BurdenWatch } from './burdenWatch.js';
import { runEvents, type LoopState, type StepRates } from './eventLoop.js';
import { Fosl1Levels, type LevelView } from './fosl1Levels.js';
import { clonesRecord, LineageBarcodes, type CloneSample } from './lineage.js';
import type { ReplicateOutcome } from './outcome.js';

export const DEFAULT_MAX_CELLS = AGENT_MAX_CELLS;

export interface AgentOptions {
  /** The FOSL1 levels' random stream (default: a split of the event stream). */
  readonly levelRng?: RandomStream;
  /** Called at every record time with the living cells' levels (FOSL1 switch only). */
  readonly onRecord?: (recordIndex: number, levels: LevelView) => void;
}

/**
 * One replicate of the agent engine, advanced one timeline step at a time. `runAgentReplicate`
 * runs it to the end; the teaching explorer advances it frame by frame and reads the cells.
 */
export class AgentRun {
  readonly store: CellStore;
  readonly levels: Fosl1Levels | null;
  /** Lineage barcodes (a per-cell field of the store), when the scenario asks for them. */
  readonly barcodes: LineageBarcodes | null;
  /** This replicate's adaptive dosing, when a drug is dosed by the burden. */
  readonly dosing: AdaptiveDosing | null;
  /** Index of the next timeline step to run. */
  step = 0;
  /** Current time, hours. */
  t = 0;
  extinctH: number | null = null;
  /** The timeline this replicate follows (its own copy under adaptive dosing). */
  private readonly tl: Timeline;
  private readonly recS: Float64Array;
  private readonly recP: Float64Array;
  private readonly recR: Float64Array | null;
  private readonly resistance: boolean;
  private readonly rates: StepRates;
  private readonly loop: LoopState = { t: 0, clock: 0, divisions: 0, deaths: 0, entries: 0, exits: 0, mutations: 0, extinctH: null };
  private readonly samples: CloneSample[] = [];
  private relapseSample: CloneSample | null = null;
  private sampleIndex = 0;
  private readonly recMean: Float64Array | null;
  private readonly recSd: Float64Array | null;
  private readonly moments = { mean: 0, sd: 0 };
  private readonly watch: BurdenWatch;
  private rec = 0;
  /** The event stream as xoshiro128**, whose state the event loop steps inline. */
  private readonly rng: XoshiroStream;

  /**
   * `rng`: the event stream. The event loop runs on xoshiro128**: a xoshiro stream is used as
   * it is (persim run passes xoshiroStream(seed, r, 'agent')), any other is replaced by a
   * xoshiro stream seeded from its first four words, as is `opts.levelRng`.
   */
  constructor(
    private readonly s: Scenario,
    tl: Timeline,
    private readonly replicate: number,
    events: RandomStream,
    maxCells = DEFAULT_MAX_CELLS,
    private readonly opts: AgentOptions = {},
  ) {
    const rng = asXoshiro(events);
    this.rng = rng;
    const n0 = s.population.initial;
    const resistance = hasResistance(s);
    const r0 = resistance ? Math.min(n0, roundRandom(n0 * initialResistantFraction(s), rng)) : 0;
    const store = new CellStore([Math.ceil(n0 * 1.5), Math.ceil(n0 * 1.5), Math.ceil(r0 * 1.5)], maxCells);
    this.store = store;
    const ad = tl.adaptive;
    this.dosing = ad === null ? null : new AdaptiveDosing(tl, ad, s.drugs[ad.drug].name, s.drugs[ad.drug].adaptive?.dose ?? 0);
    this.tl = this.dosing?.timeline ?? tl;
    this.levels = s.switch.model === 'fosl1' ? new Fosl1Levels(s, s.switch, this.tl, store, opts.levelRng !== undefined ? asXoshiro(opts.levelRng) : xoshiroSplit(rng)) : null;
    if (this.levels !== null) this.levels.seed(n0 - r0);
    else {
      const p0 = Math.min(n0 - r0, roundRandom(n0 * s.population.persisterFraction, rng));
      for (let i = 0; i < n0 - r0 - p0; i++) store.add(SENSITIVE, 0);
      for (let i = 0; i < p0; i++) store.add(PERSISTER, 0);
    }
    for (let i = 0; i < r0; i++) store.add(RESISTANT, 0);
    const u = mutationProbabilities(s);
    this.resistance = resistance;
    this.rates = { bS: 0, dS: 0, eS: 0, bP: 0, dP: 0, xP: 0, bR: 0, dR: 0, uS: resistance ? u.sensitive : 0, uP: resistance ? u.persister : 0 };
    const barcodes = s.lineage !== undefined ? new LineageBarcodes(store) : null;
    barcodes?.label();
    this.barcodes = barcodes;
    const nRec = tl.recordTimes.length;
    this.recS = new Float64Array(nRec);
    this.recP = new Float64Array(nRec);
    this.recR = resistance ? new Float64Array(nRec) : null;
    this.recMean = this.levels !== null ? new Float64Array(nRec).fill(NaN) : null;
    this.recSd = this.levels !== null ? new Float64Array(nRec).fill(NaN) : null;
    const onRelapse = barcodes === null ? null : (t: number) => {
      this.relapseSample = barcodes.sample(t);
    };
    this.watch = new BurdenWatch(relapseThreshold(s), n0, store.counts[PERSISTER], onRelapse);
    this.record(0);
    // The unit-exponential clock of the next event, consumed at the current total rate and
    // carried across step boundaries (a random time change), so that a boundary where the
    // rates do not change leaves the trajectory untouched: arms that differ only by a late
    // drug share their random numbers exactly up to its first dose.
    this.loop.clock = exponentialZiggurat(rng);
  }

  get finished(): boolean {
    return this.extinctH !== null || this.step >= this.tl.boundaries.length - 1;
  }

  /** Runs the next timeline step; returns false once the run is finished. */
  advance(): boolean {
    if (this.finished) return false;
    const i = this.step;
    if (this.dosing !== null) this.dosing.atBoundary(i, this.store.size);
    this.runStep(i);
    const t1 = this.tl.boundaries[i + 1];
    this.t = t1;
    this.step = i + 1;
    if (this.levels !== null && this.extinctH === null) this.levels.advance(i, t1);
    this.record(i + 1);
    return !this.finished;
  }

  /** Step i: the rates of the timeline (or of this replicate's adaptive copy) into the event loop. */
  private runStep(i: number): void {
    const { tl, rates, loop } = this;
    rates.bS = tl.divisionS[i];
    rates.dS = tl.deathS[i];
    rates.eS = tl.entry[i];
    rates.bP = tl.divisionP[i];
    rates.dP = tl.deathP[i];
    rates.xP = tl.exit[i];
    rates.bR = tl.divisionR[i];
    rates.dR = tl.deathR[i];
    loop.t = this.t;
    runEvents(this.store, this.rng, this.watch, this.levels, this.s.population.capacity ?? 0, tl.boundaries[i + 1], rates, loop);
    this.extinctH = loop.extinctH;
  }

  outcome(): ReplicateOutcome {
    const counts = this.store.counts;
    const levels = this.levels;
    const st = this.loop;
    const entries = st.entries + (levels?.entries ?? 0);
    const exits = st.exits + (levels?.exits ?? 0);
    const { divisions, deaths } = st;
    const watched = this.watch.result();
    const counters = { initial: this.s.population.initial, divisions, deaths, entries, exits };
    return {
      replicate: this.replicate,
      sensitive: this.recS,
      persister: this.recP,
      ...(this.recR !== null ? { resistant: this.recR } : {}),
      ...watched,
      extinctH: this.extinctH,
      final: this.recR !== null
        ? { sensitive: counts[SENSITIVE], persister: counts[PERSISTER], resistant: counts[RESISTANT] }
        : { sensitive: counts[SENSITIVE], persister: counts[PERSISTER] },
      counters: this.resistance ? { ...counters, mutations: st.mutations } : counters,
      ...(this.recMean !== null && this.recSd !== null ? { fosl1Mean: this.recMean, fosl1Sd: this.recSd } : {}),
      ...(this.barcodes !== null ? { clones: clonesRecord(this.s.population.initial, this.samples, this.relapseSample, watched, this.barcodes.sample(this.t)) } : {}),
      ...(this.dosing !== null ? { dosing: this.dosing.record() } : {}),
    };
  }

  private record(boundary: number): void {
    const { tl, store, levels } = this;
    const nRec = tl.recordTimes.length;
    while (this.rec < nRec && tl.recordBoundary[this.rec] === boundary) {
      const k = this.rec++;
      this.recS[k] = store.counts[SENSITIVE];
      this.recP[k] = store.counts[PERSISTER];
      if (this.recR !== null) this.recR[k] = store.counts[RESISTANT];
      if (levels !== null && this.recMean !== null && this.recSd !== null) {
        levels.moments(this.moments);
        this.recMean[k] = this.moments.mean;
        this.recSd[k] = this.moments.sd;
        this.opts.onRecord?.(k, levels.view());
      }
    }
    const barcodes = this.barcodes;
    if (barcodes === null) return;
    while (this.sampleIndex < tl.sampleTimes.length && tl.sampleBoundary[this.sampleIndex] === boundary) {
      this.samples.push(barcodes.sample(tl.sampleTimes[this.sampleIndex++]));
    }
  }
}

/** floor(x), plus 1 with probability x - floor(x): one uniform draw. */
function roundRandom(x: number, rng: RandomStream): number {
  const whole = Math.floor(x);
  return whole + (rng.double() < x - whole ? 1 : 0);
}

export function runAgentReplicate(
  s: Scenario,
  tl: Timeline,
  replicate: number,
  rng: RandomStream,
  maxCells = DEFAULT_MAX_CELLS,
  opts: AgentOptions = {},
): ReplicateOutcome {
  const run = new AgentRun(s, tl, replicate, rng, maxCells, opts);
  while (run.advance());
  return run.outcome();
}
