// The exact part of the population engine: the cells of compartments that hold few cells,
// advanced event by event by the Gillespie direct method (Gillespie 1977, J Phys Chem
// 81:2340) at the sub-step's rates, as in the agent engine: division (both daughters placed
// by the model's kernel), death and continuous-time moves, with the crowding factor
// re-evaluated after every event. A cell that moves into a compartment being leaped stays
// here as a guest until the end of the sub-step, so every cell that started in an exact
// compartment is followed exactly; cells that the leap sends into an exact compartment join
// it at the end of the sub-step. When the exact part holds every cell, nadir, relapse and
// extinction are recorded at the exact event times. The next event's compartment is found in
// two Fenwick trees of propensities (fenwickTree.ts), one for the crowded part (divisions)
// and one for the rest, so that an event costs O(log compartments) however many clones
// (populationClones.ts) hold cells.
import type { RandomStream } from '../rng/stream.js';
import { BurdenWatch } from './burdenWatch.js';
import { FenwickTree } from './fenwickTree.js';
import { countMove, type Tally } from './populationLeap.js';
import type { CompartmentModel, Transitions } from './populationModel.js';

export class ExactPart {
  /** Per compartment: the total rate of its switching moves, and of its dividing moves (mutant divisions, before crowding). */
  private readonly moveTotal: Float64Array;
  private readonly divideMove: Float64Array;
  /** Per compartment: its cells x (division + dividing moves), crowded at draw time, and x (death + switching moves). */
  private readonly dividing: FenwickTree;
  private readonly other: FenwickTree;

  constructor(
    private readonly model: CompartmentModel,
    private readonly rng: RandomStream,
  ) {
    this.moveTotal = new Float64Array(model.size);
    this.divideMove = new Float64Array(model.size);
    this.dividing = new FenwickTree(model.size);
    this.other = new FenwickTree(model.size);
  }

  /** Sets compartment c's propensities from its g[c] cells. */
  private update(c: number, g: Float64Array, tr: Transitions): void {
    this.dividing.set(c, g[c] * (tr.division[c] + this.divideMove[c]));
    this.other.set(c, g[c] * (tr.death[c] + this.moveTotal[c]));
  }

  /** Rebuilds both trees' sums exactly from the cells g. */
  private rebuild(g: Float64Array, tr: Transitions): void {
    const { dividing, other, divideMove, moveTotal } = this;
    for (let c = 0; c < g.length; c++) {
      dividing.weight[c] = g[c] * (tr.division[c] + divideMove[c]);
      other.weight[c] = g[c] * (tr.death[c] + moveTotal[c]);
    }
    dividing.reset();
    other.reset();
  }

  /**
   * Runs the cells g over [t0, t0 + h]. Crowding: division x (1 - (others + cells here) / capacity),
   * others the (predicted mid-step) count of the leaped compartments; capacity 0 for none.
   * `watch`: given when g holds every cell. Returns the extinction time, or null.
   */
  run(g: Float64Array, tr: Transitions, t0: number, h: number, capacity: number, others: number, watch: BurdenWatch | null, tally: Tally): number | null {
    const { model, rng, moveTotal, divideMove, dividing, other } = this;
    const { moves, phenotype, moveDivides } = model;
    let n = 0;
    let nP = 0;
    for (let c = 0; c < model.size; c++) {
      let m = 0;
      let divides = 0;
      for (let j = moves.start[c]; j < moves.start[c + 1]; j++) {
        if (moveDivides[j] === 1) divides += tr.moveRate[j];
        else m += tr.moveRate[j];
      }
      moveTotal[c] = m;
      divideMove[c] = divides;
      n += g[c];
      if (phenotype[c] === 1) nP += g[c];
    }
    this.rebuild(g, tr);
    const t1 = t0 + h;
    let t = t0;
    for (;;) {
      const crowd = capacity > 0 ? Math.max(0, 1 - (others + n) / capacity) : 1;
      let a = crowd * dividing.total();
      let total = a + other.total();
      if (!(total > 0)) return null;
      t += -Math.log(1 - rng()) / total;
      if (t >= t1) return null;
      // The event: a compartment by its propensity, then what its cell does by the rest of
      // the point. The trees' sums drift by rounding: a point that lands on an empty
      // compartment rebuilds them and is drawn again.
      let c = -1;
      let divides = false;
      let r = 0;
      for (let attempt = 0; c < 0; attempt++) {
        r = rng.double() * total;
        divides = r < a;
        c = divides ? dividing.find(r / crowd) : other.find(r - a);
        r = (divides ? dividing.residual : other.residual) / g[c];
        if (!(g[c] > 0) || !((divides ? dividing : other).weight[c] > 0)) {
          if (attempt > 0) throw new Error('internal: the exact part found no event');
          c = -1;
          this.rebuild(g, tr);
          a = crowd * dividing.total();
          total = a + other.total();
        }
      }
      if (divides && (r < tr.division[c] || divideMove[c] === 0)) {
        g[c] -= 1;
        if (phenotype[c] === 1) nP -= 1;
        this.update(c, g, tr);
        for (let d = 0; d < 2; d++) {
          const to = this.kid(c);
          g[to] += 1;
          this.update(to, g, tr);
          if (phenotype[to] === 1) nP += 1;
          countMove(phenotype, c, to, 1, tally);
        }
        n += 1;
        tally.divisions++;
        watch?.grew(t, n);
      } else if (!divides && (r < tr.death[c] || moveTotal[c] === 0)) {
        g[c] -= 1;
        this.update(c, g, tr);
        n -= 1;
        if (phenotype[c] === 1) nP -= 1;
        tally.deaths++;
        if (watch !== null) {
          watch.shrank(t, n, nP);
          if (n === 0) return t;
        }
      } else {
        // A move: a dividing one (in the dividing part, its rate uncrowded there) or a switch.
        r -= divides ? tr.division[c] : tr.death[c];
        const first = moves.start[c];
        const end = moves.start[c + 1];
        let j = -1;
        for (let k = first; k < end; k++) {
          if ((moveDivides[k] === 1) !== divides) continue;
          j = k;
          if (r < tr.moveRate[k]) break;
          r -= tr.moveRate[k];
        }
        const to = moves.to[j];
        g[to] += 1;
        this.update(to, g, tr);
        if (divides) {
          n += 1;
          if (phenotype[to] === 1) nP += 1;
          tally.divisions++;
          tally.mutations++;
          watch?.grew(t, n);
        } else {
          g[c] -= 1;
          this.update(c, g, tr);
          nP += (phenotype[to] === 1 ? 1 : 0) - (phenotype[c] === 1 ? 1 : 0);
          countMove(phenotype, c, to, 1, tally);
        }
      }
    }
  }

  /** A daughter's compartment, drawn from the kernel of mothers in compartment c. */
  private kid(c: number): number {
    const { kids, kidProb } = this.model;
    const k0 = kids.start[c];
    const k1 = kids.start[c + 1];
    if (k1 - k0 === 1) return kids.to[k0];
    let u = this.rng.double();
    for (let k = k0; k < k1 - 1; k++) {
      if (u < kidProb[k]) return kids.to[k];
      u -= kidProb[k];
    }
    return kids.to[k1 - 1];
  }
}
