// The exact part of the population engine: the cells of compartments that hold few cells,
// advanced event by event by the Gillespie direct method (Gillespie 1977, J Phys Chem
// 81:2340) at the sub-step's rates, as in the agent engine: division (both daughters placed
// by the model's kernel), death and continuous-time moves, with the crowding factor
// re-evaluated after every event. A cell that moves into a compartment being leaped stays
// here as a guest until the end of the sub-step, so every cell that started in an exact
// compartment is followed exactly; cells that the leap sends into an exact compartment join
// it at the end of the sub-step. When the exact part holds every cell, nadir, relapse and
// extinction are recorded at the exact event times.
import type { RandomStream } from '../rng/stream.js';
import { BurdenWatch } from './burdenWatch.js';
import { countMove, type Tally } from './populationLeap.js';
import type { CompartmentModel, Transitions } from './populationModel.js';

export class ExactPart {
  private readonly active: Int32Array;
  private readonly isActive: Uint8Array;
  private readonly moveTotal: Float64Array;
  /** Per compartment: the total rate of its dividing moves (mutant divisions), before crowding. */
  private readonly divideMove: Float64Array;
  private nActive = 0;

  constructor(
    private readonly model: CompartmentModel,
    private readonly rng: RandomStream,
  ) {
    this.active = new Int32Array(model.size);
    this.isActive = new Uint8Array(model.size);
    this.moveTotal = new Float64Array(model.size);
    this.divideMove = new Float64Array(model.size);
  }

  private activate(c: number): void {
    if (this.isActive[c] === 0) {
      this.isActive[c] = 1;
      this.active[this.nActive++] = c;
    }
  }

  /**
   * Runs the cells g over [t0, t0 + h]. Crowding: division x (1 - (others + cells here) / capacity),
   * others the (predicted mid-step) count of the leaped compartments; capacity 0 for none.
   * `watch`: given when g holds every cell. Returns the extinction time, or null.
   */
  run(g: Float64Array, tr: Transitions, t0: number, h: number, capacity: number, others: number, watch: BurdenWatch | null, tally: Tally): number | null {
    const { model, rng, active, moveTotal, divideMove } = this;
    const { moves, phenotype } = model;
    this.nActive = 0;
    this.isActive.fill(0);
    let n = 0;
    let nP = 0;
    const { moveDivides } = model;
    for (let c = 0; c < model.size; c++) {
      let m = 0;
      let dividing = 0;
      for (let j = moves.start[c]; j < moves.start[c + 1]; j++) {
        if (moveDivides[j] === 1) dividing += tr.moveRate[j];
        else m += tr.moveRate[j];
      }
      moveTotal[c] = m;
      this.divideMove[c] = dividing;
      if (g[c] > 0) {
        this.activate(c);
        n += g[c];
        if (phenotype[c] === 1) nP += g[c];
      }
    }
    const t1 = t0 + h;
    let t = t0;
    for (;;) {
      const crowd = capacity > 0 ? Math.max(0, 1 - (others + n) / capacity) : 1;
      let total = 0;
      for (let a = 0; a < this.nActive; a++) {
        const c = active[a];
        total += g[c] * ((tr.division[c] + divideMove[c]) * crowd + tr.death[c] + moveTotal[c]);
      }
      if (total <= 0) return null;
      t += -Math.log(1 - rng()) / total;
      if (t >= t1) return null;
      let r = rng.double() * total;
      let c = active[this.nActive - 1];
      for (let a = 0; a < this.nActive; a++) {
        const cc = active[a];
        const prop = g[cc] * ((tr.division[cc] + divideMove[cc]) * crowd + tr.death[cc] + moveTotal[cc]);
        if (r < prop) {
          c = cc;
          break;
        }
        r -= prop;
      }
      r /= g[c];
      const div = tr.division[c] * crowd;
      if (r < div) {
        g[c] -= 1;
        if (phenotype[c] === 1) nP -= 1;
        for (let d = 0; d < 2; d++) {
          const to = this.kid(c);
          g[to] += 1;
          this.activate(to);
          if (phenotype[to] === 1) nP += 1;
          countMove(phenotype, c, to, 1, tally);
        }
        n += 1;
        tally.divisions++;
        watch?.grew(t, n);
      } else if (r < div + tr.death[c] || moveTotal[c] + divideMove[c] === 0) {
        g[c] -= 1;
        n -= 1;
        if (phenotype[c] === 1) nP -= 1;
        tally.deaths++;
        if (watch !== null) {
          watch.shrank(t, n, nP);
          if (n === 0) return t;
        }
      } else {
        r -= div + tr.death[c];
        // The moves, each at its rate, a dividing move's crowded.
        let j = moves.start[c];
        const end = moves.start[c + 1] - 1;
        for (; j < end; j++) {
          const rate = moveDivides[j] === 1 ? tr.moveRate[j] * crowd : tr.moveRate[j];
          if (r < rate) break;
          r -= rate;
        }
        const to = moves.to[j];
        g[to] += 1;
        this.activate(to);
        if (moveDivides[j] === 1) {
          n += 1;
          if (phenotype[to] === 1) nP += 1;
          tally.divisions++;
          tally.mutations++;
          watch?.grew(t, n);
        } else {
          g[c] -= 1;
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
