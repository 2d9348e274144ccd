// The dosing pattern of a drug as the explorer varies it: read from the resolved doses
// (times in hours), rewritten as schedule blocks of the scenario format. A bolus drug given
// at even intervals gets a new interval (same first dose, same number of doses); a drug
// given as square pulses (courses) gets a new holiday between courses, or, with a single
// course, a new course length. The treatment window (first dose to the end of the effect of
// the last) places the interventions "with" or "after" the chemotherapy.
import type { Dose, Drug } from '../../model/scenario.js';
import { hours } from './quantity.js';

/** A schedule block as the scenario format writes it (JSON is YAML). */
export type ScheduleBlock =
  | { readonly at: string[]; readonly dose: number; readonly duration?: string }
  | { readonly start: string; readonly every: string; readonly count: number; readonly dose: number };

export interface TreatmentWindow {
  readonly startH: number;
  readonly endH: number;
}

export const givenDoses = (drug: Drug): Dose[] => drug.doses.filter((d) => d.amount > 0);

/** The common interval of evenly spaced doses of equal amount, or null. */
export function evenInterval(doses: readonly Dose[]): number | null {
  if (doses.length < 2) return null;
  const gap = doses[1].timeH - doses[0].timeH;
  if (!(gap > 0)) return null;
  for (let i = 1; i < doses.length; i++) {
    if (Math.abs(doses[i].timeH - doses[i - 1].timeH - gap) > 1e-6 * gap) return null;
    if (doses[i].amount !== doses[0].amount) return null;
  }
  return gap;
}

/** Bolus doses every `intervalH` from the first dose, as many as before. */
export function withInterval(doses: readonly Dose[], intervalH: number): ScheduleBlock[] {
  return [{ start: hours(doses[0].timeH), every: hours(intervalH), count: doses.length, dose: doses[0].amount }];
}

/** The gap between the end of the first course and the start of the second (pulses). */
export function firstHoliday(doses: readonly Dose[]): number | null {
  if (doses.length < 2) return null;
  return Math.max(0, doses[1].timeH - (doses[0].timeH + (doses[0].durationH ?? 0)));
}

/** The same courses, each `holidayH` after the end of the one before; courses from the horizon on are dropped. */
export function withHoliday(doses: readonly Dose[], holidayH: number, horizonH: number): ScheduleBlock[] {
  const out: ScheduleBlock[] = [];
  let t = doses[0].timeH;
  for (const d of doses) {
    if (out.length > 0 && t >= horizonH) break;
    out.push(pulse(t, d.amount, d.durationH ?? 0));
    t += (d.durationH ?? 0) + holidayH;
  }
  return out;
}

/** One course of the first dose's amount, `lengthH` long. */
export function withCourseLength(doses: readonly Dose[], lengthH: number): ScheduleBlock[] {
  return [pulse(doses[0].timeH, doses[0].amount, lengthH)];
}

export function pulse(timeH: number, dose: number, durationH: number): ScheduleBlock {
  return { at: [hours(timeH)], dose, duration: hours(durationH) };
}

/** Doses as the resolved scenario would hold them after one of the rewrites above. */
export function dosesOf(blocks: readonly ScheduleBlock[]): Dose[] {
  const h = (text: string) => Number(text.replace(/h$/, ''));
  const out: Dose[] = [];
  for (const b of blocks) {
    if ('at' in b) for (const t of b.at) out.push({ timeH: h(t), amount: b.dose, durationH: b.duration === undefined ? null : h(b.duration) });
    else for (let k = 0; k < b.count; k++) out.push({ timeH: h(b.start) + k * h(b.every), amount: b.dose, durationH: null });
  }
  return out.sort((a, b) => a.timeH - b.timeH);
}

/** First dose to the end of the last: a pulse's end, or a bolus's next due dose (three half-lives for a single one). */
export function treatmentWindow(doses: readonly Dose[], halfLifeH: number | null, horizonH: number): TreatmentWindow {
  if (doses.length === 0) return { startH: 0, endH: horizonH };
  const startH = doses[0].timeH;
  let endH = startH;
  if (halfLifeH === null) {
    for (const d of doses) endH = Math.max(endH, d.timeH + (d.durationH ?? 0));
  } else {
    const last = doses[doses.length - 1].timeH;
    const gap = doses.length > 1 ? (last - startH) / (doses.length - 1) : 3 * halfLifeH;
    endH = last + gap;
  }
  return { startH, endH: Math.min(endH, horizonH) };
}
