// What the dish's colours mean: the states, or the FOSL1 level scale with its thresholds,
// and the background's drug effect.
import type { Scenario } from '../../../model/scenario.js';
import type { ColorBy } from '../../dish/paint.js';
import { STATE_COLORS, background, css, levelGradient, pack } from '../../dish/palette.js';
import { el } from '../dom.js';
import { resistantDivisionRate } from '../../engineFeatures.js';

const swatch = (color: string) => el('span', { class: 'swatch', style: `background:${color}` });

export function renderLegend(root: HTMLElement, s: Scenario, by: ColorBy, drugRgb: string): void {
  const items: HTMLElement[] = [];
  if (by === 'level' && s.switch.model === 'fosl1') {
    const sw = s.switch;
    const scale = { off: sw.offThreshold, on: sw.onThreshold };
    const max = sw.onThreshold * 1.6;
    const at = (x: number) => `${((100 * x) / max).toFixed(1)}%`;
    items.push(
      el('div', { class: 'level-scale' }, [
        el('span', {}, ['FOSL1 level']),
        el('span', { class: 'bar', style: `background:linear-gradient(to right, ${levelGradient(scale)})` }, [
          el('span', { class: 'tick', style: `left:${at(sw.offThreshold)}`, title: 'off threshold' }, [`${sw.offThreshold}`]),
          el('span', { class: 'tick', style: `left:${at(sw.onThreshold)}`, title: 'on threshold' }, [`${sw.onThreshold}`]),
        ]),
        el('span', { class: 'small' }, [`persister above ${sw.onThreshold}, sensitive again below ${sw.offThreshold}`]),
      ]),
    );
  } else {
    items.push(
      el('span', {}, [swatch(css(pack(STATE_COLORS[0]))), 'sensitive']),
      el('span', {}, [swatch(css(pack(STATE_COLORS[1]))), 'persister']),
    );
  }
  if (resistantDivisionRate(s) !== null) items.push(el('span', {}, [swatch(css(pack(STATE_COLORS[2]))), 'resistant (genetic)']));
  if (s.drugs.some((d) => d.effect === 'kill')) {
    items.push(el('span', {}, ['background:', swatch(css(background(0, drugRgb))), 'no drug', swatch(css(background(1, drugRgb))), 'full chemotherapy effect']));
  }
  root.replaceChildren(...items);
}
