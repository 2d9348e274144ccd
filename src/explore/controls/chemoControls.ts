// Controls of the chemotherapy (the scenario's first `kill` drug): its potency, and its
// schedule: the interval between bolus doses, the holiday between courses, or the length of
// a single course (schedule.ts). The part also says where the treatment now lies, so that
// interventions given "with the chemo" follow a changed schedule.
import type { Dose, Drug, Scenario } from '../../model/scenario.js';
import { moved, valueOf, type ControlValues, type SliderControl } from './control.js';
import type { ControlPart } from './part.js';
import { fromDays, perHour, toDays } from './quantity.js';
import {
  dosesOf, evenInterval, firstHoliday, givenDoses, treatmentWindow, withCourseLength, withHoliday, withInterval,
  type ScheduleBlock, type TreatmentWindow,
} from './schedule.js';

export interface ChemoPart extends ControlPart {
  /** The chemotherapy's doses under these values (null without chemotherapy). */
  course(values: ControlValues): { readonly doses: readonly Dose[]; readonly halfLifeH: number | null } | null;
  /** The chemotherapy's treatment window under these values ([0, horizon] without chemotherapy). */
  window(values: ControlValues): TreatmentWindow;
}

const GROUP = 'Chemotherapy';

interface ScheduleControl {
  readonly control: SliderControl;
  readonly rewrite: (days: number) => ScheduleBlock[];
}

function scheduleControl(s: Scenario, drug: Drug): ScheduleControl | null {
  const doses = givenDoses(drug);
  if (doses.length === 0) return null;
  const horizonD = toDays(s.time.horizonH);
  const base = { kind: 'slider' as const, group: GROUP, unit: 'd', scale: 'linear' as const, zeroAllowed: false };
  if (drug.halfLifeH !== null) {
    const gap = evenInterval(doses);
    if (gap === null) return null;
    return {
      control: { ...base, id: 'chemo.interval', label: 'Dose interval', help: `Days between the ${doses.length} doses of ${drug.name}: shorter is dose-dense, longer gives the tumour time to regrow between doses.`, min: 1, max: 28, steps: 27, initial: toDays(gap) },
      rewrite: (d) => withInterval(doses, fromDays(d)),
    };
  }
  const holiday = firstHoliday(doses);
  if (holiday !== null) {
    const max = Math.max(28, Math.ceil(toDays(holiday) * 1.5));
    return {
      control: { ...base, id: 'chemo.holiday', label: 'Drug holiday', help: 'Days off drug between courses: time for persisters to return to sensitivity before the re-challenge.', min: 0, max, steps: max, initial: toDays(holiday) },
      rewrite: (d) => withHoliday(doses, fromDays(d), s.time.horizonH),
    };
  }
  const max = Math.max(1, Math.floor(horizonD));
  return {
    control: { ...base, id: 'chemo.length', label: 'Course length', help: `Days on ${drug.name}; the drug stops after that.`, min: 1, max, steps: Math.max(1, max - 1), initial: toDays(doses[0].durationH ?? 0) },
    rewrite: (d) => withCourseLength(doses, fromDays(d)),
  };
}

export function chemoControls(s: Scenario): ChemoPart {
  const drug = s.drugs.find((d) => d.effect === 'kill');
  const everything: TreatmentWindow = { startH: 0, endH: s.time.horizonH };
  if (drug === undefined) return { controls: [], sets: () => [], course: () => null, window: () => everything };
  const v = drug.potency;
  const potency: SliderControl = {
    kind: 'slider', id: 'chemo.potency', group: GROUP, label: `Potency of ${drug.name}`,
    help: 'Maximal kill rate of sensitive cells (persisters are killed at drug_sensitivity times this); 0 is no drug.',
    unit: '/h', scale: 'log', min: v > 0 ? v / 10 : 0.005, max: v > 0 ? v * 3 : 0.3, steps: 40, zeroAllowed: true, initial: v,
  };
  const schedule = scheduleControl(s, drug);
  const blocks = (values: ControlValues) =>
    schedule !== null && moved(schedule.control, values) ? schedule.rewrite(Number(valueOf(schedule.control, values))) : null;
  return {
    controls: schedule === null ? [potency] : [potency, schedule.control],
    sets(values) {
      const out: string[] = [];
      if (moved(potency, values)) out.push(`drugs.${drug.name}.potency=${perHour(Number(valueOf(potency, values)))}`);
      const b = blocks(values);
      if (b !== null) out.push(`drugs.${drug.name}.schedule=${JSON.stringify(b)}`);
      return out;
    },
    course(values) {
      const b = blocks(values);
      return { doses: b === null ? givenDoses(drug) : dosesOf(b), halfLifeH: drug.halfLifeH };
    },
    window(values) {
      const b = blocks(values);
      return treatmentWindow(b === null ? givenDoses(drug) : dosesOf(b), drug.halfLifeH, s.time.horizonH);
    },
  };
}
