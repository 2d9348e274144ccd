// The limits of model/limits.ts that need more than one field or the resolved scenario: the
// doses of the schedules (before they are expanded), then the rates a doubling time, an exit
// half-life or a stationary fraction stand for, the record times, the steps (whatever sets
// the step: time.dt, a bolus half-life, the FOSL1 level, an adaptive check interval),
// replicates x record times, and the agent engine's cells. Rates that add up are bounded
// too: the drugs of one effect together, and a phenotype's drug_sensitivity x the kill drugs'
// potencies. Under the FOSL1 switch the level's noise, its inheritance noise and its Hill
// term must stay where the arithmetic is finite. Each problem names the
// field the user wrote and the limit, so a scenario that validates also runs.
import { AGENT_MAX_CELLS, MAX_CLONE_ROWS, MAX_LEVEL_SPREAD, MAX_RATE_PER_H, MAX_RECORD_TIMES, MAX_REPLICATE_RECORDS, MAX_STEPS, POPULATION_MAX_BARCODES } from '../model/limits.js';
import type { Scenario } from '../model/scenario.js';
import { maxHillSlope } from '../model/fosl1Drift.js';
import { FOSL1_STEP_FRACTION, fosl1StepLimit, HALF_LIFE_STEPS } from '../model/steps.js';
import type { RawScenario } from './schema.js';

export interface BoundIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected: string;
  readonly found: string;
}

const num = (x: number) => (x >= 1e6 || (x > 0 && x < 1e-3) ? x.toExponential(2).replace('e+', 'e') : String(Number(x.toPrecision(4))));
const hours = (h: number) => `${num(h)} h`;

/** Doses per drug, counted before expanding them. */
export function doseIssues(raw: RawScenario): BoundIssue[] {
  const issues: BoundIssue[] = [];
  raw.drugs.forEach((d, i) => {
    const n = d.schedule.reduce((sum, b) => sum + ('count' in b ? b.count : 'at' in b ? b.at.length : 0), 0);
    if (n > MAX_STEPS / 2) {
      issues.push({ path: ['drugs', i, 'schedule'], message: `${num(n)} doses, more than a run can step through`, expected: `at most ${num(MAX_STEPS / 2)} doses per drug`, found: num(n) });
    }
  });
  return issues;
}

function rateIssues(raw: RawScenario, s: Scenario): BoundIssue[] {
  const issues: BoundIssue[] = [];
  const too = (rate: number) => rate > MAX_RATE_PER_H;
  for (const name of ['sensitive', 'persister', 'resistant'] as const) {
    const dt = raw.phenotypes[name]?.doubling_time;
    if (dt !== undefined && too(Math.LN2 / dt)) {
      issues.push({
        path: ['phenotypes', name, 'doubling_time'], message: `a division rate of ${num(Math.LN2 / dt)}/h, faster than a run can follow`,
        expected: `a doubling_time >= ${hours(Math.LN2 / MAX_RATE_PER_H)} (a rate <= ${MAX_RATE_PER_H}/h)`, found: hours(dt),
      });
    }
  }
  const sw = s.switch;
  if (sw.model === 'two-state' && sw.targets !== undefined) {
    if (sw.targets.exitHalfLifeH !== null && too(sw.exitRate)) {
      issues.push({
        path: ['switch', 'exit_half_life'], message: `an exit rate of ${num(sw.exitRate)}/h, faster than a run can follow`,
        expected: `an exit_half_life >= ${hours(Math.LN2 / MAX_RATE_PER_H)}`, found: hours(sw.targets.exitHalfLifeH),
      });
    }
    if (sw.targets.stationaryFraction !== null && too(sw.entryRate)) {
      issues.push({
        path: ['switch', 'stationary_fraction'], message: `needs an entry rate of ${num(sw.entryRate)}/h, faster than a run can follow`,
        expected: `a smaller fraction or a slower exit (entry <= ${MAX_RATE_PER_H}/h)`, found: num(sw.targets.stationaryFraction),
      });
    }
  }
  return issues;
}

const EFFECT_VERB: Record<string, string> = { kill: 'kill sensitive cells', 'kill-persisters': 'kill persisters', 'promote-exit': 'push persisters out' };

/** Drugs of one effect add their rates; a drug_sensitivity multiplies the kill drugs' rate. */
function combinedRateIssues(s: Scenario): BoundIssue[] {
  const issues: BoundIssue[] = [];
  const dosed = (i: number) => s.drugs[i].adaptive !== undefined || s.drugs[i].doses.some((x) => x.amount > 0);
  for (const effect of Object.keys(EFFECT_VERB)) {
    let sum = 0;
    s.drugs.forEach((d, i) => {
      if (d.effect !== effect || !dosed(i)) return;
      const before = sum;
      sum += d.potency;
      if (before <= MAX_RATE_PER_H && sum > MAX_RATE_PER_H) {
        issues.push({
          path: ['drugs', i, 'potency'], message: `the ${effect} drugs together ${EFFECT_VERB[effect]} at up to ${num(sum)}/h (the sum of their potencies), faster than a run can follow`,
          expected: `${effect} potencies that sum to <= ${MAX_RATE_PER_H}/h (here <= ${num(MAX_RATE_PER_H - before)}/h)`, found: `${num(d.potency)}/h`,
        });
      }
    });
  }
  let kill = 0;
  s.drugs.forEach((d, i) => {
    if (d.effect === 'kill' && dosed(i)) kill += d.potency;
  });
  for (const name of ['persister', 'resistant'] as const) {
    const ds = s.phenotypes[name]?.drugSensitivity ?? 0;
    if (kill > MAX_RATE_PER_H || ds * kill <= MAX_RATE_PER_H) continue;
    issues.push({
      path: ['phenotypes', name, 'drug_sensitivity'], message: `a ${name} kill of up to ${num(ds * kill)}/h (drug_sensitivity x the kill drugs' ${num(kill)}/h), faster than a run can follow`,
      expected: `a drug_sensitivity <= ${num(MAX_RATE_PER_H / kill)}`, found: num(ds),
    });
  }
  return issues;
}

/** The FOSL1 level's noise, inheritance noise and Hill term, against its on threshold (MAX_LEVEL_SPREAD). */
function levelIssues(s: Scenario): BoundIssue[] {
  const sw = s.switch;
  if (sw.model !== 'fosl1') return [];
  const issues: BoundIssue[] = [];
  const on = sw.onThreshold;
  const maxNoise = Math.sqrt(MAX_RATE_PER_H) * on;
  if (sw.noise > maxNoise) {
    issues.push({
      path: ['switch', 'noise'], message: `noise that moves a level by ${num(sw.noise / on)} on-thresholds per sqrt(hour), faster than a run can follow`,
      expected: `a noise <= ${num(maxNoise)} (sqrt(${MAX_RATE_PER_H}/h) x on_threshold)`, found: num(sw.noise),
    });
  }
  if (sw.inheritanceNoise > MAX_LEVEL_SPREAD * on) {
    issues.push({
      path: ['switch', 'inheritance_noise'], message: `daughters ${num(sw.inheritanceNoise / on)} on-thresholds from their mother's level: no inheritance left, and beyond what the level's arithmetic holds`,
      expected: `an inheritance_noise <= ${num(MAX_LEVEL_SPREAD * on)} (${MAX_LEVEL_SPREAD} x on_threshold)`, found: num(sw.inheritanceNoise),
    });
  }
  if (issues.length > 0) return issues; // the Hill check below reads the noises
  // The highest level the cells reach: the drift's (production over decay, or production x
  // horizon if sooner) plus 10 sd of the noise and inheritance spread (its diffusion over the
  // relaxation time 1 / (2 decay), or the horizon if shorter) and 10 sd of one inheritance jump.
  const production = sw.basal + sw.feedback + sw.stressGain;
  const drift = Math.max(on, sw.initialLevel === 'stationary' ? 0 : sw.initialLevel, Math.min(production / sw.decay, production * s.time.horizonH));
  const divisions = Math.max(s.phenotypes.sensitive.divisionRate, s.phenotypes.persister.divisionRate);
  const spread = Math.sqrt((sw.noise ** 2 + divisions * sw.inheritanceNoise ** 2) * Math.min(1 / (2 * sw.decay), s.time.horizonH));
  const reach = drift + 10 * (spread + sw.inheritanceNoise);
  const decades = Math.log10(reach / sw.halfSaturation);
  if (sw.hill * decades > 300) {
    // A steep Hill over a fair half_saturation is the hill's fault; a tiny half_saturation its own.
    const byHill = decades <= 10;
    issues.push({
      path: ['switch', byHill ? 'hill' : 'half_saturation'],
      message: `(level / half_saturation)^hill overflows at levels the cells may reach (up to ${num(reach)}: the drift's highest level plus 10 sd of the noise)`,
      expected: byHill ? `a hill <= ${num(Math.floor(300 / decades))} with half_saturation ${num(sw.halfSaturation)}` : `a half_saturation >= ${num(reach / 10 ** (300 / sw.hill))} with hill ${num(sw.hill)}`,
      found: num(byHill ? sw.hill : sw.halfSaturation),
    });
  }
  return issues;
}

/** What sets the default step, as the field to name and what to change. */
function stepSource(raw: RawScenario, s: Scenario, dt: number): { path: PropertyKey[]; expected: string; found: string } {
  const h = s.time.horizonH;
  if (raw.time.dt !== undefined) return { path: ['time', 'dt'], expected: `a dt >= ${hours(h / MAX_STEPS)} over this horizon`, found: hours(dt) };
  const i = s.drugs.findIndex((d) => d.halfLifeH !== null && d.halfLifeH / HALF_LIFE_STEPS <= dt && d.doses.some((x) => x.amount > 0));
  if (i >= 0) {
    const hl = s.drugs[i].halfLifeH as number;
    return { path: ['drugs', i, 'half_life'], expected: `a half_life >= ${hours((HALF_LIFE_STEPS * h) / MAX_STEPS)} (the step is half_life / ${HALF_LIFE_STEPS}), or a shorter horizon`, found: hours(hl) };
  }
  const sw = s.switch;
  if (sw.model === 'fosl1' && fosl1StepLimit(s) <= dt) {
    const byFeedback = sw.feedback * maxHillSlope(sw.hill, sw.halfSaturation) >= sw.decay;
    return {
      path: ['switch', byFeedback ? 'feedback' : 'decay'],
      expected: `a slower level (the step is ${FOSL1_STEP_FRACTION} / the level's fastest rate, ${byFeedback ? 'feedback x the steepest slope of the Hill term' : 'decay + promote-exit'}), or a shorter horizon`,
      found: `${num(byFeedback ? sw.feedback : sw.decay)}/h, so steps of ${hours(dt)}`,
    };
  }
  return { path: ['time', 'horizon'], expected: `a horizon <= ${hours(dt * MAX_STEPS)}`, found: hours(h) };
}

function timeIssues(raw: RawScenario, s: Scenario, stepH: number): BoundIssue[] {
  const h = s.time.horizonH;
  const every = s.time.recordEveryH;
  const records = Math.floor(h / every) + 2;
  if (records > MAX_RECORD_TIMES) {
    const given = raw.time.record_every !== undefined;
    return [{
      path: given ? ['time', 'record_every'] : ['time', 'horizon'],
      message: `${num(records)} record times, more than ${num(MAX_RECORD_TIMES)}`,
      expected: given ? `a record_every >= ${hours(h / MAX_RECORD_TIMES)} over this horizon` : `a horizon <= ${hours(every * MAX_RECORD_TIMES)}, or a longer time.record_every`,
      found: given ? hours(every) : hours(h),
    }];
  }
  const issues: BoundIssue[] = [];
  const steps = h / stepH;
  if (steps > MAX_STEPS) {
    issues.push({ ...stepSource(raw, s, stepH), message: `${num(steps)} steps over the horizon (${hours(h)}), more than ${num(MAX_STEPS)}` });
  }
  raw.drugs.forEach((d, i) => {
    const j = d.schedule.findIndex((b) => 'adaptive' in b);
    const rule = s.drugs[i].adaptive;
    if (j < 0 || rule === undefined || h / rule.checkEveryH <= MAX_STEPS) return;
    issues.push({
      path: ['drugs', i, 'schedule', j, 'adaptive', 'check_every'], message: `${num(h / rule.checkEveryH)} checks over the horizon, more than ${num(MAX_STEPS)}`,
      expected: `a check_every >= ${hours(h / MAX_STEPS)}`, found: hours(rule.checkEveryH),
    });
  });
  if (s.replicates * records > MAX_REPLICATE_RECORDS) {
    issues.push({
      path: ['replicates'], message: `${num(s.replicates)} replicates x ${num(records)} record times is more than ${num(MAX_REPLICATE_RECORDS)} rows of results`,
      expected: `at most ${num(Math.floor(MAX_REPLICATE_RECORDS / records))} replicates, or a longer time.record_every`, found: num(s.replicates),
    });
  }
  return issues;
}

function engineIssues(s: Scenario): BoundIssue[] {
  if (s.engine !== 'agent' || s.population.initial <= AGENT_MAX_CELLS) return [];
  return [{
    path: ['engine'], message: `the agent engine holds at most ${num(AGENT_MAX_CELLS)} cells (one agent per cell); population.initial is ${num(s.population.initial)}`,
    expected: 'engine: population or auto (or fewer initial cells)', found: '"agent"',
  }];
}

/**
 * The clone rows lineage barcodes may hold: every barcode alive at every sample time and at
 * relapse, in every replicate (a bound: clones only die out). The agent engine gives every
 * initial cell a barcode, the population engine at most POPULATION_MAX_BARCODES; under auto
 * a tumour above the agent engine's cells goes to the population engine.
 */
function lineageIssues(s: Scenario): BoundIssue[] {
  if (s.lineage === undefined) return [];
  const n0 = s.population.initial;
  const barcodes = s.engine === 'population' || n0 > AGENT_MAX_CELLS ? Math.min(n0, POPULATION_MAX_BARCODES) : n0;
  const perReplicate = barcodes * (s.lineage.sampleAtH.length + 1);
  if (perReplicate * s.replicates <= MAX_CLONE_ROWS) return [];
  const times = Math.floor(MAX_CLONE_ROWS / (barcodes * s.replicates)) - 1;
  const k = s.lineage.sampleAtH.length;
  const plural = (n: number, what: string) => `${num(n)} ${what}${n === 1 ? '' : 's'}`;
  return [{
    path: ['lineage', 'sample_at'],
    message: `up to ${plural(barcodes, 'barcode')} counted at ${plural(k, 'sample time')} and at relapse in ${plural(s.replicates, 'replicate')} ` +
      `are ${num(perReplicate * s.replicates)} clone rows, more than the ${num(MAX_CLONE_ROWS)} a run holds`,
    expected: times >= 0 ? `at most ${plural(times, 'sample time')}, or fewer replicates or initial cells` : 'fewer replicates or initial cells',
    found: plural(k, 'sample time'),
  }];
}

/** Every limit the resolved scenario passes beyond; `stepH` is its step (model/steps.ts stepOf). */
export function boundIssues(raw: RawScenario, s: Scenario, stepH: number): BoundIssue[] {
  return [...rateIssues(raw, s), ...combinedRateIssues(s), ...levelIssues(s), ...timeIssues(raw, s, stepH), ...engineIssues(s), ...lineageIssues(s)];
}
