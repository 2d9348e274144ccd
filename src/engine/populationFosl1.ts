// The FOSL1 switch as compartments for the population engine: one compartment per bin of
// the level and phenotype (model/fosl1Grid.ts). Within a sub-step a cell divides or dies
// at its phenotype's rates (fates matched to the exact birth-death moments,
// populationFates.ts; daughters placed by the inheritance kernel); at the end of the
// sub-step every cell's level jumps between neighbouring bins (populationLattice.ts), the
// lattice version of the agent engine's level update. With a resistant phenotype one more
// compartment, after the bins, holds the resistant cells: fed by mutant divisions from every
// bin (the moves), never switching, carrying no level (prepare). The jumps discretise the level's
// Fokker-Planck equation
//   dn/dt = -(f n)' + (noise^2 / 2) n''
// with Scharfetter-Gummel rates (Scharfetter & Gummel 1969, IEEE Trans Electron Devices
// 16:64) across the interface between bins k - 1 and k: up = D/dx^2 B(-z), down = D/dx^2 B(z),
// B(z) = z / (e^z - 1), D = noise^2 / 2, z = dU / D with dU the drift's integral between the two
// centres (Simpson's rule; model/fosl1Drift.ts, under the timeline step's averaged forcing).
// Every rate is positive, and up / down = e^z: the stationary ratio of the two bins is
// exp(dU / D), that of the continuous density exp(2 U / noise^2), so the lattice keeps the
// drug-free steady state and the rates of crossing the barrier between the two steady levels
// (the persister fraction of a growing tumour is within 1% of model/fosl1SteadyState.ts at
// 64 bins, test/population). Where the drift dominates (|z| >> 1) the rates become upwind:
// transport is right on average but lags by up to dx / 2 (a level falling fivefold is off by
// 2% at 64 bins, 0.5% at 256 in the tests). A moving distribution spreads with the diffusion
// D Pe coth(Pe), Pe = |f| dx / (2 D) the cell Peclet number, instead of D (about Pe^2 / 3 too
// fast; a lattice walk's variance rate is at least |f| dx, so no positive rates do better):
// the default bins hold Pe <= 0.25 where a fixed initial level relaxes (model/fosl1Bins.ts),
// and test/fosl1/ouTransient.test.ts measures it. With noise 0 the rates are the upwind ones,
// max(f, 0)/dx and max(-f, 0)/dx.
import { fosl1Drift, type Fosl1Forcing } from '../model/fosl1Drift.js';
import { latticeBins } from '../model/fosl1Bins.js';
import { binOf, compartmentAt, fosl1Grid, inheritanceKernel, nearestOfPool, type Fosl1Grid } from '../model/fosl1Grid.js';
import { hasResistance, initialResistantFraction, mutationProbabilities } from '../model/resistance.js';
import { populationSteadyState } from '../model/fosl1SteadyState.js';
import type { Fosl1Switch, Scenario } from '../model/scenario.js';
import type { Timeline } from '../model/timeline.js';
import { multinomialInto } from '../rng/multinomial.js';
import type { RandomStream } from '../rng/stream.js';
import { expm1Over, factorialMoment2, setFates } from './populationFates.js';
import { LatticeJumps } from './populationLattice.js';
import { R, roundRandom } from './populationTwoState.js';
import type { CompartmentModel, Sparse, Transitions } from './populationModel.js';
import { subStepLimit } from './populationStep.js';

/** B(z) = z / (e^z - 1), 1 at z = 0. */
function bernoulli(z: number): number {
  return Math.abs(z) < 1e-8 ? 1 - z / 2 : z / Math.expm1(z);
}

function sparse(lists: number[][]): Sparse {
  const start = new Int32Array(lists.length + 1);
  for (let c = 0; c < lists.length; c++) start[c + 1] = start[c] + lists[c].length;
  return { start, to: Int32Array.from(lists.flat()) };
}

export class Fosl1Compartments implements CompartmentModel {
  readonly grid: Fosl1Grid;
  readonly size: number;
  readonly phenotype: Uint8Array;
  readonly level: Float64Array;
  readonly moves: Sparse;
  readonly moveDivides: Uint8Array;
  readonly kids: Sparse;
  readonly kidProb: Float64Array;
  readonly jumps: Sparse;
  /** The lattice's jumps; its one-bin rates are those of timeline step `ratesStep`. */
  private readonly lattice: LatticeJumps;
  private ratesStep = -1;
  /** The step, sub-step length and transitions of the last jump probabilities computed. */
  private jumpsFor: Transitions | null = null;
  private jumpsStep = -1;
  private jumpsH = 0;
  /** Up rate from bin k - 1 and down rate from bin k across the interface at k dx. */
  private readonly up: Float64Array;
  private readonly down: Float64Array;
  private readonly D: number;
  /** With a resistant phenotype: its compartment (after the bins), and the mutation probabilities per division; else -1. */
  private readonly resistant: number;
  private readonly uS: number;
  private readonly uP: number;

  constructor(private readonly s: Scenario, private readonly sw: Fosl1Switch, private readonly tl: Timeline, bins = latticeBins(s, sw)) {
    const g = fosl1Grid(s, sw, bins);
    this.grid = g;
    const resistance = hasResistance(s);
    this.resistant = resistance ? g.size : -1;
    this.size = g.size + (resistance ? 1 : 0);
    const u = mutationProbabilities(s);
    this.uS = u.sensitive;
    this.uP = u.persister;
    this.phenotype = resistance ? Uint8Array.from([...g.phenotype, R]) : g.phenotype;
    // Resistant cells keep no level that matters (the agent engine's stay fixed); 0 here.
    this.level = resistance ? Float64Array.from([...g.level, 0]) : g.level;
    // The moves are the mutant divisions: every bin's cells give resistant daughters.
    this.moves = resistance
      ? { start: Int32Array.from({ length: this.size + 1 }, (_, c) => Math.min(c, g.size)), to: new Int32Array(g.size).fill(g.size) }
      : { start: new Int32Array(g.size + 1), to: new Int32Array(0) };
    this.moveDivides = new Uint8Array(this.moves.to.length).fill(1);
    this.D = (sw.noise * sw.noise) / 2;

    const jumpLists: number[][] = [];
    for (let c = 0; c < g.size; c++) {
      const b = g.bin[c];
      const list: number[] = [];
      if (b + 1 < g.bins) list.push(compartmentAt(g, b + 1, g.phenotype[c]));
      if (b > 0) list.push(compartmentAt(g, b - 1, g.phenotype[c]));
      jumpLists.push(list);
    }
    if (resistance) jumpLists.push([]);
    this.lattice = new LatticeJumps(jumpLists);
    this.jumps = this.lattice.jumps;
    this.up = new Float64Array(g.bins + 1);
    this.down = new Float64Array(g.bins + 1);

    const kernel = inheritanceKernel((sw.inheritanceNoise / g.dx) ** 2);
    const w = (kernel.length - 1) / 2;
    const kidLists: number[][] = [];
    const probs: number[] = [];
    for (let c = 0; c < g.size; c++) {
      const merged = new Map<number, number>();
      for (let k = -w; k <= w; k++) {
        const to = compartmentAt(g, g.bin[c] + k, g.phenotype[c]);
        merged.set(to, (merged.get(to) ?? 0) + kernel[k + w]);
      }
      kidLists.push([...merged.keys()]);
      probs.push(...merged.values());
    }
    if (resistance) {
      kidLists.push([g.size]);
      probs.push(1);
    }
    this.kids = sparse(kidLists);
    this.kidProb = Float64Array.from(probs);
  }

  seed(n0: number, rng: RandomStream, counts: Float64Array, expected: boolean): void {
    const { sw, grid } = this;
    const weights = new Float64Array(grid.size);
    if (sw.initialLevel === 'stationary') {
      const st = populationSteadyState(sw, this.s.phenotypes.sensitive, this.s.phenotypes.persister);
      if (st.cdf.length === 0) {
        weights[nearestOfPool(grid, binOf(grid, st.deterministicLevel), st.persisterFraction === 1 ? 1 : 0)] = 1;
      } else {
        let prev = 0;
        for (let u = 0; u < st.cdf.length; u++) {
          const b = binOf(grid, (st.cell[u] + 0.5) * st.h);
          weights[nearestOfPool(grid, b, st.persister[u])] += st.cdf[u] - prev;
          prev = st.cdf[u];
        }
      }
    } else {
      // Between the two bin centres around the level, so that the mean level starts exact.
      const pool = sw.initialLevel > sw.onThreshold ? 1 : 0;
      const b = binOf(grid, sw.initialLevel);
      const offset = (sw.initialLevel - (grid.x0 + (b + 0.5) * grid.dx)) / grid.dx;
      const other = offset >= 0 ? b + 1 : b - 1;
      const w = other < 0 || other >= grid.bins ? 0 : Math.abs(offset);
      weights[nearestOfPool(grid, b, pool)] += 1 - w;
      if (w > 0) weights[nearestOfPool(grid, other, pool)] += w;
    }
    // The agent engine's rule: the resistant cells first (a count rounded at random), the rest by their levels.
    const f = initialResistantFraction(this.s);
    const r0 = this.resistant < 0 || f === 0 ? 0 : expected ? n0 * f : Math.min(n0, roundRandom(n0 * f, rng));
    if (expected) for (let c = 0; c < weights.length; c++) counts[c] = (n0 - r0) * weights[c];
    else multinomialInto(rng, n0 - r0, weights, counts);
    if (this.resistant >= 0) counts[this.resistant] = r0;
  }

  /** One-bin jump rates under the forcing of timeline step i: Scharfetter-Gummel at each interface between bins k - 1 and k. */
  private rates(i: number): void {
    if (this.ratesStep === i) return;
    this.ratesStep = i;
    const { grid, lattice, sw, D } = this;
    const tl = this.tl;
    const f: Fosl1Forcing = { block: tl.block[i], blockedStress: tl.blockedStress[i], promote: tl.promote[i] };
    const dx = grid.dx;
    const up = this.up;
    const down = this.down;
    const at = (x: number) => fosl1Drift(sw, Math.max(0, x), f);
    for (let k = 1; k < grid.bins; k++) {
      // The mean drift between the centres of bins k - 1 and k (Simpson's rule): z is the
      // difference of the potential between the centres over D.
      const edge = grid.x0 + k * dx;
      const drift = (at(edge - dx / 2) + 4 * at(edge) + at(edge + dx / 2)) / 6;
      if (D > 0) {
        const z = (drift * dx) / D;
        const bUp = bernoulli(-z);
        up[k] = (D / (dx * dx)) * bUp;
        down[k] = (D / (dx * dx)) * (bUp - z);
      } else {
        up[k] = Math.max(drift, 0) / dx;
        down[k] = Math.max(-drift, 0) / dx;
      }
    }
    const one = lattice.one;
    for (let c = 0; c < grid.size; c++) {
      const b = grid.bin[c];
      let e = one.start[c];
      if (b + 1 < grid.bins) lattice.rate[e++] = up[b + 1];
      if (b > 0) lattice.rate[e++] = down[b];
    }
  }

  /** Whether the jumps are probabilities wherever a cell may be at the end of the sub-step: where cells are, and where their daughters go. */
  private jumpsValid(counts: Float64Array): boolean {
    const { lattice, kids } = this;
    for (let c = 0; c < this.size; c++) {
      if (counts[c] === 0) continue;
      if (!lattice.isValid(c)) return false;
      for (let k = kids.start[c]; k < kids.start[c + 1]; k++) if (!lattice.isValid(kids.to[k])) return false;
    }
    return true;
  }

  netGrowth(i: number, crowd: number, out: Float64Array): void {
    const tl = this.tl;
    for (let c = 0; c < this.size; c++) {
      const p = this.phenotype[c];
      out[c] = p === 1 ? tl.divisionP[i] * crowd - tl.deathP[i] : p === R ? tl.divisionR[i] * crowd - tl.deathR[i] : tl.divisionS[i] * crowd - tl.deathS[i];
    }
  }

  maxSubStep(i: number, counts: Float64Array): number {
    this.rates(i);
    const tl = this.tl;
    let k = Math.max(tl.divisionS[i] + tl.deathS[i], tl.divisionP[i] + tl.deathP[i]);
    if (this.resistant >= 0) k = Math.max(k, tl.divisionR[i] + tl.deathR[i]);
    return subStepLimit(k, this.lattice.largestRateNear(counts));
  }

  /**
   * Fates of a sub-step. A division of a sensitive (persister) cell is normal at b (1 - u) and
   * mutant at b u: the mutant keeps the mother and puts its other daughter in the resistant
   * compartment. A cell's own-pool descendants grow at lambda = b (1 - u) crowd - d and its
   * resistant ones are E_R = b u crowd integral_0^h e^{lambda s} e^{mu (h - s)} ds, mu = b_R crowd - d_R
   * (the resistant analogue of populationTwoState.ts's three-type mean); without resistance u = 0.
   */
  prepare(i: number, h: number, crowd: number, tr: Transitions, counts: Float64Array): boolean {
    this.rates(i);
    if (this.jumpsFor !== tr || this.jumpsStep !== i || this.jumpsH !== h) {
      this.lattice.probabilities(h, tr.pJump);
      this.jumpsFor = tr;
      this.jumpsStep = i;
      this.jumpsH = h;
    }
    if (!this.jumpsValid(counts)) return false;
    const tl = this.tl;
    const R0 = this.resistant;
    const mu = R0 >= 0 ? tl.divisionR[i] * crowd - tl.deathR[i] : 0;
    for (let pool = 0; pool < 2; pool++) {
      const b = pool === 1 ? tl.divisionP[i] : tl.divisionS[i];
      const d = pool === 1 ? tl.deathP[i] : tl.deathS[i];
      const u = R0 < 0 ? 0 : pool === 1 ? this.uP : this.uS;
      const lambda = b * (1 - u) * crowd - d;
      const own = Math.exp(lambda * h);
      const toR = u > 0 ? b * u * crowd * Math.exp(mu * h) * expm1Over(lambda - mu, h) : 0;
      // Fates are the same for every compartment of a pool: set the first, copy to the others.
      let first = -1;
      for (let c = 0; c < this.grid.size; c++) {
        if (this.phenotype[c] !== pool) continue;
        tr.division[c] = b * (1 - u);
        tr.death[c] = d;
        if (R0 >= 0) {
          tr.moveRate[c] = b * u;
          tr.pMove[c] = toR;
        }
        if (first < 0) {
          if (!setFates(tr, c, own - toR, toR, factorialMoment2(b * (1 - u) * crowd, d, h))) return false;
          tr.growth[c] += toR;
          first = c;
        } else {
          tr.pDie[c] = tr.pDie[first];
          tr.pDivide[c] = tr.pDivide[first];
          tr.growth[c] = tr.growth[first];
        }
      }
    }
    if (R0 >= 0) {
      tr.division[R0] = tl.divisionR[i];
      tr.death[R0] = tl.deathR[i];
      if (!setFates(tr, R0, Math.exp(mu * h), 0, factorialMoment2(tl.divisionR[i] * crowd, tl.deathR[i], h))) return false;
    }
    return true;
  }
}
