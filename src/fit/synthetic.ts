// Synthetic data at known rates (issue 13, recovery tests and lessons): subjects of each arm
// simulated on the scenario's engine at the rates the scenario holds, observed with the
// observation models' noise, returned as tidy rows or written as the data CSV that `persim
// fit` reads. A subject is one independent tumour: a longitudinal subject is observed at every
// time of its measurements; a satellite measurement (persister profiles of a sacrificed
// tumour) uses fresh subjects, one per time and copy. Subject k (1-based, numbered across arms
// in order) draws its tumour from (seed, k, `synthetic`) and its noise from (seed, k,
// `synthetic/noise`), so the rows do not depend on how many subjects precede it elsewhere.
import { basename, dirname } from 'node:path';
import { writeFilesAtomically } from '../io/atomicWrite.js';
import type { Scenario } from '../model/scenario.js';
import { csvText, type CsvValue } from '../output/csv.js';
import { streamFor } from '../rng/stream.js';
import { drawValue } from './noise.js';
import { cellsAt, fitEngine, onGrid, planSubject, recordGrid, recordIndex, runSubject } from './subject.js';
import type { Observable, Observation } from './types.js';

export interface SyntheticMeasurement {
  readonly observable: string;
  readonly timesH: readonly number[];
  /** Binomial observables: cells profiled per observation. */
  readonly nCells?: number;
  /** Fresh subjects per time (sacrificed at the measurement); absent: the arm's longitudinal subjects. */
  readonly satellitesPerTime?: number;
}

export interface SyntheticArm {
  /** '' when the scenario has no arms. */
  readonly name: string;
  readonly scenario: Scenario;
  /** Longitudinal subjects of this arm. */
  readonly subjects: number;
}

export interface SyntheticDesign {
  readonly arms: readonly SyntheticArm[];
  /** Every observable used; fitted sds must be given here (the true value). */
  readonly observables: readonly Observable[];
  readonly measurements: readonly SyntheticMeasurement[];
  readonly seed: number;
}

interface Subject {
  readonly id: string;
  readonly index: number;
  readonly arm: SyntheticArm;
  readonly measurements: readonly { readonly m: SyntheticMeasurement; readonly timesH: readonly number[] }[];
}

function subjectsOf(design: SyntheticDesign): Subject[] {
  const out: Subject[] = [];
  const longitudinal = design.measurements.filter((m) => m.satellitesPerTime === undefined);
  const satellite = design.measurements.filter((m) => m.satellitesPerTime !== undefined);
  for (const arm of design.arms) {
    const prefix = arm.name === '' ? '' : `${arm.name}-`;
    for (let i = 1; i <= arm.subjects; i++) {
      out.push({ id: `${prefix}m${i}`, index: out.length + 1, arm, measurements: longitudinal.map((m) => ({ m, timesH: m.timesH })) });
    }
    let s = 0;
    for (const m of satellite) {
      for (const t of m.timesH) {
        for (let c = 0; c < (m.satellitesPerTime ?? 0); c++) {
          out.push({ id: `${prefix}s${++s}`, index: out.length + 1, arm, measurements: [{ m, timesH: [t] }] });
        }
      }
    }
  }
  return out;
}

/** The synthetic observations, by subject then measurement then time. */
export function synthesize(design: SyntheticDesign): Observation[] {
  const observables = new Map(design.observables.map((o) => [o.name, o]));
  const rows: Observation[] = [];
  for (const subject of subjectsOf(design)) {
    const times = subject.measurements.flatMap((x) => x.timesH);
    const horizon = Math.max(...times);
    const base = subject.arm.scenario;
    const plan = planSubject(onGrid(base, recordGrid([...times, horizon]), horizon), fitEngine(base));
    const outcome = runSubject(plan, design.seed, 'synthetic', subject.index);
    const noise = streamFor(design.seed, subject.index, 'synthetic/noise');
    for (const { m, timesH } of subject.measurements) {
      const obs = observables.get(m.observable);
      if (obs === undefined) throw new Error(`synthetic design: no observable named '${m.observable}'`);
      for (const t of timesH) {
        const { cells, total } = cellsAt(outcome, recordIndex(plan, t), obs.quantity);
        const nCells = obs.noise === 'binomial' ? (m.nCells ?? 500) : null;
        const value = drawValue(obs, obs.sd ?? 0, nCells, cells, total, noise);
        if (Number.isNaN(value)) continue;
        rows.push({ timeH: t, subject: subject.id, arm: subject.arm.name, observable: obs.name, value, nCells, line: 0 });
      }
    }
  }
  return rows;
}

/** The data CSV of a fit: `day,subject,arm,observable,value,n_cells` (or `time_h` first). */
export function observationsCsv(rows: readonly Observation[], time: 'day' | 'time_h' = 'day'): string {
  const lines: CsvValue[][] = [[time, 'subject', 'arm', 'observable', 'value', 'n_cells']];
  for (const r of rows) {
    const t = time === 'day' ? r.timeH / 24 : r.timeH;
    // Times and values in full (String, not the outputs' 6 digits): the data are read back as written.
    lines.push([String(t), r.subject, r.arm, r.observable, String(r.value), r.nCells === null ? null : String(r.nCells)]);
  }
  return csvText(lines);
}

/** Writes the data CSV whole (a temporary file, then a rename). */
export function writeObservationsCsv(path: string, rows: readonly Observation[], time: 'day' | 'time_h' = 'day'): string {
  return writeFilesAtomically(dirname(path), { [basename(path)]: observationsCsv(rows, time) })[0];
}
