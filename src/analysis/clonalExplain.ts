// The clonal parts of `persim explain`: the resistant phenotype, mutation and barcodes in
// words; what the theory expects of resistance (SCIENCE.md D7, Luria & Delbrueck 1943:
// established resistant lineages present when treatment starts, a Poisson number with mean
// u x divisions x (1 - d_R/b_R), plus the lineages of the resistant cells already there);
// and, for an adaptive drug (Zhang et al. 2017), its rule and the rates on and off drug in
// place of a mean course, which the theory cannot give when dosing depends on the burden.
import { adaptiveOnEffect } from '../model/adaptiveRule.js';
import { emptyRates, ratesAt, type CellRates } from '../model/rates.js';
import { hasResistance, initialResistantFraction, mutationProbabilities } from '../model/resistance.js';
import type { AdaptiveRule, Drug, Scenario } from '../model/scenario.js';
import { dur, num, pct, perDay, perDayValue, probability, section } from './explainFormat.js';
import { expmMetzler } from './expmMetzler.js';
import { initialMean3 } from './resistanceMean.js';

const DAY = 24;

export function hasAdaptiveDrug(s: Scenario): boolean {
  return s.drugs.some((d) => d.adaptive !== undefined);
}

/** Lines of "What the scenario does" for the resistant phenotype, mutation and barcodes. */
export function clonalScenarioLines(s: Scenario): string[] {
  const out: string[] = [];
  const R = s.phenotypes.resistant;
  if (R !== undefined) {
    const f = initialResistantFraction(s);
    out.push(
      `- Resistant cells (genetic, irreversible: they never switch) divide at ${perDay(R.divisionRate)} and die at ${perDay(R.deathRate)}: ` +
        `net growth ${perDay(R.divisionRate - R.deathRate)}. A drug that kills sensitive cells kills them at ${pct(R.drugSensitivity)} of that rate. ` +
        `${pct(f)} of the initial cells (${num(s.population.initial * f)}) are resistant.`,
    );
  }
  const u = mutationProbabilities(s);
  if (u.sensitive > 0 || u.persister > 0) {
    out.push(`- Mutation: at a division one daughter is resistant with probability ${num(u.sensitive)} for a sensitive mother, ${num(u.persister)} for a persister.`);
  }
  if (s.lineage !== undefined) {
    const at = s.lineage.sampleAtH.map((t) => num(t / DAY)).join(', ');
    out.push(`- Lineage barcodes: each initial cell has its own, inherited by its descendants; clones are counted${at === '' ? '' : ` on days ${at} and`} at relapse (clones.csv).`);
  }
  return out;
}

export function adaptiveScheduleLine(d: Drug, rule: AdaptiveRule): string {
  return (
    `Schedule: adaptive (Zhang 2017), from day ${num(rule.startH / DAY)}, checked every ${dur(rule.checkEveryH)}: held at ${num(rule.dose)} ` +
    `(effect ${num(adaptiveOnEffect(d))}) until the burden falls below ${num(rule.stopBelow)} x its value at the first check, then off until it is back to ${num(rule.resumeAt)} x that value.`
  );
}

/** The first time a drug acts: its first dose with an amount, or an adaptive drug's start; null without drugs. */
function treatmentStart(s: Scenario): number | null {
  let t = Infinity;
  for (const d of s.drugs) {
    if (d.potency <= 0) continue;
    if (d.adaptive !== undefined) t = Math.min(t, d.adaptive.startH);
    for (const x of d.doses) if (x.amount > 0) t = Math.min(t, x.timeH);
  }
  return Number.isFinite(t) ? t : null;
}

const extinctionOf = (division: number, death: number) => (division > 0 ? Math.min(1, death / division) : 1);

/**
 * Off drug, from m(0) = initial: the expected number of established resistant lineages born
 * by time t (mutant lineages that escape extinction, weight 1 - q_R) and the expected counts,
 * from exp(M t) of the three-type mean matrix with one more row counting the lineages.
 */
function beforeTreatment(s: Scenario, off: CellRates, t: number): { lineages: number; sensitive: number; persister: number; resistant: number } {
  const u = mutationProbabilities(s);
  const established = 1 - extinctionOf(off.divisionR, off.deathR);
  const [bS, bP] = [off.divisionS, off.divisionP];
  const M = [
    bS * (1 - u.sensitive) - off.deathS - off.entry, off.exit, 0, 0,
    off.entry, bP * (1 - u.persister) - off.deathP - off.exit, 0, 0,
    u.sensitive * bS, u.persister * bP, off.divisionR - off.deathR, 0,
    u.sensitive * bS * established, u.persister * bP * established, 0, 0,
  ];
  const E = expmMetzler(M, 4, t);
  const m0 = [...initialMean3(s), 0];
  const row = (i: number) => E[4 * i] * m0[0] + E[4 * i + 1] * m0[1] + E[4 * i + 2] * m0[2];
  return { sensitive: row(0), persister: row(1), resistant: row(2), lineages: row(3) };
}

/** "Genetic resistance": what is expected before treatment and what the drug does to resistant cells. */
export function describeResistance(s: Scenario, on: CellRates | null, out: string[]): void {
  if (!hasResistance(s)) return;
  const off = ratesAt(s, new Float64Array(s.drugs.length), emptyRates());
  const qR = extinctionOf(off.divisionR, off.deathR);
  const nR = Math.round(initialResistantFraction(s) * s.population.initial);
  section(out, 'Genetic resistance (SCIENCE.md D7)');
  out.push(`- Off drug a resistant cell's lineage dies out with probability ${num(qR)} (d_R/b_R); it is established, and grows for good, with probability ${num(1 - qR)}.`);
  const t1 = treatmentStart(s);
  if (t1 === null) out.push('- No drug acts, so there is no treatment start to look at.');
  else {
    const pre = beforeTreatment(s, off, t1);
    const pNone = Math.exp(-pre.lineages) * qR ** nR;
    const lnNone = -pre.lineages + (nR > 0 ? nR * Math.log(qR) : 0);
    const mutants = mutationProbabilities(s).sensitive > 0 || mutationProbabilities(s).persister > 0;
    out.push(
      `- By the start of treatment (${t1 === 0 ? 'day 0' : `day ${num(t1 / DAY)}`}) the mean tumour holds ${num(pre.sensitive + pre.persister + pre.resistant)} cells, ` +
        `${num(pre.resistant)} of them resistant (linear mean, capacity ignored).`,
    );
    if (mutants && t1 > 0) {
      out.push(
        `- Luria-Delbrueck: the divisions before treatment start a Poisson number of established resistant lineages, mean ${num(pre.lineages)} ` +
          `(u x divisions x (1 - d_R/b_R)); the counts of resistant cells are heavy-tailed (jackpots), so a typical tumour holds fewer than the mean.`,
      );
    }
    out.push(
      `- Probability that an established resistant lineage is present when treatment starts: ${pNone > 0 ? num(1 - pNone) : '1'}` +
        `${nR > 0 ? ` (with the ${num(nR)} resistant cells present at day 0)` : ''}; that none is: ${probability(lnNone / Math.LN10)}.`,
    );
  }
  if (on !== null) {
    const net = on.divisionR - on.deathR;
    out.push(
      `- At peak drug effect resistant cells ${net > 0 ? 'still grow' : net < 0 ? 'shrink' : 'neither grow nor shrink'} at ${perDay(net)} ` +
        `(${net > 0 ? 'the drug cannot control them' : 'the drug keeps them down while it lasts'}); they do not come back to sensitivity after the drug.`,
    );
  }
}

/** "Adaptive dosing": the rule, and the rates on and off drug that set the pace of its cycles. */
export function describeAdaptive(s: Scenario, off: CellRates, on: CellRates | null, out: string[]): void {
  const d = s.drugs.find((x) => x.adaptive !== undefined);
  const rule = d?.adaptive;
  if (d === undefined || rule === undefined) return;
  section(out, 'Adaptive dosing (Zhang 2017)');
  out.push(
    `- ${d.name} is given or not at each check according to the burden of each tumour, so when it is on is not known in advance: the mean theory cannot follow ` +
      'it, and the expected burden per phase, the long-run growth and the expected relapse time are left out. `persim run` writes every check to dosing.csv.',
  );
  if (on !== null) {
    const netS = on.divisionS - on.deathS - on.entry;
    out.push(
      netS < 0
        ? `- While on, sensitive cells shrink at ${perDay(-netS)}: a mostly sensitive tumour falls to ${num(rule.stopBelow)} x its baseline in about ${dur(Math.log(1 / Math.max(rule.stopBelow, 1e-300)) / -netS)}.`
        : `- While on, sensitive cells still grow at ${perDay(netS)}: the drug alone cannot bring the burden down.`,
    );
  }
  const grow = Math.max(off.divisionS - off.deathS, off.divisionP - off.deathP);
  if (grow > 0 && rule.stopBelow > 0) {
    out.push(
      `- While off, sensitive cells regrow at up to ${perDayValue(grow * DAY)}: from ${num(rule.stopBelow)} back to ${num(rule.resumeAt)} x the baseline in about ` +
        `${dur(Math.log(rule.resumeAt / rule.stopBelow) / grow)} (far below capacity; slower as the tumour fills it).`,
    );
  }
  if (rule.stopBelow === 0) out.push('- stop_below is 0: the drug never stops, this is continuous dosing from the first check.');
}
