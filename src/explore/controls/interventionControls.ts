// Controls of the interventions on the switch: an inhibitor of entry into persistence (a
// block-entry drug, given with or after the chemotherapy) and a persister killer (a
// kill-persisters drug, given with the chemotherapy), plus a potency for every other drug
// of the scenario. A lesson that has no such drug gets one when its potency leaves 0: the
// scenario's drug list is rewritten whole (`drugs=[...]`, the only way to add a list item
// by override) with the new drug as a square pulse at an effect of 0.99.
import type { Drug, Scenario } from '../../model/scenario.js';
import { moved, valueOf, type ChoiceControl, type Control, type ControlValues, type SliderControl } from './control.js';
import type { ChemoPart } from './chemoControls.js';
import type { ControlContext, ControlPart } from './part.js';
import { hours, num, perHour } from './quantity.js';
import { givenDoses, pulse, type ScheduleBlock, type TreatmentWindow } from './schedule.js';

const GROUP = 'Interventions';
/** Dose of an added drug: effect 99 / (1 + 99) = 0.99 at ec50 1, so potency is nearly the effect. */
const ADDED_DOSE = 99;

export interface InterventionPart extends ControlPart {
  /** The `drugs=[...]` rewrite that adds missing drugs, or []: must come before other drug overrides. */
  listSets(values: ControlValues): string[];
}

type Timing = 'with' | 'after' | 'written';

function uniqueName(s: Scenario, base: string): string {
  const taken = new Set(s.drugs.map((d) => d.name));
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}${k}`;
  return name;
}

/** The drug's doses moved so the first is at `startH`, one block per dose. */
function shifted(drug: Drug, startH: number, horizonH: number): ScheduleBlock[] {
  const doses = givenDoses(drug);
  const delta = startH - doses[0].timeH;
  const kept = doses.filter((d, i) => i === 0 || d.timeH + delta < horizonH);
  return kept.map((d) =>
    d.durationH === null ? { at: [hours(d.timeH + delta)], dose: d.amount } : { at: [hours(d.timeH + delta)], dose: d.amount, duration: hours(d.durationH) },
  );
}

function timingOf(drug: Drug, w: TreatmentWindow): Timing {
  const first = givenDoses(drug)[0]?.timeH;
  if (first === undefined) return 'with';
  if (Math.abs(first - w.startH) < 1e-6) return 'with';
  if (Math.abs(first - w.endH) < 1e-6) return 'after';
  return 'written';
}

/** The window an intervention covers: the chemotherapy's, or as long again after it. */
function coverage(w: TreatmentWindow, timing: Timing): TreatmentWindow {
  if (timing === 'after') return { startH: w.endH, endH: w.endH + (w.endH - w.startH) };
  return w;
}

/** An added drug's schedule: the chemotherapy's own courses when it is given as pulses and "with" it, else one pulse over the coverage. */
function addedSchedule(chemo: ChemoPart, values: ControlValues, timing: Timing): ScheduleBlock[] {
  const course = chemo.course(values);
  if (timing !== 'after' && course !== null && course.halfLifeH === null && course.doses.length > 0) {
    return course.doses.map((d) => pulse(d.timeH, ADDED_DOSE, d.durationH ?? 1));
  }
  const cover = coverage(chemo.window(values), timing);
  return [pulse(cover.startH, ADDED_DOSE, Math.max(1, cover.endH - cover.startH))];
}

interface Slot {
  readonly drug: Drug | null;
  readonly name: string;
  readonly potency: SliderControl;
  readonly write: (v: number) => string;
}

export function interventionControls(ctx: ControlContext, chemo: ChemoPart): InterventionPart {
  const s = ctx.scenario;
  const fosl1 = s.switch.model === 'fosl1';
  const hasChemo = s.drugs.some((d) => d.effect === 'kill');
  const baseWindow = chemo.window({});

  const inhibitorDrug = s.drugs.find((d) => d.effect === 'block-entry') ?? null;
  const inhibitorName = inhibitorDrug?.name ?? uniqueName(s, 'inhibitor');
  const inhibitor: Slot = {
    drug: inhibitorDrug,
    name: inhibitorName,
    potency: {
      kind: 'slider', id: 'inhibitor.potency', group: GROUP, label: fosl1 ? 'FOSL1 inhibitor' : 'Entry inhibitor',
      help: fosl1
        ? 'Fraction of FOSL1 production blocked (a block-entry drug): fewer cells climb to the persister level.'
        : 'Fraction of entry into persistence blocked (a block-entry drug).',
      unit: '', scale: 'linear', min: 0, max: fosl1 ? 0.3 : 1, steps: fosl1 ? 30 : 20, zeroAllowed: false, initial: inhibitorDrug?.potency ?? 0,
    },
    write: (v) => `drugs.${inhibitorName}.potency=${num(v)}`,
  };
  const written = inhibitorDrug !== null ? timingOf(inhibitorDrug, baseWindow) : 'with';
  const canShift = inhibitorDrug === null || givenDoses(inhibitorDrug).length > 0;
  const timing: ChoiceControl | null = hasChemo && canShift
    ? {
        kind: 'choice', id: 'inhibitor.timing', group: GROUP, label: 'Inhibitor timing',
        help: 'Given together with the chemotherapy, or for as long again after it.',
        options: [
          { value: 'with', label: 'with the chemo' },
          { value: 'after', label: 'after the chemo' },
          ...(written === 'written' ? [{ value: 'written', label: 'as in the scenario' }] : []),
        ],
        initial: written,
      }
    : null;

  const killerDrug = s.drugs.find((d) => d.effect === 'kill-persisters') ?? null;
  const killerName = killerDrug?.name ?? uniqueName(s, 'killer');
  const kv = killerDrug?.potency ?? 0;
  const killer: Slot = {
    drug: killerDrug,
    name: killerName,
    potency: {
      kind: 'slider', id: 'killer.potency', group: GROUP, label: 'Persister killer',
      help: 'Death rate added to persisters (a kill-persisters drug, like a GPX4 inhibitor), given with the chemotherapy; 0 is none.',
      unit: '/h', scale: 'log', min: kv > 0 ? kv / 10 : 0.001, max: kv > 0 ? kv * 5 : 0.1, steps: 40, zeroAllowed: true, initial: kv,
    },
    write: (v) => `drugs.${killerName}.potency=${perHour(v)}`,
  };

  const chemoDrug = s.drugs.find((d) => d.effect === 'kill');
  const others = s.drugs.filter((d) => d !== chemoDrug && d !== inhibitorDrug && d !== killerDrug);
  const otherSlots: Slot[] = others.map((d) => ({
    drug: d,
    name: d.name,
    potency: d.effect === 'block-entry'
      ? { kind: 'slider', id: `drug.${d.name}.potency`, group: GROUP, label: `Potency of ${d.name}`, help: 'Fraction of entry blocked (block-entry).', unit: '', scale: 'linear', min: 0, max: 1, steps: 20, zeroAllowed: false, initial: d.potency }
      : {
          kind: 'slider', id: `drug.${d.name}.potency`, group: GROUP, label: `Potency of ${d.name}`, help: `Maximal effect of ${d.name} (${d.effect}); 0 is none.`,
          unit: '/h', scale: 'log', min: d.potency > 0 ? d.potency / 10 : 0.001, max: d.potency > 0 ? d.potency * 10 : 0.1, steps: 40, zeroAllowed: true, initial: d.potency,
        },
    write: (v) => `drugs.${d.name}.potency=${d.effect === 'block-entry' ? num(v) : perHour(v)}`,
  }));

  const windowMoved = (values: ControlValues) => {
    const w = chemo.window(values);
    return w.startH !== baseWindow.startH || w.endH !== baseWindow.endH;
  };
  const timingOfValues = (values: ControlValues): Timing => (timing === null ? 'with' : (valueOf(timing, values) as Timing));
  const potencyOf = (slot: Slot, values: ControlValues) => Number(valueOf(slot.potency, values));
  /** A drug to add: missing from the scenario and switched on. */
  const added = (values: ControlValues): Record<string, unknown>[] => {
    const out: Record<string, unknown>[] = [];
    for (const [slot, effect, when] of [[inhibitor, 'block-entry', timingOfValues(values)], [killer, 'kill-persisters', 'with']] as const) {
      if (slot.drug !== null || potencyOf(slot, values) <= 0) continue;
      out.push({ name: slot.name, effect, potency: 0, schedule: addedSchedule(chemo, values, when) });
    }
    return out;
  };

  const controls: Control[] = [inhibitor.potency, ...(timing === null ? [] : [timing]), killer.potency, ...otherSlots.map((o) => o.potency)];
  return {
    controls,
    listSets(values) {
      const extra = added(values);
      if (extra.length === 0) return [];
      const current = Array.isArray(ctx.data.drugs) ? (ctx.data.drugs as unknown[]) : [];
      return [`drugs=${JSON.stringify([...current, ...extra])}`];
    },
    sets(values) {
      const out: string[] = [];
      for (const slot of [inhibitor, killer, ...otherSlots]) {
        const on = slot.drug !== null || potencyOf(slot, values) > 0;
        if (on && moved(slot.potency, values)) out.push(slot.write(potencyOf(slot, values)));
      }
      const when = timingOfValues(values);
      if (inhibitorDrug !== null && timing !== null && when !== 'written' && (moved(timing, values) || windowMoved(values))) {
        const cover = coverage(chemo.window(values), when);
        out.push(`drugs.${inhibitorName}.schedule=${JSON.stringify(shifted(inhibitorDrug, cover.startH, s.time.horizonH))}`);
      }
      return out;
    },
  };
}
