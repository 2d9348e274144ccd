// The FOSL1 sections of `persim explain`: the switch in words, the steady levels of the
// level's drift (model/fosl1FixedPoints.ts) off drug, at full stress and under each
// block-entry or promote-exit drug at its peak effect, where the thresholds sit among them,
// the stationary persister share of one cell and the mean passage times (closed forms up to
// quadrature: model/fosl1Stationary.ts, fosl1Passage.ts), the steady state of the growing
// tumour (model/fosl1SteadyState.ts), and short simulations of the
// spontaneous persister share of a growing tumour and of the return to sensitivity after the
// drug stops (fosl1Estimates.ts). The two-state mean theory does not apply here.
import { forcing, NO_DRUG } from '../model/fosl1Drift.js';
import { fixedPoints, type FixedPoint } from '../model/fosl1FixedPoints.js';
import { stationaryLevels } from '../model/fosl1Stationary.js';
import { populationSteadyState } from '../model/fosl1SteadyState.js';
import { drugBreakpoints, drugEffect } from '../model/pkpd.js';
import type { Drug, Fosl1Switch, Scenario } from '../model/scenario.js';
import { dur, NO_EFFECT, num, pct, perDay, section } from './explainFormat.js';
import { RETURN_CAP_H, SHARE_CELLS, simulatedPersisterShare, simulatedReturnTime, type ProbeRun } from './fosl1Estimates.js';
import { meanPassageTime } from './fosl1Passage.js';

/** Closed-form passage times beyond this many hours are reported without simulating them. */
const SIMULATE_BELOW_H = RETURN_CAP_H / 20;

/** The switch line of "What the scenario does". */
export function fosl1SwitchLine(sw: Fosl1Switch): string {
  const initial = sw.initialLevel === 'stationary' ? 'drawn from the drug-free stationary distribution' : `all ${num(sw.initialLevel)}`;
  return (
    `- Switch (fosl1): every cell carries a FOSL1 level x with dx = [P (basal + feedback x^n / (K^n + x^n) + stress_gain x stress) - (decay + promote) x] dt + noise dW, ` +
    `where basal = ${num(sw.basal)}, feedback = ${num(sw.feedback)}, stress_gain = ${num(sw.stressGain)} (level units per hour), K = ${num(sw.halfSaturation)}, n = ${num(sw.hill)}, ` +
    `decay = ${num(sw.decay)} per hour and noise = ${num(sw.noise)} per sqrt(hour); P and promote are set by block-entry and promote-exit drugs. ` +
    `A sensitive cell whose level rises above ${num(sw.onThreshold)} becomes a persister; a persister whose level falls below ${num(sw.offThreshold)} becomes sensitive. ` +
    `Daughters inherit the mother's level ${sw.inheritanceNoise > 0 ? `plus a normal deviation of sd ${num(sw.inheritanceNoise)}` : 'exactly'}. Levels at t = 0: ${initial}.`
  );
}

/** How a drug acts under the FOSL1 switch (block-entry and promote-exit act on the level). */
export function fosl1DrugAction(d: Drug): string | null {
  if (d.potency === 0) return NO_EFFECT;
  if (d.effect === 'block-entry') return `multiplies FOSL1 production by down to ${num(1 - d.potency)} (blocks up to ${pct(d.potency)} of it)`;
  if (d.effect === 'promote-exit') return `adds up to ${perDay(d.potency)} to the decay of the FOSL1 level`;
  return null;
}

export function describeFosl1(s: Scenario, sw: Fosl1Switch, out: string[], run: ProbeRun): void {
  const off = fixedPoints(sw, NO_DRUG);
  const full = forcing(1);
  section(out, 'The FOSL1 level: steady levels of its drift (noise aside)');
  out.push(`- Off drug: ${landscape(off)}.`);
  out.push(`  ${thresholdPlaces(sw, off)}`);
  out.push(`- At full drug stress (stress = 1): ${landscape(fixedPoints(sw, full))}.`);
  for (const d of s.drugs) {
    const e = peakEffect(s, d);
    if (e <= 0 || (d.effect !== 'block-entry' && d.effect !== 'promote-exit')) continue;
    const with0 = d.effect === 'block-entry' ? forcing(0, 1 - d.potency * e) : forcing(0, 1, d.potency * e);
    const with1 = d.effect === 'block-entry' ? forcing(1, 1 - d.potency * e) : forcing(1, 1, d.potency * e);
    const what = d.effect === 'block-entry' ? `production x ${num(1 - d.potency * e)}` : `decay + ${num(d.potency * e)} per hour`;
    out.push(`- With ${d.name} at its peak effect ${num(e)} (${what}): off drug ${landscape(fixedPoints(sw, with0))}; at full stress ${landscape(fixedPoints(sw, with1))}.`);
  }
  describeRates(s, sw, off, out, run);
}

function describeRates(s: Scenario, sw: Fosl1Switch, off: FixedPoint[], out: string[], run: ProbeRun): void {
  section(out, 'Spontaneous persisters, induced entry and the return to sensitivity');
  if (sw.noise === 0) {
    out.push('- Without noise every level follows its drift: cells switch only when the drift carries them across a threshold.');
  }
  const st = stationaryLevels(sw);
  out.push(
    `- One cell without drug, at steady state (closed form, no division): level ${num(st.mean)} on average (sd ${num(st.sd)}), ` +
      `a persister ${pct(st.persisterFraction)} of the time.`,
  );
  const pop = populationSteadyState(sw, s.phenotypes.sensitive, s.phenotypes.persister);
  out.push(
    `- The growing tumour without drug, at steady state (the stable distribution, computed; initial_level: stationary draws from it): ` +
      `${pct(pop.persisterFraction)} persisters, mean level ${num(pop.meanLevel)}, growing at ${perDay(pop.growthRate)}. ` +
      'It differs from one cell\'s share because the two states divide and die at different rates.',
  );
  const share = simulatedPersisterShare(s, sw, run);
  out.push(
    `- Simulated: ${num(SHARE_CELLS)} cells drawn from it (${pct(share.startShare)} persisters) and grown without drug for ${dur(share.hours)} ` +
      `reach ${num(share.cells)} cells, ${num(share.persisters)} of them persisters: ${pct(share.share)}` +
      (share.persisters > 0 ? ` (standard error about ${pct(share.share / Math.sqrt(share.persisters))}).` : '.'),
  );
  const low = off.find((p) => p.stable);
  if (sw.noise > 0 && low !== undefined && low.level < sw.onThreshold) {
    const up0 = meanPassageTime(sw, NO_DRUG, low.level, sw.onThreshold);
    const lowFull = fixedPoints(sw, forcing(1)).find((p) => p.stable);
    const up1 = lowFull !== undefined && lowFull.level < sw.onThreshold ? meanPassageTime(sw, forcing(1), lowFull.level, sw.onThreshold) : 0;
    out.push(
      `- A sensitive cell at the low steady level first rises above the on threshold after ${dur(up0)} on average without drug, ` +
        `and after ${up1 === 0 ? 'no time (the drift carries it)' : dur(up1)} under full stress (closed form): drug stress drives entry.`,
    );
  }
  const top = fixedPoints(sw, forcing(1)).filter((p) => p.stable).pop();
  if (top === undefined || top.level <= sw.offThreshold) {
    out.push('- Even at full stress the level stays below the off threshold: no persister is made to return.');
    return;
  }
  const closed = sw.noise > 0 ? meanPassageTime(sw, NO_DRUG, top.level, sw.offThreshold) : NaN;
  const start = `A persister at the high steady level of full stress (${num(top.level)})`;
  if (Number.isFinite(closed) && closed > SIMULATE_BELOW_H) {
    out.push(`- ${start} returns below the off threshold after ${dur(closed)} on average once the drug stops (closed form; too long to simulate here).`);
    return;
  }
  const r = simulatedReturnTime(s, sw, top.level);
  const censored = r.censored > 0 ? `; ${num(r.censored)} of ${num(r.cells)} cells had not returned after ${dur(RETURN_CAP_H)}` : '';
  const theory = Number.isFinite(closed) ? `; closed form for the continuous process: ${dur(closed)}` : '';
  const net = s.phenotypes.sensitive.divisionRate;
  const doublings = net > 0 && Number.isFinite(r.meanH) ? ` (${num((r.meanH * net) / Math.LN2)} sensitive doublings)` : '';
  out.push(
    `- ${start} returns to sensitivity after ${dur(r.meanH)}${doublings} on average once the drug stops ` +
      `(simulated, ${num(r.cells)} ${r.cells === 1 ? 'cell' : 'cells'} without division, steps of ${dur(r.stepH)}${r.cells > 1 ? `, standard error ${dur(r.seH)}` : ''}${censored}${theory}).`,
  );
}

/** The peak effect of a drug over its schedule (at its dose times). */
function peakEffect(s: Scenario, d: Drug): number {
  let e = 0;
  for (const t of drugBreakpoints(d)) if (t <= s.time.horizonH) e = Math.max(e, drugEffect(d, t));
  return e;
}

function landscape(fp: FixedPoint[]): string {
  const stable = fp.filter((p) => p.stable);
  const barriers = fp.filter((p) => !p.stable);
  if (stable.length === 0) return 'no steady level: the level grows without bound';
  if (stable.length === 1) return `one steady level, ${num(stable[0].level)}: monostable, every level relaxes towards it`;
  const levels = stable.map((p) => num(p.level)).join(' and ');
  const b = barriers.map((p) => num(p.level)).join(' and ');
  return `steady levels ${levels}, separated by ${barriers.length === 1 ? 'a barrier' : 'barriers'} at ${b}: bistable, noise makes cells hop between them`;
}

function thresholdPlaces(sw: Fosl1Switch, fp: FixedPoint[]): string {
  const name = (p: FixedPoint, i: number, all: FixedPoint[]) => {
    if (!p.stable) return `the barrier (${num(p.level)})`;
    const stable = all.filter((q) => q.stable);
    const which = stable.length === 1 ? 'the steady level' : stable[0] === p ? 'the low steady level' : stable[stable.length - 1] === p ? 'the high steady level' : `steady level ${i}`;
    return `${which} (${num(p.level)})`;
  };
  const place = (x: number) => {
    const below = fp.filter((p) => p.level < x);
    const above = fp.filter((p) => p.level >= x);
    const lo = below.length > 0 ? name(below[below.length - 1], fp.indexOf(below[below.length - 1]), fp) : null;
    const hi = above.length > 0 ? name(above[0], fp.indexOf(above[0]), fp) : null;
    if (lo !== null && hi !== null) return `between ${lo} and ${hi}`;
    if (lo !== null) return `above ${lo}`;
    return hi !== null ? `below ${hi}` : 'with no steady level';
  };
  return `The on threshold (${num(sw.onThreshold)}) lies ${place(sw.onThreshold)}; the off threshold (${num(sw.offThreshold)}) lies ${place(sw.offThreshold)}.`;
}

