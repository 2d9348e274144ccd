// The words beside the dish: the day, the cells shown, how many cells a dot stands for,
// what happened to the tumour, the batch's progress, and the population engine when a
// lesson's tumour is too large to follow cell by cell.
import { EXPLORER_MAX_CELLS } from '../worker/protocol.js';
import { count } from './dom.js';
import type { Session } from './session.js';

export interface StatusText {
  readonly day: string;
  readonly scale: string;
  readonly line: string;
}

const day = (h: number) => (h / 24).toFixed(1);

function percent(x: number): string {
  const p = 100 * x;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p.toPrecision(2)}%`;
}

export function statusText(s: Session): StatusText {
  const f = s.dish.shown;
  const parts = [`Day ${day(s.clock.t)} of ${day(s.scenario.time.horizonH)}`];
  const perDot = s.dish.cellsPerDot;
  const scale = perDot === 1 ? '1 dot = 1 cell' : `1 dot = ${count(perDot)} cells`;
  if (f !== null) {
    const total = f.sensitive + f.persister + f.resistant;
    const share = total > 0 ? ` (${percent(f.persister / total)})` : '';
    parts.push(`${count(total)} cells, ${count(f.persister)} persisters${share}${s.withResistant ? `, ${count(f.resistant)} resistant` : ''}`);
    parts.push(scale);
    if (f.extinctH !== null && f.extinctH <= s.clock.t) parts.push(`extinct on day ${day(f.extinctH)}`);
    else if (f.relapseH !== null && f.relapseH > 0 && f.relapseH <= s.clock.t) parts.push(`relapsed on day ${day(f.relapseH)}`);
    if (f.limited) parts.push(`stopped: more than ${count(EXPLORER_MAX_CELLS)} cells`);
  }
  if (s.engineName === 'population') parts.push('population engine: too many cells to follow one by one');
  parts.push(`batch: ${s.stats.size} of ${s.batchTotal} replicates`);
  return { day: `day ${day(s.clock.t)}`, scale, line: parts.join(' · ') };
}
