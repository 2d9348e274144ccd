// Draws the dish into an RGBA pixel buffer: the background disc, then every dot as a small
// anti-aliased disc. Writing pixels directly keeps 5,000 dots well within a frame without a
// GPU. The background of a given colour is painted once and copied afterwards; a dot's
// inner pixels (fully covered, opaque) are written as whole 32-bit words, and only its rim
// is blended.

export interface DiscFrame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Per pixel: 0 outside the dish, 1 inside, 2 on its rim. */
export function dishMask(size: number): Uint8Array {
  const mask = new Uint8Array(size * size);
  const c = size / 2;
  const R = c - 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      mask[y * size + x] = d < R - 2 ? 1 : d < R ? 2 : 0;
    }
  }
  return mask;
}

const RIM = 0xcec4be; // 0xBBGGRR of rgb(190, 196, 206)
const OUTSIDE = 0xffffff;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** 0xRRGGBB as the 32-bit word of an opaque RGBA pixel in this machine's byte order. */
export function pixelWord(color: number): number {
  const r = (color >> 16) & 255;
  const g = (color >> 8) & 255;
  const b = color & 255;
  return LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

export class Raster {
  readonly words: Uint32Array;
  private readonly background: Uint32Array;
  private backgroundColor = -1;

  constructor(readonly frame: DiscFrame, private readonly mask: Uint8Array) {
    this.words = new Uint32Array(frame.data.buffer, frame.data.byteOffset, frame.width * frame.height);
    this.background = new Uint32Array(this.words.length);
  }

  /** Fills the frame with the dish on a background of colour 0xRRGGBB. */
  paintBackground(color: number): void {
    if (color !== this.backgroundColor) {
      const inside = pixelWord(color);
      const rim = pixelWord(((RIM & 255) << 16) | (RIM & 0xff00) | (RIM >> 16));
      const outside = pixelWord(OUTSIDE);
      const mask = this.mask;
      for (let i = 0; i < mask.length; i++) this.background[i] = mask[i] === 1 ? inside : mask[i] === 2 ? rim : outside;
      this.backgroundColor = color;
    }
    this.words.set(this.background);
  }

  /** A disc of colour 0xRRGGBB centred at (cx, cy), radius r (pixels), opacity alpha. */
  disc(cx: number, cy: number, r: number, color: number, alpha: number): void {
    if (r <= 0 || alpha <= 0) return;
    const { data, width, height } = this.frame;
    const words = this.words;
    const x0 = Math.max(0, Math.floor(cx - r - 0.5));
    const x1 = Math.min(width - 1, Math.floor(cx + r + 0.5));
    const y0 = Math.max(0, Math.floor(cy - r - 0.5));
    const y1 = Math.min(height - 1, Math.floor(cy + r + 0.5));
    const cr = (color >> 16) & 255;
    const cg = (color >> 8) & 255;
    const cb = color & 255;
    const word = pixelWord(color);
    const opaque = alpha >= 1;
    const inner = r > 0.5 ? (r - 0.5) * (r - 0.5) : -1;
    const outer = (r + 0.5) * (r + 0.5);
    for (let y = y0; y <= y1; y++) {
      const dy = y + 0.5 - cy;
      const dy2 = dy * dy;
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - cx;
        const d2 = dx * dx + dy2;
        if (d2 >= outer) continue;
        const p = y * width + x;
        if (opaque && d2 <= inner) {
          words[p] = word;
          continue;
        }
        let a = r + 0.5 - Math.sqrt(d2);
        if (a > 1) a = 1;
        a *= alpha;
        const j = p * 4;
        data[j] += (cr - data[j]) * a;
        data[j + 1] += (cg - data[j + 1]) * a;
        data[j + 2] += (cb - data[j + 2]) * a;
      }
    }
  }
}
