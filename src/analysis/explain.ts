// The text of `persim explain`: what a scenario does and what the linear theory expects of
// it, in plain words for a biologist. Mean matrix A and its eigenvalues off drug and at the
// peak of the schedule (the two slopes of the kill curve and the persister plateau,
// SCIENCE.md D1, D3), the stationary persister fraction (D2), the expected burden at the end
// of every schedule phase (D1, products of exponentials of the timeline's step-averaged
// matrices), the long-run growth rate of each periodic block (Floquet, D13), extinction
// probabilities (D4, D5) and the relapse threshold (D6); for a two-state switch written by
// its targets, the rates solved from them. Under the FOSL1 switch the two-state theory does
// not apply: fosl1Explain.ts describes the level's steady states and passage times instead.
// With a resistant phenotype the expected burden is the three-type mean with mutation
// (resistanceMean.ts) and clonalExplain.ts adds what is expected of resistance (D7); with an
// adaptive drug, whose dosing depends on the burden, the mean course is left out and the
// rates on and off drug are given instead.
import { adaptiveOnEffect } from '../model/adaptiveRule.js';
import { drugBreakpoints } from '../model/pkpd.js';
import { hasResistance, initialResistantFraction } from '../model/resistance.js';
import { emptyRates, ratesAt, type CellRates } from '../model/rates.js';
import { relapseThreshold, type Dose, type Drug, type Scenario, type SwitchTargets } from '../model/scenario.js';
import { effectsAt, type Timeline } from '../model/timeline.js';
import { log10Cure, twoTypeExtinction } from './branching.js';
import { adaptiveScheduleLine, clonalScenarioLines, describeAdaptive, describeResistance, hasAdaptiveDrug } from './clonalExplain.js';
import { day, dur, NO_EFFECT, num, pct, perDay, perDayValue, probability, section, table } from './explainFormat.js';
import type { ProbeRun } from './fosl1Estimates.js';
import { describeFosl1, fosl1DrugAction, fosl1SwitchLine } from './fosl1Explain.js';
import { eigenvalues2x2 } from './eigen.js';
import { floquetExponent, type FloquetPhase } from './floquet.js';
import { expectedCounts, initialMean, propagateMean, stepMatrix } from './meanTrajectory.js';
import { expectedCounts3, initialMean3, propagateMean3 } from './resistanceMean.js';
import { meanMatrix, modeAmplitudes, relaxationRate, stationaryPersisterFraction, type Mat2 } from './twoType.js';

const DAY = 24;
/** Phases listed in full up to this many; beyond, the first and last half of it. */
const MAX_PHASE_ROWS = 30;
/** Burden, as a fraction of capacity, above which the linear theory is only a rough guide. */
const CAPACITY_WARNING = 0.1;

/** `run` simulates the FOSL1 section's check (fosl1Estimates.ts); the caller passes the agent engine. */
export function explainScenario(s: Scenario, tl: Timeline, run: ProbeRun): string {
  const out: string[] = [`persim explain: ${s.name}`];
  if (s.description.trim() !== '') out.push(s.description.trim());
  describeScenario(s, out);
  if (s.switch.model === 'fosl1') {
    describeFosl1(s, s.switch, out, run);
    describeRelapseThreshold(s, out);
    section(out, 'Where the theory stops');
    out.push('- The two-state mean theory (rate matrices, expected burden per phase, long-run growth, extinction) does not apply to the FOSL1 switch: `persim run` shows its course.');
    return out.join('\n');
  }
  const off = ratesAt(s, new Float64Array(s.drugs.length), emptyRates());
  describeOffDrug(s, off, out);
  const peak = peakStress(s);
  const on = peak === null ? null : ratesAt(s, peak.effects, emptyRates());
  if (peak !== null && on !== null) describePeak(s, peak, on, out);
  const adaptive = hasAdaptiveDrug(s);
  if (adaptive) describeAdaptive(s, off, on, out);
  else {
    describePhases(s, tl, out);
    describePeriodicBlocks(s, tl, out);
  }
  describeResistance(s, on, out);
  describeExtinction(s, off, on, out);
  if (adaptive) describeRelapseThreshold(s, out);
  else describeRelapseAndCapacity(s, tl, out);
  return out.join('\n');
}

// ---------------------------------------------------------------- the scenario in words

function describeScenario(s: Scenario, out: string[]): void {
  const { initial, persisterFraction: f, capacity } = s.population;
  const { sensitive: S, persister: P } = s.phenotypes;
  const sw = s.switch;
  section(out, 'What the scenario does');
  const persisters = sw.model === 'fosl1' ? 'their phenotypes set by their FOSL1 levels' : `${pct(f)} of them persisters (${num(initial * f)} cells)`;
  out.push(
    `- Starts from ${num(initial)} cells, ${persisters}, ` +
      `followed for ${num(s.time.horizonH / DAY)} days and recorded every ${dur(s.time.recordEveryH)}.`,
  );
  out.push(capacity === null ? '- No carrying capacity: growth is unbounded.' : `- Carrying capacity ${num(capacity)} cells: division slows as the tumour approaches it.`);
  out.push(`- Sensitive cells ${divides(S.divisionRate)} and die at ${perDay(S.deathRate)}: net growth ${perDay(S.divisionRate - S.deathRate)}.`);
  out.push(
    `- Persister cells ${divides(P.divisionRate)} and die at ${perDay(P.deathRate)}: net growth ${perDay(P.divisionRate - P.deathRate)}. ` +
      `A drug that kills sensitive cells kills persisters at ${pct(P.drugSensitivity)} of that rate.`,
  );
  if (sw.model === 'fosl1') out.push(fosl1SwitchLine(sw));
  else {
    const entry =
      sw.entryRate > 0 ? `enter persistence at ${perDay(sw.entryRate)} (after ${dur(1 / sw.entryRate)} on average)` : 'do not enter persistence spontaneously';
    const induced = sw.inducedEntryRate > 0 ? `, plus up to ${perDay(sw.inducedEntryRate)} at full drug stress` : '';
    const exit = sw.exitRate > 0 ? `return to sensitivity at ${perDay(sw.exitRate)} off drug (they stay ${dur(1 / sw.exitRate)} on average)` : 'never return to sensitivity off drug';
    const exitOn = sw.exitRateOnDrug !== null && sw.exitRateOnDrug !== sw.exitRate ? `, at ${perDay(sw.exitRateOnDrug)} at full drug stress` : '';
    out.push(`- Switch (${sw.model}): sensitive cells ${entry}${induced}. Persisters ${exit}${exitOn}.`);
    if (sw.targets !== undefined) out.push(`  ${targetsLine(sw.targets, sw.entryRate, sw.exitRate)}`);
  }
  out.push(...clonalScenarioLines(s));
  if (s.drugs.length === 0) out.push('- No drug: an untreated tumour.');
  for (const d of s.drugs) {
    const pk = d.halfLifeH !== null ? `each dose decays with a half-life of ${dur(d.halfLifeH)}` : 'doses are square pulses (held, then gone)';
    const action = (sw.model === 'fosl1' ? fosl1DrugAction(d) : null) ?? drugAction(d);
    out.push(`- Drug ${d.name} (${d.effect}): ${action}; half effect at concentration ${num(d.ec50)} (Hill ${num(d.hill)}); ${pk}.`);
    const runs = doseRuns(d);
    if (d.adaptive !== undefined) out.push(`  ${adaptiveScheduleLine(d, d.adaptive)}`);
    else out.push(`  Schedule: ${runs.length === 0 ? 'no doses' : runs.map((r) => describeRun(d, r)).join('; ')}.`);
  }
}

/** The rates persim solved from two-state targets (model/twoStateTargets.ts). */
function targetsLine(t: SwitchTargets, entry: number, exit: number): string {
  const asked: string[] = [];
  if (t.stationaryFraction !== null) asked.push(`a stationary persister fraction of ${pct(t.stationaryFraction)} off drug`);
  if (t.exitHalfLifeH !== null) {
    const doublings = t.exitHalfLifeDoublings !== null ? `${num(t.exitHalfLifeDoublings)} sensitive doublings = ` : '';
    asked.push(`an exit half-life of ${doublings}${dur(t.exitHalfLifeH)}`);
  }
  return `Solved exactly from the targets (${asked.join(' and ')}): entry rate ${num(entry)} per hour, exit rate ${num(exit)} per hour.`;
}

function divides(rate: number): string {
  return rate > 0 ? `divide at ${perDay(rate)} (doubling time ${dur(Math.LN2 / rate)})` : 'do not divide';
}

function drugAction(d: Drug): string {
  if (d.potency === 0) return NO_EFFECT;
  switch (d.effect) {
    case 'kill':
      return `kills sensitive cells at up to ${perDay(d.potency)}`;
    case 'block-entry':
      return `blocks up to ${pct(d.potency)} of entry into persistence`;
    case 'kill-persisters':
      return `kills persisters at up to ${perDay(d.potency)}`;
    case 'promote-exit':
      return `adds up to ${perDay(d.potency)} to the persisters' exit rate`;
  }
}

/** Consecutive doses of equal amount and length at a constant interval. */
interface DoseRun {
  doses: Dose[];
  intervalH: number;
}

function doseRuns(d: Drug): DoseRun[] {
  const runs: DoseRun[] = [];
  const same = (a: Dose, b: Dose) => a.amount === b.amount && a.durationH === b.durationH;
  let i = 0;
  while (i < d.doses.length) {
    const run: DoseRun = { doses: [d.doses[i]], intervalH: 0 };
    let j = i + 1;
    if (j < d.doses.length && same(d.doses[i], d.doses[j])) {
      run.intervalH = d.doses[j].timeH - d.doses[i].timeH;
      while (j < d.doses.length && same(d.doses[i], d.doses[j]) && Math.abs(d.doses[j].timeH - d.doses[j - 1].timeH - run.intervalH) <= 1e-9 * (1 + run.intervalH)) {
        run.doses.push(d.doses[j]);
        j++;
      }
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

function describeRun(d: Drug, r: DoseRun): string {
  const first = r.doses[0];
  const what = d.halfLifeH === null ? `pulse at ${num(first.amount)} lasting ${dur(first.durationH ?? 0)}` : `dose of ${num(first.amount)}`;
  if (r.doses.length === 1) return `one ${what} at ${day(first.timeH)}`;
  if (r.doses.length === 2) return `a ${what} at ${day(first.timeH)} and at ${day(r.doses[1].timeH)}`;
  return `${r.doses.length} x ${what}, every ${dur(r.intervalH)} from ${day(first.timeH)} to ${day(r.doses[r.doses.length - 1].timeH)}`;
}

// ---------------------------------------------------------------- rate matrices

function describeOffDrug(s: Scenario, off: CellRates, out: string[]): void {
  const A = meanMatrix(off);
  section(out, 'Off drug');
  out.push('The expected numbers of sensitive (S) and persister (P) cells follow dm/dt = A m, with');
  out.push(...matrixLines(A));
  const [lo, hi] = eigenvaluesPerDay(A);
  out.push(`Eigenvalues: ${num(lo)} and ${num(hi)} per day.`);
  if (hi > 0) out.push(`- The larger one is the long-run growth rate: untreated, the tumour doubles every ${dur((Math.LN2 / hi) * DAY)}.`);
  else if (hi < 0) out.push(`- The larger one is negative: even untreated the tumour shrinks, halving every ${dur((Math.LN2 / -hi) * DAY)}.`);
  else out.push('- The larger one is 0: untreated, the mean tumour neither grows nor shrinks in the long run.');
  const gap = relaxationRate(A) * DAY;
  if (gap > 0) out.push(`- Their difference, ${perDayValue(gap)}, is how fast the S/P mix settles: departures from the stationary mix fade by a factor e every ${dur(DAY / gap)}.`);
  const p = stationaryPersisterFraction(A);
  out.push(
    Number.isNaN(p)
      ? '- Without switching or a growth difference, the persister share stays where it starts.'
      : `- The persister share settles at ${pct(p)} of the tumour (it starts at ${pct(s.population.persisterFraction)}).`,
  );
}

export interface Peak {
  timeH: number;
  effects: Float64Array;
}

/** The dose time of highest stress (largest kill effect), ties broken by the summed effect of all drugs. */
export function peakStress(s: Scenario): Peak | null {
  const r = emptyRates();
  let best: Peak | null = null;
  let bestKey = [-1, -1];
  for (const d of s.drugs) {
    for (const t of d.adaptive !== undefined ? [d.adaptive.startH] : drugBreakpoints(d)) {
      if (t > s.time.horizonH) continue;
      const effects = effectsAt(s, t);
      // An adaptive drug may be on at any time after its start.
      s.drugs.forEach((x, i) => {
        if (x.adaptive !== undefined && t >= x.adaptive.startH) effects[i] = adaptiveOnEffect(x);
      });
      const key = [ratesAt(s, effects, r).stress, effects.reduce((a, b) => a + b, 0)];
      if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
        best = { timeH: t, effects };
        bestKey = key;
      }
    }
  }
  return best !== null && bestKey[1] > 0 ? best : null;
}

function describePeak(s: Scenario, peak: Peak, on: CellRates, out: string[]): void {
  const A = meanMatrix(on);
  const effects = s.drugs.map((d, i) => `${d.name} effect ${num(peak.effects[i])}`).join(', ');
  section(out, `At peak drug effect (${day(peak.timeH)}: ${effects})`);
  out.push(...matrixLines(A));
  const [lo, hi] = eigenvaluesPerDay(A);
  out.push(`Eigenvalues: ${num(lo)} and ${num(hi)} per day.`);
  if (hasResistance(s)) out.push(`- Resistant cells are apart from this matrix: at this level they ${on.divisionR >= on.deathR ? 'grow' : 'shrink'} at ${perDay(Math.abs(on.divisionR - on.deathR))} (see Genetic resistance).`);
  if (lo >= 0) {
    out.push('- At this level the drug does not shrink the tumour: both modes grow.');
    return;
  }
  out.push(
    '- They are the two slopes of the kill curve under sustained exposure at this level. ' +
      `First the tumour falls at ${perDayValue(-lo)} (tenfold every ${dur((Math.LN10 / -lo) * DAY)}), mostly sensitive cells dying.`,
  );
  if (hi < 0) out.push(`- Then it flattens onto a persister plateau that shrinks at ${perDayValue(-hi)} (halving every ${dur((Math.LN2 / -hi) * DAY)}).`);
  else if (hi > 0) out.push(`- Then it turns and grows at ${perDayValue(hi)} (doubling every ${dur((Math.LN2 / hi) * DAY)}): persisters carry the tumour through the drug.`);
  else out.push('- Then it stays flat on a persister plateau.');
  const [mS, mP] = initialMean(s);
  const amp = modeAmplitudes(A, mS, mP);
  if (amp !== null && amp.high > 0 && amp.low > amp.high) {
    const crossH = Math.log(amp.low / amp.high) / ((hi - lo) / DAY);
    out.push(
      `- From this scenario's starting tumour the plateau lies at about ${num(amp.high)} cells ` +
        `(${pct(amp.high / s.population.initial)} of the initial burden), reached after about ${dur(crossH)} of exposure.`,
    );
  }
}

// ---------------------------------------------------------------- burden over the schedule

function describePhases(s: Scenario, tl: Timeline, out: string[]): void {
  const h = s.time.horizonH;
  const starts = [...new Set([0, ...s.drugs.flatMap((d) => drugBreakpoints(d))])].filter((t) => t >= 0 && t < h).sort((a, b) => a - b);
  const ends = [...starts.slice(1), h];
  const at = ends.map((t) => boundaryIndex(tl, t));
  const resistance = hasResistance(s);
  const mean = resistance ? propagateMean3(s, tl, initialMean3(s), at) : { ...propagateMean(tl, initialMean(s), at), resistant: null };
  section(out, `Expected burden at the end of each schedule phase (cells; mean of the linear model${resistance ? ' with mutation' : ''})`);
  const rows = starts.map((t0, i) => [
    `${num(t0 / DAY)} to ${num(ends[i] / DAY)}`,
    phaseStart(s, t0),
    num(mean.sensitive[i]),
    num(mean.persister[i]),
    ...(mean.resistant !== null ? [num(mean.resistant[i])] : []),
    num(mean.sensitive[i] + mean.persister[i] + (mean.resistant?.[i] ?? 0)),
  ]);
  const header = ['days', 'starts with', 'sensitive', 'persister', ...(resistance ? ['resistant'] : []), 'total'];
  let shown = rows;
  if (rows.length > MAX_PHASE_ROWS) {
    const half = MAX_PHASE_ROWS / 2;
    shown = [...rows.slice(0, half), [`... ${rows.length - 2 * half} phases not shown ...`, ...header.slice(1).map(() => '')], ...rows.slice(-half)];
  }
  out.push(...table(header, shown));
  if (mean.sensitive.some((x, i) => x + mean.persister[i] + (mean.resistant?.[i] ?? 0) < 1)) {
    out.push('  A mean below 1 cell bounds the chance that any cell remains (P(N > 0) <= mean).');
  }
}

function phaseStart(s: Scenario, t: number): string {
  const what: string[] = [];
  const near = (a: number) => Math.abs(a - t) <= 1e-9 * (1 + t);
  for (const d of s.drugs) {
    for (const dose of d.doses) {
      if (near(dose.timeH)) what.push(d.halfLifeH === null ? `${d.name} on at ${num(dose.amount)}` : `${d.name} dose ${num(dose.amount)}`);
      if (d.halfLifeH === null && dose.durationH !== null && near(dose.timeH + dose.durationH)) what.push(`${d.name} off`);
    }
  }
  return what.length > 0 ? what.join(', ') : 'start';
}

function describePeriodicBlocks(s: Scenario, tl: Timeline, out: string[]): void {
  if (s.drugs.length === 0) return;
  section(out, 'Long-run growth under periodic dosing (SCIENCE.md D13)');
  let any = false;
  for (const d of s.drugs) {
    for (const run of doseRuns(d)) {
      const n = run.doses.length;
      if (n < 3) continue;
      const k = Math.floor(n / 2);
      const t0 = run.doses[k].timeH;
      const t1 = run.doses[k + 1].timeH;
      if (t0 < 0 || t1 > s.time.horizonH) continue;
      any = true;
      const lambda = floquetExponent(periodPhases(tl, boundaryIndex(tl, t0), boundaryIndex(tl, t1))) * DAY;
      const factor = Math.exp((lambda * run.intervalH) / DAY);
      out.push(
        `- ${d.name}, ${n} ${d.halfLifeH === null ? 'pulses' : 'doses'} every ${dur(run.intervalH)}: over one cycle in the middle of the block (${day(t0)} to ${day(t1)}), ` +
          `the long-run growth rate is Lambda = ${num(lambda)} per day; each cycle multiplies the tumour by ${num(factor)} on average.`,
      );
      if (lambda < 0) out.push(`  Repeated, this schedule controls the tumour on average (Lambda < 0): the mean burden halves every ${dur((Math.LN2 / -lambda) * DAY)}.`);
      else out.push(`  Repeated, this schedule does not control the tumour on average (Lambda >= 0)${lambda > 0 ? `: the mean burden doubles every ${dur((Math.LN2 / lambda) * DAY)}` : ''}.`);
    }
  }
  if (!any) out.push('- No periodic block (3 or more equal doses at a constant interval within the horizon), so no long-run rate.');
}

/** The timeline's steps from boundary i0 to i1 as Floquet phases, merging steps with equal rates. */
function periodPhases(tl: Timeline, i0: number, i1: number): FloquetPhase[] {
  const phases: { A: number[][]; durationH: number }[] = [];
  let prev: Mat2 | null = null;
  for (let i = i0; i < i1; i++) {
    const A = stepMatrix(tl, i);
    const durationH = tl.boundaries[i + 1] - tl.boundaries[i];
    if (prev !== null && A.every((x, j) => x === prev![j])) phases[phases.length - 1].durationH += durationH;
    else phases.push({ A: [[A[0], A[1]], [A[2], A[3]]], durationH });
    prev = A;
  }
  return phases;
}

// ---------------------------------------------------------------- extinction, relapse, capacity

function describeExtinction(s: Scenario, off: CellRates, on: CellRates | null, out: string[]): void {
  section(out, 'Extinction (SCIENCE.md D4, D5)');
  const [mS, mP] = resistantAware(s);
  const nS = Math.round(mS);
  const nP = Math.round(mP);
  const hiOff = eigenvaluesPerDay(meanMatrix(off))[1];
  if (hiOff <= 0) {
    out.push(`- Off drug the process is ${hiOff < 0 ? 'subcritical' : 'critical'}: every lineage dies out eventually, so even untreated the tumour goes extinct with probability 1.`);
  } else {
    const q = twoTypeExtinction(off);
    out.push(
      `- Off drug the process is supercritical. The lineage of one sensitive cell dies out with probability ${num(q.sensitive)}, ` +
        `of one persister with ${num(q.persister)}; the whole starting tumour (${num(nS)} sensitive, ${num(nP)} persister cells) with probability ${probability(log10Cure(q, nS, nP))}.`,
    );
  }
  if (hasResistance(s)) {
    out.push(
      '- These numbers are for the sensitive and persister cells without mutation; resistant lineages must die out too ' +
        '(each with probability min(1, d_R/b_R) off drug: see Genetic resistance), and mutation adds new ones.',
    );
  }
  if (on === null) return;
  const hiOn = eigenvaluesPerDay(meanMatrix(on))[1];
  if (hasResistance(s) && on.divisionR > on.deathR) {
    out.push(
      `- Held at peak effect, ${hiOn <= 0 ? 'every sensitive and persister lineage dies out, but ' : ''}resistant cells still grow: ` +
        'continuous exposure cannot cure a tumour that holds an established resistant lineage.',
    );
  } else if (hiOn <= 0) out.push('- Held at peak effect, every lineage dies out: continuous exposure at that level would cure in the end (linear model).');
  else {
    const q = twoTypeExtinction(on);
    out.push(
      '- Held at peak effect the larger eigenvalue is still positive, so even continuous exposure cannot guarantee cure: ' +
        `a sensitive cell's lineage dies out with probability ${num(q.sensitive)}, a persister's with ${num(q.persister)}.`,
    );
  }
}

function describeRelapseThreshold(s: Scenario, out: string[]): void {
  const threshold = relapseThreshold(s);
  section(out, 'Relapse');
  out.push(
    s.relapse.kind === 'relative'
      ? `- A relapse is counted when the burden, after its lowest point, regrows to ${num(s.relapse.value)} x the initial burden: ${num(threshold)} cells.`
      : `- A relapse is counted when the burden, after its lowest point, regrows to ${num(threshold)} cells.`,
  );
}

function describeRelapseAndCapacity(s: Scenario, tl: Timeline, out: string[]): void {
  const threshold = relapseThreshold(s);
  describeRelapseThreshold(s, out);
  const mean = hasResistance(s) ? expectedCounts3(s, tl) : { ...expectedCounts(s, tl), resistant: null };
  const times = tl.recordTimes;
  const total = mean.sensitive.map((x, i) => x + mean.persister[i] + (mean.resistant?.[i] ?? 0));
  let nadir = 0;
  for (let i = 1; i < total.length; i++) if (total[i] < total[nadir]) nadir = i;
  const fewer = total[nadir] < 1 ? `; at most ${pct(total[nadir])} of runs still have cells then` : '';
  const low = `- In the mean model the burden is lowest at ${day(times[nadir])} (${num(total[nadir])} cells${fewer})`;
  if (total[nadir] >= threshold) out.push(`${low}, never below the threshold: the mean tumour does not respond.`);
  else {
    let k = nadir + 1;
    while (k < total.length && total[k] < threshold) k++;
    if (k === total.length) out.push(`${low} and does not regrow to the threshold within the ${num(s.time.horizonH / DAY)} days followed.`);
    else {
      const a = Math.log(total[k - 1]);
      const tH = times[k - 1] + ((Math.log(threshold) - a) / (Math.log(total[k]) - a)) * (times[k] - times[k - 1]);
      out.push(`${low} and regrows to the threshold at about ${day(tH)}. Single runs scatter around this.`);
    }
  }
  section(out, 'Where the linear theory is approximate');
  const cap = s.population.capacity;
  if (cap === null) {
    out.push('- There is no carrying capacity, so the numbers above are exact for the mean, up to averaging the drug effect over each step.');
    return;
  }
  let peak = 0;
  for (const x of total) peak = Math.max(peak, x);
  const line = `- The linear theory ignores the carrying capacity (${num(cap)} cells). The expected burden peaks at ${pct(peak / cap)} of it`;
  if (peak <= CAPACITY_WARNING * cap) out.push(`${line}, so crowding slows division by at most that much and the numbers above are close.`);
  else {
    const i = total.findIndex((x) => x > CAPACITY_WARNING * cap);
    out.push(`${line}: from about ${day(times[i])} crowding matters and the numbers above overestimate growth.`);
  }
}

// ---------------------------------------------------------------- helpers

/** Expected initial sensitive and persister cells, resistant ones set aside. */
function resistantAware(s: Scenario): [number, number] {
  const [mS, mP] = initialMean(s);
  const r = initialResistantFraction(s) * s.population.initial;
  return [mS - r, mP];
}

/** Eigenvalues of A (per hour) in per day, ascending. */
function eigenvaluesPerDay(A: Mat2): [number, number] {
  return eigenvalues2x2(A[0] * DAY, A[1] * DAY, A[2] * DAY, A[3] * DAY);
}

function matrixLines(A: Mat2): string[] {
  const cells = A.map((x) => num(x * DAY));
  const w = Math.max(...cells.map((c) => c.length));
  const row = (a: string, b: string) => `${a.padStart(w)}  ${b.padStart(w)}`;
  return [
    `         ${row('S', 'P')}`,
    `  A = S | ${row(cells[0], cells[1])} |  per day`,
    `      P | ${row(cells[2], cells[3])} |`,
  ];
}

function boundaryIndex(tl: Timeline, t: number): number {
  const b = tl.boundaries;
  let lo = 0;
  let hi = b.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && t - b[lo - 1] < b[lo] - t ? lo - 1 : lo;
}
