// The controls of the current lesson, grouped (switch, chemotherapy, interventions): a
// slider shows its value as it moves and commits when released; a choice commits at once.
// "Back to the lesson" clears every moved control. Keyboard focus stays on the control
// that was moved (dom.ts, keepingFocus).
import { formatValue, sliderPosition, sliderValue, valueOf, type Control, type ControlValues } from '../../controls/control.js';
import { el, keepingFocus } from '../dom.js';

export interface ControlsPanelEvents {
  commit(id: string, value: number | string): void;
  reset(): void;
}

function describe(c: Control, value: number | string): string {
  if (c.kind === 'choice') return '';
  const v = Number(value);
  return c.unit === '' ? formatValue(v) : `${formatValue(v)} ${c.unit === 'd' ? (v === 1 ? 'day' : 'days') : c.unit}`;
}

export function renderControls(root: HTMLElement, controls: readonly Control[], values: ControlValues, on: ControlsPanelEvents): void {
  keepingFocus(root, () => build(root, controls, values, on));
}

function build(root: HTMLElement, controls: readonly Control[], values: ControlValues, on: ControlsPanelEvents): void {
  root.replaceChildren(el('h2', {}, ['Change the experiment']));
  const groups = new Map<string, HTMLElement>();
  for (const c of controls) {
    let group = groups.get(c.group);
    if (group === undefined) {
      group = el('fieldset', { class: 'group' }, [el('legend', {}, [c.group])]);
      groups.set(c.group, group);
      root.append(group);
    }
    const value = valueOf(c, values);
    const changed = value !== c.initial;
    const output = el('output', { class: changed ? 'value changed' : 'value' }, [describe(c, value)]);
    let input: HTMLInputElement | HTMLSelectElement;
    if (c.kind === 'slider') {
      input = el('input', { type: 'range', min: 0, max: c.steps, step: 1, value: sliderPosition(c, Number(value)), id: `control-${c.id}`, 'data-control': c.id });
      const range = input;
      range.addEventListener('input', () => {
        output.textContent = describe(c, sliderValue(c, Number(range.value)));
      });
      range.addEventListener('change', () => on.commit(c.id, sliderValue(c, Number(range.value))));
    } else {
      input = el('select', { id: `control-${c.id}`, 'data-control': c.id }, c.options.map((o) => el('option', { value: o.value, selected: o.value === value }, [o.label])));
      const select = input;
      select.addEventListener('change', () => on.commit(c.id, select.value));
    }
    group.append(
      el('div', { class: 'control', title: c.help }, [
        el('label', { for: `control-${c.id}` }, [c.label]),
        output,
        input,
        el('div', { class: 'help' }, [c.help]),
      ]),
    );
  }
  const reset = el('button', { type: 'button', id: 'reset-controls' }, ['Back to the lesson as written']);
  reset.addEventListener('click', () => on.reset());
  root.append(reset);
}
