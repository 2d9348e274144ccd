// Play, pause, step and speed for the dish, and what its dots are coloured by.
import type { ColorBy } from '../../dish/paint.js';
import { SPEEDS_DAYS_PER_S } from '../clock.js';
import { byId, el } from '../dom.js';

export interface TransportEvents {
  togglePlay(): void;
  step(): void;
  speed(daysPerS: number): void;
  colorBy(by: ColorBy): void;
}

export class Transport {
  private readonly play = byId<HTMLButtonElement>('play');
  private readonly speedSelect = byId<HTMLSelectElement>('speed');
  private readonly colorSelect = byId<HTMLSelectElement>('color-by');

  constructor(on: TransportEvents) {
    this.play.addEventListener('click', () => on.togglePlay());
    byId<HTMLButtonElement>('step').addEventListener('click', () => on.step());
    this.speedSelect.replaceChildren(...SPEEDS_DAYS_PER_S.map((s) => el('option', { value: s }, [`${s} ${s === 1 ? 'day' : 'days'} / s`])));
    this.speedSelect.addEventListener('change', () => on.speed(Number(this.speedSelect.value)));
    this.colorSelect.addEventListener('change', () => on.colorBy(this.colorSelect.value as ColorBy));
  }

  showPlaying(playing: boolean): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.play.classList.toggle('playing', playing);
  }

  showSpeed(daysPerS: number): void {
    this.speedSelect.value = String(daysPerS);
  }

  /** The colour choices: FOSL1 level only exists under the FOSL1 switch. */
  showColorBy(by: ColorBy, levelAvailable: boolean): void {
    this.colorSelect.replaceChildren(
      el('option', { value: 'state' }, ['state']),
      ...(levelAvailable ? [el('option', { value: 'level' }, ['FOSL1 level'])] : []),
    );
    this.colorSelect.value = by;
  }
}
