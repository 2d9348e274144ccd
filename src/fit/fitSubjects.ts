// The data of a fit grouped into subjects: each (arm, subject) pair of the CSV is one
// independent tumour, numbered 1, 2, ... in order of first appearance, observed at its own
// times. A subject is simulated only as far as its last observation.
import { recordGrid } from './subject.js';
import type { Dataset, Observable } from './types.js';

export interface SubjectObservation {
  readonly timeH: number;
  /** Index into the fit's observables. */
  readonly observable: number;
  readonly value: number;
  readonly nCells: number | null;
}

export interface FitSubject {
  readonly index: number;
  readonly id: string;
  readonly arm: string;
  readonly horizonH: number;
  /** A record grid holding every observation time. */
  readonly gridH: number;
  readonly observations: readonly SubjectObservation[];
}

export function subjectsOf(data: Dataset, observables: readonly Observable[]): FitSubject[] {
  const byKey = new Map<string, { id: string; arm: string; observations: SubjectObservation[] }>();
  const index = new Map(observables.map((o, i) => [o.name, i]));
  for (const o of data.observations) {
    const key = `${o.arm}\u0000${o.subject}`;
    let s = byKey.get(key);
    if (s === undefined) byKey.set(key, (s = { id: o.subject, arm: o.arm, observations: [] }));
    const k = index.get(o.observable);
    if (k === undefined) throw new Error(`internal: observable '${o.observable}' of the data is not in the fit`);
    s.observations.push({ timeH: o.timeH, observable: k, value: o.value, nCells: o.nCells });
  }
  return [...byKey.values()].map((s, i) => {
    const times = s.observations.map((o) => o.timeH);
    const horizonH = Math.max(...times);
    return { index: i + 1, id: s.id, arm: s.arm, horizonH, gridH: recordGrid([...times, horizonH]), observations: s.observations };
  });
}
