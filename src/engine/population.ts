// The population engine: the tumour as counts per compartment (populationModel.ts), advanced
// one timeline step at a time in sub-steps (populationStep.ts). In each sub-step a
// compartment holding more than `exactBelow` cells is leaped: the fates of all its cells
// are drawn at once as chained binomials (populationLeap.ts; binomial tau-leaping, Tian &
// Burrage 2004, Chatterjee et al. 2005), at a cost that does not depend on its size, with
// fates matched to the exact mean and variance of the process over the sub-step
// (populationFates.ts). A compartment holding few cells is advanced event by event by the
// Gillespie direct method instead (populationExact.ts; Gillespie 1977), so rare persisters
// and the last cells before extinction are exact. Counts are doubles holding exact integers
// up to 2^53 (every draw is an integer, every sum of two is exact below 2^53); a run that
// would pass 2^53 cells stops with an error.
//
// Crowding: the leap takes the division factor 1 - N / capacity at the burden predicted for
// the middle of the sub-step (from the net growth rates at its start), the exact part
// re-evaluates it after every event.
//
// Time resolution: while every compartment is exact, nadir, relapse and extinction are at
// the exact event times, as in the agent engine. While some compartment is leaped the
// burden is known at sub-step ends: the nadir is the lowest sub-step end, relapse the time
// the threshold is crossed by log-linear interpolation of the burden within the sub-step,
// and extinction (only possible by a leap when every cell dies in one sub-step) the
// sub-step's end.
//
// Adaptive dosing (engine/adaptiveDosing.ts): at each check the replicate's own burden turns
// the drug on or off for the steps to the next check, as in the agent engine.
//
// Lineage barcodes (populationClones.ts): one copy of the compartments per barcode, each
// leaped or advanced exactly by its own cells, so a small clone is exact. Clones are
// counted at the lineage sample times (step boundaries) and when the burden regrows to the
// relapse threshold: at the event while every cell is exact, else at the end of the sub-step
// in which the threshold is crossed.
//
// Random numbers: every draw of replicate r comes from the stream it is given, in a fixed
// order, so a replicate's result does not depend on which worker runs it.
import { latticeBins } from '../model/fosl1Bins.js';
import { relapseThreshold, type Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import type { RandomStream } from '../rng/stream.js';
import { AdaptiveDosing } from './adaptiveDosing.js';
import { BurdenWatch } from './burdenWatch.js';
import { clonesRecord, type CloneSample } from './lineage.js';
import type { ReplicateOutcome } from './outcome.js';
import { ExactPart } from './populationExact.js';
import { Fosl1Compartments } from './populationFosl1.js';
import { barcodeCap, ClonedCompartments, populationBarcodes } from './populationClones.js';
import { Leaper, type Tally } from './populationLeap.js';
import { Transitions, type CompartmentModel } from './populationModel.js';
import { TwoStateCompartments } from './populationTwoState.js';

/** A compartment with at most this many cells at the start of a sub-step is advanced exactly. */
export const EXACT_BELOW = 100;
/** The largest count a double holds exactly. */
export const MAX_COUNT = 2 ** 53;
/** Halvings of a sub-step whose fates are not probabilities before giving up. */
const MAX_HALVINGS = 40;

export interface PopulationOptions {
  /** Compartments with at most this many cells are advanced exactly (default EXACT_BELOW; 0: leap everything). */
  readonly exactBelow?: number;
  /** FOSL1 switch: bins of the level (default: the cell Peclet rule, model/fosl1Bins.ts latticeBins). */
  readonly bins?: number;
  /** Mean field: every draw replaced by its expectation, nothing exact, no barcodes (the pilot of engine: auto). */
  readonly expected?: boolean;
  /** Lineage barcodes: the most barcodes tracked (default populationClones.ts's barcodeCap). */
  readonly maxBarcodes?: number;
  /** FOSL1 switch: called at every record time with the cells per bin (the population engine's view of the levels). */
  readonly onLevelBins?: (recordIndex: number, bins: LevelBins) => void;
}

/** The living cells' FOSL1 levels as bins: per compartment its level, phenotype (0 sensitive, 1 persister) and cells. */
export interface LevelBins {
  readonly level: Float64Array;
  readonly phenotype: Uint8Array;
  readonly cells: Float64Array;
}

export class PopulationCountError extends Error {
  constructor(readonly timeH: number) {
    super(
      `the population passed 2^53 (${MAX_COUNT.toExponential(2)}) cells at t = ${timeH.toFixed(1)} h, beyond which counts ` +
        'are no longer exact integers; lower population.initial, set population.capacity, or shorten time.horizon',
    );
  }
}

export function compartmentsFor(s: Scenario, tl: Timeline, bins?: number): CompartmentModel {
  return s.switch.model === 'fosl1' ? new Fosl1Compartments(s, s.switch, tl, bins ?? latticeBins(s, s.switch)) : new TwoStateCompartments(s, tl);
}

/** What drives a run's future (counts, time, extinction), for a particle filter's resampling (PopulationRun.snapshot). */
export interface PopulationState {
  readonly counts: Float64Array;
  readonly step: number;
  readonly t: number;
  readonly extinctH: number | null;
  readonly subSteps: number;
  readonly rec: number;
}

export class PopulationRun {
  readonly model: CompartmentModel;
  /** This replicate's adaptive dosing, when a drug is dosed by the burden (its own copy of the timeline). */
  readonly dosing: AdaptiveDosing | null;
  private readonly tl: Timeline;
  /** Cells per compartment. */
  readonly counts: Float64Array;
  step = 0;
  t = 0;
  extinctH: number | null = null;
  private readonly next: Float64Array;
  private readonly exactCells: Float64Array;
  /** Net growth rates per compartment (the crowding predictor). */
  private readonly rate: Float64Array;
  private readonly tr: Transitions;
  private readonly leaper: Leaper;
  private readonly exact: ExactPart;
  private readonly watch: BurdenWatch;
  private readonly threshold: number;
  private readonly capacity: number;
  private readonly exactBelow: number;
  private readonly expected: boolean;
  private readonly tally: Tally = { divisions: 0, deaths: 0, entries: 0, exits: 0, mutations: 0 };
  private readonly recS: Float64Array;
  private readonly recP: Float64Array;
  private readonly recR: Float64Array | null;
  private readonly recMean: Float64Array | null;
  private readonly recSd: Float64Array | null;
  private rec = 0;
  private subSteps = 0;
  /** Compartment sub-steps taken (sub-steps x compartments): what a run costs (autoEngine.ts). */
  private compartmentSubSteps = 0;
  private subStepsTaken = 0;
  private readonly onLevelBins: PopulationOptions['onLevelBins'];
  /** Whether the model's transitions ignore the counts (two-state), and the key of the last ones prepared. */
  private readonly countsFree: boolean;
  private readonly prepared = { step: -1, h: Number.NaN, crowd: Number.NaN, ok: false };
  /** Lineage barcodes: the clone compartments, or null. */
  private readonly clones: ClonedCompartments | null;
  /** Where the cells are while the exact part runs every cell (the lineage sample at relapse reads them). */
  private live: Float64Array;
  private readonly samples: CloneSample[] = [];
  private relapseSample: CloneSample | null = null;
  private sampleIndex = 0;

  constructor(
    private readonly s: Scenario,
    tl: Timeline,
    private readonly replicate: number,
    rng: RandomStream,
    opts: PopulationOptions = {},
  ) {
    const ad = tl.adaptive;
    this.dosing = ad === null ? null : new AdaptiveDosing(tl, ad, s.drugs[ad.drug].name, s.drugs[ad.drug].adaptive?.dose ?? 0);
    this.tl = this.dosing?.timeline ?? tl;
    const base = compartmentsFor(s, this.tl, opts.bins);
    this.expected = opts.expected ?? false;
    this.clones = s.lineage !== undefined && !this.expected ? new ClonedCompartments(base, populationBarcodes(s.population.initial, opts.maxBarcodes ?? barcodeCap(base.size))) : null;
    this.model = this.clones ?? base;
    this.countsFree = this.model instanceof TwoStateCompartments;
    const size = this.model.size;
    this.counts = new Float64Array(size);
    this.next = new Float64Array(size);
    this.exactCells = new Float64Array(size);
    this.rate = new Float64Array(size);
    this.tr = new Transitions(this.model);
    this.exactBelow = this.expected ? -1 : (opts.exactBelow ?? EXACT_BELOW);
    this.leaper = new Leaper(this.model, rng, this.expected);
    this.exact = new ExactPart(this.model, rng);
    this.onLevelBins = opts.onLevelBins;
    this.capacity = s.population.capacity ?? 0;
    this.threshold = relapseThreshold(s);
    this.model.seed(s.population.initial, rng, this.counts, this.expected);
    this.live = this.counts;
    const nRec = tl.recordTimes.length;
    this.recS = new Float64Array(nRec);
    this.recP = new Float64Array(nRec);
    this.recR = this.model.phenotype.includes(2) ? new Float64Array(nRec) : null;
    this.recMean = this.model.level !== null ? new Float64Array(nRec).fill(NaN) : null;
    this.recSd = this.model.level !== null ? new Float64Array(nRec).fill(NaN) : null;
    const clones = this.clones;
    const onRelapse = clones === null ? null : (t: number) => {
      this.relapseSample = clones.sample(t, this.live);
    };
    this.watch = new BurdenWatch(this.threshold, s.population.initial, this.persisters(), onRelapse);
    this.record(0);
  }

  get finished(): boolean {
    return this.extinctH !== null || this.step >= this.tl.boundaries.length - 1;
  }

  /** Sub-steps, and sub-steps times compartments, so far: what the run costs (autoEngine.ts). */
  get work(): { readonly subSteps: number; readonly compartmentSubSteps: number } {
    return { subSteps: this.subStepsTaken, compartmentSubSteps: this.compartmentSubSteps };
  }

  total(): number {
    let n = 0;
    for (let c = 0; c < this.counts.length; c++) n += this.counts[c];
    return n;
  }

  persisters(): number {
    let n = 0;
    for (let c = 0; c < this.counts.length; c++) if (this.model.phenotype[c] === 1) n += this.counts[c];
    return n;
  }

  /** Whether snapshot/restore can carry this run: not with adaptive dosing or barcodes, whose state is their history. */
  get restorable(): boolean {
    return this.dosing === null && this.clones === null;
  }

  /** A copy of the state that drives the run's future. */
  snapshot(): PopulationState {
    if (!this.restorable) throw new Error('internal: a run with adaptive dosing or barcodes cannot be snapshot');
    return { counts: this.counts.slice(), step: this.step, t: this.t, extinctH: this.extinctH, subSteps: this.subSteps, rec: this.rec };
  }

  /**
   * Continues from a snapshot (of this run or another of the same scenario), with this run's
   * own random stream: a particle filter's resampled tumour. Only the future is taken over;
   * nadir, relapse and counters stay this run's own, so outcome() afterwards is no replicate.
   */
  restore(state: PopulationState): void {
    if (!this.restorable) throw new Error('internal: a run with adaptive dosing or barcodes cannot be restored');
    this.counts.set(state.counts);
    this.step = state.step;
    this.t = state.t;
    this.extinctH = state.extinctH;
    this.subSteps = state.subSteps;
    this.rec = state.rec;
  }

  /** Runs the next timeline step; returns false once the run is finished. */
  advance(): boolean {
    if (this.finished) return false;
    const i = this.step;
    if (this.dosing !== null) this.dosing.atBoundary(i, this.total());
    const t0 = this.tl.boundaries[i];
    const t1 = this.tl.boundaries[i + 1];
    const nSub = Math.max(1, Math.ceil((t1 - t0) / this.model.maxSubStep(i, this.counts) - 1e-9));
    const h = (t1 - t0) / nSub;
    this.subStepsTaken += nSub;
    this.compartmentSubSteps += nSub * this.model.size;
    for (let k = 0; k < nSub && this.extinctH === null; k++) this.subStep(i, t0 + k * h, h, 0);
    this.t = t1;
    this.step = i + 1;
    this.record(i + 1);
    return !this.finished;
  }

  private crowd(n: number): number {
    return this.capacity > 0 ? Math.max(0, 1 - n / this.capacity) : 1;
  }

  /**
   * Fills the transitions for a sub-step; false when its fates are not probabilities. With a
   * carrying capacity the crowding factor is taken at the burden predicted for the middle of
   * the sub-step from the compartments' net growth rates at its start (a midpoint rule).
   */
  private prepare(i: number, h: number, n0: number): boolean {
    const { model, tr, counts } = this;
    let crowd = this.crowd(n0);
    if (this.capacity > 0) {
      model.netGrowth(i, crowd, this.rate);
      let mid = 0;
      for (let c = 0; c < model.size; c++) if (counts[c] > 0) mid += counts[c] * Math.exp((this.rate[c] * h) / 2);
      crowd = this.crowd(mid);
    }
    // The two-state transitions depend on (step, sub-step, crowding) only, so the sub-steps of
    // one step reuse them while those are unchanged (no capacity: always); nothing else writes tr.
    const p = this.prepared;
    if (this.countsFree && p.step === i && p.h === h && p.crowd === crowd) return p.ok;
    const ok = model.prepare(i, h, crowd, tr, counts);
    p.step = i;
    p.h = h;
    p.crowd = crowd;
    p.ok = ok;
    return ok;
  }

  private subStep(i: number, t: number, h: number, halvings: number): void {
    const { model, counts, next, exactCells: g, tr, tally } = this;
    const n0 = this.total();
    if (!this.prepare(i, h, n0)) {
      if (halvings >= MAX_HALVINGS) throw new Error(`internal: no valid sub-step at t = ${t} h`);
      this.subStep(i, t, h / 2, halvings + 1);
      if (this.extinctH === null) this.subStep(i, t + h / 2, h / 2, halvings + 1);
      return;
    }
    // Births and deaths, then the lattice's jumps, in alternating order from one sub-step to
    // the next, so that the splitting error of one sub-step cancels that of the next (a
    // pair is a symmetric, second-order composition; Strang 1968, SIAM J Numer Anal 5:506).
    const jumpsFirst = model.jumps !== null && this.subSteps++ % 2 === 1;
    if (jumpsFirst) {
      this.jumpAll(counts, next);
      counts.set(next);
    }
    next.fill(0);
    g.fill(0);
    let leaped = false;
    let exactAny = false;
    let leapedMid = 0;
    for (let c = 0; c < model.size; c++) {
      const n = counts[c];
      if (n === 0) continue;
      if (n > this.exactBelow) {
        this.leaper.leap(c, n, tr, next, tally);
        leaped = true;
        leapedMid += (n * (1 + tr.growth[c])) / 2;
      } else {
        g[c] = n;
        exactAny = true;
      }
    }
    let extinctAt: number | null = null;
    if (exactAny) {
      this.live = g;
      extinctAt = this.exact.run(g, tr, t, h, this.capacity, leapedMid, leaped ? null : this.watch, tally);
      this.live = counts;
    }
    for (let c = 0; c < model.size; c++) next[c] += g[c];
    if (model.jumps !== null && !jumpsFirst) this.jumpAll(next, counts);
    else counts.set(next);
    const n1 = this.total();
    if (n1 > MAX_COUNT) throw new PopulationCountError(t + h);
    if (leaped) this.watchStepEnd(t, h, n0, n1);
    if (n1 === 0) this.extinctH = extinctAt ?? t + h;
  }

  /** The lattice's jumps of every cell of `from`, into `to`. */
  private jumpAll(from: Float64Array, to: Float64Array): void {
    to.fill(0);
    for (let c = 0; c < this.model.size; c++) if (from[c] > 0) this.leaper.jump(c, from[c], this.tr, to, this.tally);
  }

  /** Nadir and relapse at the end of a leaped sub-step; the threshold crossing interpolated log-linearly. */
  private watchStepEnd(t: number, h: number, n0: number, n1: number): void {
    const thr = this.threshold;
    if (n1 < n0) this.watch.shrank(t + h, n1, this.persisters());
    const crossed = n0 > 0 && n0 < thr && n1 >= thr;
    this.watch.grew(crossed ? t + (h * Math.log(thr / n0)) / Math.log(n1 / n0) : t + h, n1);
  }

  /** Cells of each phenotype (sensitive, persister, resistant) into out. */
  byPhenotype(out: Float64Array): Float64Array {
    out.fill(0);
    for (let c = 0; c < this.counts.length; c++) out[this.model.phenotype[c]] += this.counts[c];
    return out;
  }

  outcome(): ReplicateOutcome {
    const [fS, fP, fR] = this.byPhenotype(new Float64Array(3));
    const resistant = this.recR !== null;
    const { mutations, ...counters } = this.tally;
    const watched = this.watch.result();
    return {
      replicate: this.replicate,
      sensitive: this.recS,
      persister: this.recP,
      ...(this.recR !== null ? { resistant: this.recR } : {}),
      ...watched,
      extinctH: this.extinctH,
      final: resistant ? { sensitive: fS, persister: fP, resistant: fR } : { sensitive: fS, persister: fP },
      counters: { initial: this.s.population.initial, ...counters, ...(resistant ? { mutations } : {}) },
      ...(this.recMean !== null && this.recSd !== null ? { fosl1Mean: this.recMean, fosl1Sd: this.recSd } : {}),
      ...(this.clones !== null ? { clones: clonesRecord(this.clones.clones, this.samples, this.relapseSample, watched, this.clones.sample(this.t, this.counts)) } : {}),
      ...(this.dosing !== null ? { dosing: this.dosing.record() } : {}),
    };
  }

  private record(boundary: number): void {
    const { tl, counts, model } = this;
    const nRec = tl.recordTimes.length;
    const split = new Float64Array(3);
    while (this.rec < nRec && tl.recordBoundary[this.rec] === boundary) {
      const k = this.rec++;
      const [nS, nP, nR] = this.byPhenotype(split);
      this.recS[k] = nS;
      this.recP[k] = nP;
      if (this.recR !== null) this.recR[k] = nR;
      const level = model.level;
      if (level !== null && this.recMean !== null && this.recSd !== null && nS + nP > 0) {
        // Resistant cells carry no level (as in the agent engine): sensitive and persister cells only.
        const phenotype = model.phenotype;
        let sum = 0;
        for (let c = 0; c < counts.length; c++) if (phenotype[c] !== 2) sum += counts[c] * level[c];
        const mean = sum / (nS + nP);
        let ss = 0;
        for (let c = 0; c < counts.length; c++) if (phenotype[c] !== 2) ss += counts[c] * (level[c] - mean) ** 2;
        this.recMean[k] = mean;
        this.recSd[k] = Math.sqrt(ss / (nS + nP));
      }
      if (level !== null && this.onLevelBins !== undefined) this.onLevelBins(k, { level, phenotype: model.phenotype, cells: counts });
    }
    const clones = this.clones;
    if (clones === null) return;
    while (this.sampleIndex < tl.sampleTimes.length && tl.sampleBoundary[this.sampleIndex] === boundary) {
      this.samples.push(clones.sample(tl.sampleTimes[this.sampleIndex++], counts));
    }
  }
}

export function runPopulationReplicate(s: Scenario, tl: Timeline, replicate: number, rng: RandomStream, opts: PopulationOptions = {}): ReplicateOutcome {
  const run = new PopulationRun(s, tl, replicate, rng, opts);
  while (run.advance());
  return run.outcome();
}
