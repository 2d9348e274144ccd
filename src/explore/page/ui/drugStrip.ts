// Under the dish, one lane per acting drug: its effect over the whole run (darker is
// stronger, the colours of the charts' exposure bands), and a cursor at the dish's time. A
// drug dosed adaptively gets its lane filled in as the replicate receives it.
import { drugEffect } from '../../../model/pkpd.js';
import type { Drug, Scenario } from '../../../model/scenario.js';
import { activeDrugs } from '../../../report/charts/exposure.js';
import { DRUG_COLORS, cycle } from '../../../report/charts/style.js';
import { isAdaptive } from '../../engineFeatures.js';

const LANE = 13;
const LABEL = 120;
const COLUMNS = 240;
const EFFECT_WORDS: Record<string, string> = { kill: 'kills', 'block-entry': 'blocks entry', 'kill-persisters': 'kills persisters', 'promote-exit': 'pushes exit' };

/** The text cut with an ellipsis to fit `width` pixels. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}

export class DrugStrip {
  private readonly lanes = document.createElement('canvas');
  private horizonH = 1;
  /** The lane of the adaptive kill drug, and its colour, or null. */
  private adaptiveLane: { readonly lane: number; readonly rgb: string } | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Draws the lanes of a scenario once. */
  draw(s: Scenario): void {
    const adaptive = s.drugs.map((drug, index) => ({ drug, index })).filter(({ drug }) => isAdaptive(drug) && drug.potency > 0);
    const drugs: { drug: Drug; rgb: string; adaptive: boolean }[] = [
      ...activeDrugs(s).filter((d) => !isAdaptive(d.drug)).map((d) => ({ ...d, adaptive: false })),
      ...adaptive.map(({ drug, index }) => ({ drug, rgb: cycle(DRUG_COLORS, index), adaptive: true })),
    ];
    const first = drugs.findIndex((d) => d.adaptive && d.drug.effect === 'kill');
    this.adaptiveLane = first < 0 ? null : { lane: first, rgb: drugs[first].rgb };
    const w = this.canvas.clientWidth || 460;
    const h = Math.max(1, drugs.length) * LANE + 14;
    for (const c of [this.canvas, this.lanes]) {
      c.width = w;
      c.height = h;
    }
    this.canvas.style.height = `${h}px`;
    this.horizonH = s.time.horizonH;
    const ctx = this.lanes.getContext('2d');
    if (ctx === null) return;
    ctx.clearRect(0, 0, w, h);
    ctx.font = '11px sans-serif';
    ctx.textBaseline = 'middle';
    if (drugs.length === 0) {
      ctx.fillStyle = '#666';
      ctx.fillText('no drug: an untreated tumour', 0, LANE / 2);
    }
    const plotW = w - LABEL;
    drugs.forEach(({ drug, rgb, adaptive: decided }, lane) => {
      const y = lane * LANE;
      ctx.fillStyle = '#333';
      ctx.fillText(fit(ctx, `${drug.name}: ${decided ? 'adaptive' : EFFECT_WORDS[drug.effect] ?? drug.effect}`, LABEL - 6), 0, y + LANE / 2);
      ctx.fillStyle = '#eee';
      ctx.fillRect(LABEL, y + 1, plotW, LANE - 3);
      if (decided) return;
      for (let k = 0; k < COLUMNS; k++) {
        const t = ((k + 0.5) / COLUMNS) * s.time.horizonH;
        const e = drugEffect(drug, t);
        if (e < 0.01) continue;
        ctx.fillStyle = `rgba(${rgb},${(0.15 + 0.85 * e).toFixed(3)})`;
        ctx.fillRect(LABEL + (k / COLUMNS) * plotW, y + 1, plotW / COLUMNS + 0.5, LANE - 3);
      }
    });
    ctx.fillStyle = '#666';
    ctx.fillText('day 0', LABEL, h - 6);
    const end = `day ${(s.time.horizonH / 24).toFixed(0)}`;
    ctx.fillText(end, w - ctx.measureText(end).width, h - 6);
  }

  /** Fills the adaptive drug's lane from t0 to t1 (hours) with the effect it had. */
  mark(t0H: number, t1H: number, effect: number): void {
    const a = this.adaptiveLane;
    const ctx = this.lanes.getContext('2d');
    if (a === null || ctx === null || effect < 0.01) return;
    const plotW = this.lanes.width - LABEL;
    const x0 = LABEL + (t0H / this.horizonH) * plotW;
    const x1 = LABEL + (t1H / this.horizonH) * plotW;
    ctx.fillStyle = `rgba(${a.rgb},${(0.15 + 0.85 * effect).toFixed(3)})`;
    ctx.fillRect(x0, a.lane * LANE + 1, Math.max(0.5, x1 - x0), LANE - 3);
  }

  /** The lanes with the cursor at time t (hours). */
  cursor(tH: number): void {
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) return;
    const w = this.canvas.width;
    ctx.clearRect(0, 0, w, this.canvas.height);
    ctx.drawImage(this.lanes, 0, 0);
    const x = LABEL + (Math.min(1, tH / this.horizonH) * (w - LABEL));
    ctx.fillStyle = 'rgba(200,40,40,0.9)';
    ctx.fillRect(x - 1, 0, 2, this.canvas.height - 12);
  }
}
