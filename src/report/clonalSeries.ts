// The clonal results the charts read, built from a simulation in memory (`run`) or from the
// files a run wrote (`report`): clone sizes per lineage sample (clones.csv) and the adaptive
// drug's decisions per replicate (dosing.csv).
import type { Simulation } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import type { Summary } from '../output/summaryJson.js';

/** Clone ranks kept per replicate (the clones chart draws the largest 30). */
export const CLONE_RANKS = 30;

/** Clone sizes at one lineage sample time (or at relapse, timeH null): per replicate, its CLONE_RANKS largest clones, largest first. */
export interface CloneGroup {
  readonly label: string;
  readonly timeH: number | null;
  readonly sizes: readonly (readonly number[])[];
}

/** The adaptive drug's checks: per replicate, the decision and the burden over the baseline. */
export interface DosingSeries {
  readonly drug: string;
  readonly checkTimes: Float64Array;
  readonly on: readonly Uint8Array[];
  readonly relative: readonly Float64Array[];
}

/**
 * The CLONE_RANKS largest values of xs, largest first, in one pass (a sample holds up to
 * 5 x 10^7 clones: sorting them all took seconds and a JS array of them half a gigabyte).
 */
function largest(xs: ArrayLike<number>): number[] {
  const top: number[] = [];
  for (let i = 0; i < xs.length; i++) keep(top, xs[i]);
  return top;
}
const dayLabel = (h: number) => (Number.isInteger(h / 24) ? `day ${h / 24}` : `${Number(h.toPrecision(6))} h`);

function groups(sampleTimes: readonly number[], replicates: number, sample: (r: number, g: number) => number[] | null, relapse: (r: number) => number[] | null): CloneGroup[] {
  const out: CloneGroup[] = sampleTimes.map((t, g) => ({
    label: dayLabel(t),
    timeH: t,
    sizes: Array.from({ length: replicates }, (_, r) => sample(r, g)).filter((x): x is number[] => x !== null),
  }));
  const atRelapse = Array.from({ length: replicates }, (_, r) => relapse(r)).filter((x): x is number[] => x !== null);
  if (atRelapse.length > 0) out.push({ label: 'at relapse', timeH: null, sizes: atRelapse });
  return out;
}

export function cloneGroupsOf(sim: Simulation): CloneGroup[] | undefined {
  const times = sim.scenario.lineage?.sampleAtH;
  if (times === undefined) return undefined;
  const o = sim.outcomes;
  return groups(
    times,
    o.length,
    (r, g) => {
      const c = o[r].clones?.samples[g];
      return c === undefined ? null : largest(c.cells);
    },
    (r) => {
      const c = o[r].clones?.relapse;
      return c == null ? null : largest(c.cells);
    },
  );
}

/** Bytes decoded at a time when clones.csv is read back (it may pass the 2^29 characters of one string). */
const READ_CHUNK = 1 << 22;

/** The lines of a CSV given as text or as bytes (decoded a few megabytes at a time), header included. */
function* csvLines(csv: string | Uint8Array): Generator<string> {
  if (typeof csv === 'string') {
    yield* csv.split('\n');
    return;
  }
  const decoder = new TextDecoder();
  let rest = '';
  for (let at = 0; at < csv.length; at += READ_CHUNK) {
    const lines = (rest + decoder.decode(csv.subarray(at, at + READ_CHUNK), { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  yield rest + decoder.decode();
}

/** clones.csv (as text or bytes) back into groups: rows at a sample time go to it, the others are at relapse. */
export function cloneGroupsFromCsv(csv: string | Uint8Array, scenario: Scenario, summary: Summary): CloneGroup[] | undefined {
  const times = scenario.lineage?.sampleAtH;
  if (times === undefined) return undefined;
  const replicates = summary.runs.map((r) => r.replicate);
  const index = new Map(replicates.map((r, i) => [r, i]));
  const bySample = times.map(() => replicates.map((): number[] => []));
  const byRelapse = replicates.map((): number[] => []);
  let header = true;
  for (const line of csvLines(csv)) {
    if (header) {
      header = false;
      continue;
    }
    if (line === '') continue;
    const [rep, t, , cells] = line.split(',').map(Number);
    const i = index.get(rep);
    if (i === undefined) continue;
    const g = times.findIndex((x) => Math.abs(x - t) <= 1e-6 * Math.max(1, x));
    keep(g >= 0 ? bySample[g][i] : byRelapse[i], cells);
  }
  return groups(
    times,
    replicates.length,
    (r, g) => bySample[g][r],
    (r) => (byRelapse[r].length > 0 ? byRelapse[r] : null),
  );
}

/** Adds x to top (the CLONE_RANKS largest so far, largest first) if it is among them. */
function keep(top: number[], x: number): void {
  if (top.length === CLONE_RANKS && x <= top[CLONE_RANKS - 1]) return;
  let j = top.length === CLONE_RANKS ? CLONE_RANKS - 1 : top.length;
  while (j > 0 && top[j - 1] < x) {
    top[j] = top[j - 1];
    j--;
  }
  top[j] = x;
}

export function dosingOf(sim: Simulation): DosingSeries | undefined {
  const records = sim.outcomes.map((o) => o.dosing);
  const first = records[0];
  if (first === undefined) return undefined;
  return {
    drug: first.drug,
    checkTimes: first.checkTimes,
    on: records.map((d) => d?.checkOn ?? new Uint8Array(0)),
    relative: records.map((d) => Float64Array.from(d?.checkCells ?? [], (c) => (d !== undefined && d.baseline > 0 ? c / d.baseline : NaN))),
  };
}

/** dosing.csv (replicate,drug,time_h,cells,relative,on,concentration) back into series. */
export function dosingFromCsv(text: string): DosingSeries | undefined {
  const rows = text.split('\n').slice(1).filter((l) => l !== '').map((l) => l.split(','));
  if (rows.length === 0) return undefined;
  const byReplicate = new Map<string, string[][]>();
  for (const row of rows) {
    const list = byReplicate.get(row[0]) ?? [];
    list.push(row);
    byReplicate.set(row[0], list);
  }
  const reps = [...byReplicate.values()];
  return {
    drug: rows[0][1],
    checkTimes: Float64Array.from(reps[0], (row) => Number(row[2])),
    on: reps.map((list) => Uint8Array.from(list, (row) => Number(row[5]))),
    relative: reps.map((list) => Float64Array.from(list, (row) => (row[4] === '' ? NaN : Number(row[4])))),
  };
}
