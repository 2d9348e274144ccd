// The agent engine. Each cell is an agent in a CellStore. Within each step of the timeline
// the rates are constant, and events are drawn exactly in continuous time by the Gillespie
// direct method (Gillespie 1977, J Phys Chem 81:2340) over the phenotype totals; each event
// is applied to a uniformly chosen agent of its phenotype, so daughters act within the same
// step. The step discretises only the drug's time course. Logistic crowding
// (1 - N / capacity) is re-evaluated after every event.
//
// Nadir and relapse are tracked at the exact event times, not at record times.
// Per step, the waiting time is drawn by the random time change of a unit exponential
// (as in the next reaction method, Gibson & Bruck 2000, J Phys Chem A 104:1876).
//
// Under the FOSL1 switch (fosl1Levels.ts) the timeline's switch rates are 0: the Gillespie
// loop draws births and deaths only, each birth gives both daughters a noisy copy of the
// mother's level, and at the end of every step the levels advance and cells whose level
// crossed a threshold change pools.
//
// A scenario with a resistant phenotype runs the three-pool loop of clonalLoop.ts instead
// (mutation at division, irreversible resistance); lineage barcodes are a per-cell field,
// counted at the sample times and at relapse (lineage.ts); an adaptive drug is decided at its
// check times, and the replicate then reads its own copy of the step rates (adaptiveDosing.ts).
// All three are chosen once per run or per step, never per event.
import { hasResistance, initialResistantFraction, mutationProbabilities } from '../model/resistance.js';
import type { Scenario } from '../model/scenario.js';
import { relapseThreshold } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import type { RandomStream } from '../rng/stream.js';
import { AdaptiveDosing } from './adaptiveDosing.js';
import { CellStore, PERSISTER, RESISTANT, SENSITIVE } from './cellStore.js';
import { BurdenWatch } from './burdenWatch.js';
import { clonalStep, type ClonalRates, type LoopState } from './clonalLoop.js';
import { Fosl1Levels, type LevelView } from './fosl1Levels.js';
import { clonesRecord, LineageBarcodes, type CloneSample } from './lineage.js';
import type { ReplicateOutcome } from './outcome.js';

export const DEFAULT_MAX_CELLS = 5e7;

export interface AgentOptions {
  /** The FOSL1 levels' random stream (default: the event stream `rng`). */
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
  private readonly clonal: { readonly rates: ClonalRates; readonly state: LoopState } | null;
  private readonly samples: CloneSample[] = [];
  private relapseSample: CloneSample | null = null;
  private sampleIndex = 0;
  private readonly recMean: Float64Array | null;
  private readonly recSd: Float64Array | null;
  private readonly moments = { mean: 0, sd: 0 };
  private readonly watch: BurdenWatch;
  private rec = 0;
  private clock: number;
  private divisions = 0;
  private deaths = 0;
  private entries = 0;
  private exits = 0;

  constructor(
    private readonly s: Scenario,
    tl: Timeline,
    private readonly replicate: number,
    private readonly rng: RandomStream,
    maxCells = DEFAULT_MAX_CELLS,
    private readonly opts: AgentOptions = {},
  ) {
    const n0 = s.population.initial;
    const resistance = hasResistance(s);
    const r0 = resistance ? Math.min(n0, roundRandom(n0 * initialResistantFraction(s), rng)) : 0;
    const store = new CellStore([Math.ceil(n0 * 1.5), Math.ceil(n0 * 1.5), Math.ceil(r0 * 1.5)], maxCells);
    this.store = store;
    const ad = tl.adaptive;
    this.dosing = ad === null ? null : new AdaptiveDosing(tl, ad, s.drugs[ad.drug].name, s.drugs[ad.drug].adaptive?.dose ?? 0);
    this.tl = this.dosing?.timeline ?? tl;
    this.levels = s.switch.model === 'fosl1' ? new Fosl1Levels(s, s.switch, this.tl, store, opts.levelRng ?? rng) : null;
    if (this.levels !== null) this.levels.seed(n0 - r0);
    else {
      const p0 = Math.min(n0 - r0, roundRandom(n0 * s.population.persisterFraction, rng));
      for (let i = 0; i < n0 - r0 - p0; i++) store.add(SENSITIVE, 0);
      for (let i = 0; i < p0; i++) store.add(PERSISTER, 0);
    }
    for (let i = 0; i < r0; i++) store.add(RESISTANT, 0);
    const u = mutationProbabilities(s);
    this.clonal = resistance
      ? {
        rates: { bS: 0, dS: 0, eS: 0, bP: 0, dP: 0, xP: 0, bR: 0, dR: 0, uS: u.sensitive, uP: u.persister },
        state: { t: 0, clock: 0, divisions: 0, deaths: 0, entries: 0, exits: 0, mutations: 0, extinctH: null },
      }
      : null;
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
    this.clock = -Math.log(1 - rng());
  }

  get finished(): boolean {
    return this.extinctH !== null || this.step >= this.tl.boundaries.length - 1;
  }

  /** Runs the next timeline step; returns false once the run is finished. */
  advance(): boolean {
    if (this.finished) return false;
    const i = this.step;
    if (this.dosing !== null) this.dosing.atBoundary(i, this.store.size);
    if (this.clonal !== null) this.threePoolStep(i, this.clonal.rates, this.clonal.state);
    else this.twoPoolStep(i);
    const t1 = this.tl.boundaries[i + 1];
    this.t = t1;
    this.step = i + 1;
    if (this.levels !== null && this.extinctH === null) this.levels.advance(i, t1);
    this.record(i + 1);
    return !this.finished;
  }

  /** The Gillespie loop of step i over the sensitive and persister pools. */
  private twoPoolStep(i: number): void {
    const { tl, rng, store, levels, watch } = this;
    const counts = store.counts;
    const capacity = this.s.population.capacity ?? 0;
    const t1 = tl.boundaries[i + 1];
    const bS = tl.divisionS[i];
    const dS = tl.deathS[i];
    const eS = tl.entry[i];
    const bP = tl.divisionP[i];
    const dP = tl.deathP[i];
    const xP = tl.exit[i];
    let t = this.t;
    let clock = this.clock;
    let divisions = 0;
    let deaths = 0;
    let entries = 0;
    let exits = 0;
    let extinctH: number | null = null;
    for (;;) {
      const nS = counts[SENSITIVE];
      const nP = counts[PERSISTER];
      const crowd = capacity > 0 ? Math.max(0, 1 - (nS + nP) / capacity) : 1;
      const divS = bS * crowd;
      const divP = bP * crowd;
      const perS = divS + dS + eS;
      const perP = divP + dP + xP;
      const propS = nS * perS;
      const total = propS + nP * perP;
      if (total <= 0) break;
      const wait = clock / total;
      if (t + wait >= t1) {
        clock -= total * (t1 - t);
        break;
      }
      t += wait;
      clock = -Math.log(1 - rng());
      let r = rng.double() * total;
      if (r < propS) {
        const k = Math.min(nS - 1, Math.floor(r / perS));
        r -= k * perS;
        if (r < divS) {
          const j = store.divide(SENSITIVE, k, t);
          if (levels !== null) levels.born(SENSITIVE, k, j);
          divisions++;
          watch.grew(t, nS + nP + 1);
        } else if (r < divS + dS) {
          store.remove(SENSITIVE, k);
          deaths++;
          watch.shrank(t, nS + nP - 1, nP);
          if (nS + nP === 1) extinctH = t;
        } else {
          store.move(SENSITIVE, k, PERSISTER, t);
          entries++;
        }
      } else {
        r -= propS;
        const k = Math.min(nP - 1, Math.floor(r / perP));
        r -= k * perP;
        if (r < divP) {
          const j = store.divide(PERSISTER, k, t);
          if (levels !== null) levels.born(PERSISTER, k, j);
          divisions++;
          watch.grew(t, nS + nP + 1);
        } else if (r < divP + dP) {
          store.remove(PERSISTER, k);
          deaths++;
          watch.shrank(t, nS + nP - 1, nP - 1);
          if (nS + nP === 1) extinctH = t;
        } else {
          store.move(PERSISTER, k, SENSITIVE, t);
          exits++;
        }
      }
      if (extinctH !== null) break;
    }
    this.clock = clock;
    this.divisions += divisions;
    this.deaths += deaths;
    this.entries += entries;
    this.exits += exits;
    this.extinctH = extinctH;
  }

  /** Step i over three pools, with mutation (clonalLoop.ts); the loop state lives in `st`. */
  private threePoolStep(i: number, rates: ClonalRates, st: LoopState): void {
    const tl = this.tl;
    rates.bS = tl.divisionS[i];
    rates.dS = tl.deathS[i];
    rates.eS = tl.entry[i];
    rates.bP = tl.divisionP[i];
    rates.dP = tl.deathP[i];
    rates.xP = tl.exit[i];
    rates.bR = tl.divisionR[i];
    rates.dR = tl.deathR[i];
    st.t = this.t;
    st.clock = this.clock;
    clonalStep(this.store, this.rng, this.watch, this.levels, this.s.population.capacity ?? 0, tl.boundaries[i + 1], rates, st);
    this.clock = st.clock;
    this.extinctH = st.extinctH;
  }

  outcome(): ReplicateOutcome {
    const counts = this.store.counts;
    const levels = this.levels;
    const st = this.clonal?.state;
    const entries = this.entries + (st?.entries ?? 0) + (levels?.entries ?? 0);
    const exits = this.exits + (st?.exits ?? 0) + (levels?.exits ?? 0);
    const divisions = this.divisions + (st?.divisions ?? 0);
    const deaths = this.deaths + (st?.deaths ?? 0);
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
      counters: st !== undefined ? { ...counters, mutations: st.mutations } : counters,
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
