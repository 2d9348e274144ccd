// A fit's model at one parameter vector: the scenario of each arm with the fitted values
// set (the values --set would write, so every draw is validated like the file; see
// fittedScenario.ts), its subjects' simulated likelihood, and the posterior-predictive simulations. It
// is what a fit worker holds; built from plain data so that it crosses to worker threads.
import { relapseTime } from '../analysis/relapseEvent.js';
import { PopulationCountError } from '../engine/population.js';
import type { Scenario } from '../model/scenario.js';
import type { RandomStream } from '../rng/stream.js';
import { streamFor } from '../rng/stream.js';
import { loadArms } from '../scenario/arms.js';
import { parseScenarioDocument, type ParsedScenario } from '../scenario/load.js';
import type { FitSubject } from './fitSubjects.js';
import { FittedScenarios } from './fittedScenario.js';
import { logMeanExp, subjectLogLik } from './likelihood.js';
import { filterable, filteredLogLik } from './particleFilter.js';
import { drawValue } from './noise.js';
import { cellsAt, fitEngine, onGrid, planSubject, recordIndex, runSubject } from './subject.js';
import type { FitParameter, Observable, PredictiveRun } from './types.js';

export interface FitModelInit {
  readonly scenarioText: string;
  readonly file: string;
  readonly seed: number;
  readonly parameters: readonly FitParameter[];
  readonly observables: readonly Observable[];
  readonly subjects: readonly FitSubject[];
  /** Simulated tumours per subject in a likelihood estimate. */
  readonly replicatesPerSubject: number;
}

/** A point of an observable's posterior-predictive band. */
export interface BandPoint {
  readonly timeH: number;
  readonly observable: number;
  readonly nCells: number | null;
}

export { setArgument } from './setArgument.js';

export class FitModel {
  private readonly parsed: ParsedScenario;
  private readonly armSets = new Map<string, readonly string[]>();
  private fittedScenarios: FittedScenarios | null = null;

  constructor(readonly init: FitModelInit) {
    this.parsed = parseScenarioDocument(init.scenarioText, init.file);
    const arms = loadArms(this.parsed);
    if (arms.length === 0) this.armSets.set('', []);
    for (const a of arms) this.armSets.set(a.name, a.sets);
  }

  /** The arm's scenario at theta; null when the scenario refuses the values (outside what it allows). */
  scenario(theta: readonly number[], arm: string): Scenario | null {
    this.fittedScenarios ??= new FittedScenarios(this.parsed, this.init.parameters, this.armSets);
    return this.fittedScenarios.at(theta, arm);
  }

  /** Each observable's noise sd at theta (fitted or fixed; 0 where unused). */
  sds(theta: readonly number[]): number[] {
    return this.init.observables.map((o) => {
      const j = this.init.parameters.findIndex((p) => p.target.kind === 'noise-sd' && p.target.observable === o.name);
      return j >= 0 ? theta[j] : (o.sd ?? 0);
    });
  }

  /** ln of the simulated likelihood of every subject at theta, simulations named `<name>/<m>`. */
  logLik(theta: readonly number[], name: string): number {
    const { subjects, observables, seed, replicatesPerSubject: m } = this.init;
    const sds = this.sds(theta);
    const scenarios = new Map<string, Scenario | null>();
    let total = 0;
    const lls = new Array<number>(m);
    for (const subject of subjects) {
      let s = scenarios.get(subject.arm);
      if (s === undefined) scenarios.set(subject.arm, (s = this.scenario(theta, subject.arm)));
      if (s === null) return -Infinity;
      const plan = planSubject(onGrid(s, subject.gridH, subject.horizonH), fitEngine(s));
      if (filterable(plan)) {
        try {
          total += filteredLogLik(plan, subject, observables, sds, seed, name, m);
        } catch (err) {
          if (!(err instanceof PopulationCountError)) throw err;
          return -Infinity; // beyond 2^53 cells: no measured tumour is that large
        }
        if (total === -Infinity) return total;
        continue;
      }
      for (let r = 0; r < m; r++) {
        try {
          lls[r] = subjectLogLik(plan, runSubject(plan, seed, `${name}/${r}`, subject.index), subject, observables, sds);
        } catch (err) {
          if (!(err instanceof PopulationCountError)) throw err;
          lls[r] = -Infinity; // beyond 2^53 cells: no measured tumour is that large
        }
      }
      total += logMeanExp(lls);
      if (total === -Infinity) return total;
    }
    return total;
  }

  /** One posterior-predictive tumour of an arm over the arm's own horizon; null when the scenario refuses theta. */
  predictRun(theta: readonly number[], arm: string, index: number): PredictiveRun | null {
    const s = this.scenario(theta, arm);
    if (s === null) return null;
    const plan = planSubject(s, fitEngine(s));
    try {
      const o = runSubject(plan, this.init.seed, 'predict', index);
      return { responded: o.responded, relapse_h: relapseTime(o), extinct_h: o.extinctH, nadir_cells: o.nadirCells };
    } catch (err) {
      if (!(err instanceof PopulationCountError)) throw err;
      throw new Error(`${arm === '' ? 'the prediction' : `arm '${arm}'`}: ${err.message} (under a posterior draw)`);
    }
  }

  /**
   * Observed values of one simulated subject of an arm at the given points (NaN where none
   * can be observed), from the streams (seed, index, `<name>`) and (seed, index, `<name>/noise`):
   * a posterior-predictive band's subject, or a calibration check's synthetic one.
   */
  bandValues(theta: readonly number[], arm: string, index: number, points: readonly BandPoint[], gridH: number, name = 'band'): number[] {
    const s = this.scenario(theta, arm);
    if (s === null) return points.map(() => NaN);
    const horizonH = Math.max(...points.map((p) => p.timeH));
    const plan = planSubject(onGrid(s, gridH, horizonH), fitEngine(s));
    const sds = this.sds(theta);
    let o: ReturnType<typeof runSubject>;
    try {
      o = runSubject(plan, this.init.seed, name, index);
    } catch (err) {
      if (!(err instanceof PopulationCountError)) throw err;
      return points.map(() => NaN);
    }
    const noise: RandomStream = streamFor(this.init.seed, index, `${name}/noise`);
    return points.map((p) => {
      const obs = this.init.observables[p.observable];
      const { cells, total } = cellsAt(o, recordIndex(plan, p.timeH), obs.quantity);
      return drawValue(obs, sds[p.observable], p.nCells, cells, total, noise);
    });
  }
}
