// Colours of the dish. By state: sensitive sky blue, persister orange, resistant reddish
// purple (Okabe & Ito 2008, readable by colour-blind viewers). By FOSL1 level: blue while low, pale between the
// thresholds, orange to red above the on threshold. The background takes on the
// chemotherapy's colour (that of its lane and chart bands) as its effect rises. Colours are
// packed 0xRRGGBB.

/** Sensitive, persister, resistant. */
export const STATE_COLORS: readonly [number, number, number][] = [
  [86, 180, 233],
  [230, 159, 0],
  [204, 121, 167],
];
export const DYING: readonly [number, number, number] = [110, 110, 110];

const BG_OFF: readonly [number, number, number] = [20, 24, 34];
/** How far towards the drug's colour the background goes at full effect. */
const BG_DEPTH = 0.55;

export interface LevelScale {
  readonly off: number;
  readonly on: number;
}

const mix = (a: readonly number[], b: readonly number[], t: number) => [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * t));

/** Anchors (level, colour) of the level map. */
function anchors(scale: LevelScale): [number, readonly number[]][] {
  return [
    [0, [40, 100, 215]],
    [scale.off * 0.6, [70, 150, 240]],
    [scale.off, [170, 215, 255]],
    [scale.on, [255, 215, 110]],
    [scale.on * 1.25, [245, 140, 30]],
    [scale.on * 1.6, [215, 50, 30]],
  ];
}

/** A lookup table of the level map: `size` colours for levels 0 .. max. */
export function levelTable(scale: LevelScale, size = 256): { colors: Uint32Array; max: number } {
  const a = anchors(scale);
  const max = a[a.length - 1][0];
  const colors = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    const x = (i / (size - 1)) * max;
    let k = 0;
    while (k < a.length - 2 && x > a[k + 1][0]) k++;
    const t = Math.min(1, Math.max(0, (x - a[k][0]) / (a[k + 1][0] - a[k][0])));
    colors[i] = pack(mix(a[k][1], a[k + 1][1], t));
  }
  return { colors, max };
}

/** CSS gradient stops of the level map, for the legend. */
export function levelGradient(scale: LevelScale): string {
  const a = anchors(scale);
  const max = a[a.length - 1][0];
  return a.map(([x, c]) => `rgb(${c.join(',')}) ${((100 * x) / max).toFixed(1)}%`).join(', ');
}

/** The background at a drug effect in [0, 1], for a drug of colour 'r,g,b'. */
export function background(effect: number, drugRgb: string): number {
  const drug = drugRgb.split(',').map(Number);
  return pack(mix(BG_OFF, mix(BG_OFF, drug, BG_DEPTH), Math.min(1, Math.max(0, effect))));
}

export const pack = (c: readonly number[]) => (c[0] << 16) | (c[1] << 8) | c[2];
export const css = (c: number) => `rgb(${(c >> 16) & 255},${(c >> 8) & 255},${c & 255})`;
