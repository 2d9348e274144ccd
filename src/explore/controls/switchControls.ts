// Controls of the persistence switch. Two-state: spontaneous and drug-induced entry and the
// exit rate (or, when the scenario gives the switch by its targets, the stationary fraction
// and the exit half-life, which stand for those rates). FOSL1: basal production and the
// strength of the positive feedback, which make the two steady levels.
import type { Fosl1Switch, TwoStateSwitch } from '../../model/scenario.js';
import { moved, valueOf, type Control, type ControlValues, type SliderControl } from './control.js';
import type { ControlContext, ControlPart } from './part.js';
import { hours, num, perHour } from './quantity.js';

const GROUP = 'Persistence switch';

/** A log slider around a rate (per hour), 0 at its left end. */
function rateSlider(id: string, label: string, help: string, value: number, fallback: [number, number], spread: number): SliderControl {
  const [min, max] = value > 0 ? [value / spread, value * spread] : fallback;
  return { kind: 'slider', id, group: GROUP, label, help, unit: '/h', scale: 'log', min, max, steps: 40, zeroAllowed: true, initial: value };
}

function twoState(sw: TwoStateSwitch): ControlPart {
  const controls: SliderControl[] = [];
  const writers: [SliderControl, (v: number) => string][] = [];
  const add = (c: SliderControl, write: (v: number) => string) => {
    controls.push(c);
    writers.push([c, write]);
  };
  const fraction = sw.targets?.stationaryFraction ?? null;
  if (fraction !== null) {
    add(
      { kind: 'slider', id: 'switch.fraction', group: GROUP, label: 'Persisters before treatment', help: 'The stationary persister fraction of the untreated tumour (sets the spontaneous entry rate).', unit: '', scale: 'log', min: fraction / 30, max: Math.min(0.3, fraction * 30), steps: 40, zeroAllowed: false, initial: fraction },
      (v) => `switch.stationary_fraction=${num(v)}`,
    );
  } else {
    add(rateSlider('switch.entry', 'Spontaneous entry', 'Rate at which a sensitive cell becomes a persister without drug: sets how many persisters exist before treatment.', sw.entryRate, [1e-6, 1e-3], 30), (v) => `switch.entry_rate=${perHour(v)}`);
  }
  add(rateSlider('switch.induced', 'Drug-induced entry', 'Entry rate added at full drug stress: persisters made by the drug itself.', sw.inducedEntryRate, [1e-4, 1e-2], 30), (v) => `switch.induced_entry_rate=${perHour(v)}`);
  const halfLife = sw.targets?.exitHalfLifeH ?? null;
  if (halfLife !== null) {
    add(
      { kind: 'slider', id: 'switch.exitHalfLife', group: GROUP, label: 'Exit half-life (off drug)', help: 'How long a persister takes, on average, to return to sensitivity once the drug is gone.', unit: 'h', scale: 'log', min: halfLife / 10, max: halfLife * 10, steps: 40, zeroAllowed: false, initial: halfLife },
      (v) => `switch.exit_half_life=${hours(v)}`,
    );
  } else {
    add(rateSlider('switch.exit', 'Exit (off drug)', 'Rate at which a persister returns to sensitivity once the drug is gone: 0 makes tolerance permanent.', sw.exitRate, [1e-3, 1e-1], 10), (v) => `switch.exit_rate=${perHour(v)}`);
  }
  return { controls, sets: (values) => setsOf(writers, values) };
}

function fosl1(sw: Fosl1Switch): ControlPart {
  const linear = (id: string, label: string, help: string, value: number): SliderControl => ({
    kind: 'slider', id, group: GROUP, label, help, unit: '/h', scale: 'linear', min: value * 0.6, max: value * 1.4, steps: 40, zeroAllowed: false, initial: value,
  });
  const basal = linear('fosl1.basal', 'FOSL1 basal production', 'Production of FOSL1 in every cell: higher brings the low (sensitive) level closer to the barrier, so more cells cross it.', sw.basal);
  const feedback = linear('fosl1.feedback', 'FOSL1 feedback', 'Self-activation of FOSL1 above its half-saturation: makes the high (persister) level and the barrier between the states.', sw.feedback);
  const writers: [SliderControl, (v: number) => string][] = [
    [basal, (v) => `switch.basal=${perHour(v)}`],
    [feedback, (v) => `switch.feedback=${perHour(v)}`],
  ];
  return { controls: [basal, feedback], sets: (values) => setsOf(writers, values) };
}

function setsOf(writers: readonly [Control, (v: number) => string][], values: ControlValues): string[] {
  return writers.filter(([c]) => moved(c, values)).map(([c, write]) => write(Number(valueOf(c, values))));
}

export function switchControls(ctx: ControlContext): ControlPart {
  const sw = ctx.scenario.switch;
  return sw.model === 'two-state' ? twoState(sw) : fosl1(sw);
}
