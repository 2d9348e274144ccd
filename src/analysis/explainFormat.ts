// Number and text formatting shared by the sections of `persim explain`: 4 significant
// digits, percentages, rates per day, durations in hours or days, plain-text tables.

const DAY = 24;

export function section(out: string[], title: string): void {
  out.push('', title);
}

export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[1] === '' && j === 0 ? 0 : r[j].length))));
  const fmt = (r: string[]) =>
    r[1] === '' && r[2] === '' ? `  ${r[0]}` : '  ' + r.map((c, j) => (j < 2 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  return [fmt(header), ...rows.map(fmt)];
}

/** 4 significant digits; exponent form outside [0.001, 100000). */
export function num(x: number): string {
  if (Number.isNaN(x)) return 'undefined';
  if (!Number.isFinite(x)) return x > 0 ? 'infinity' : '-infinity';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) {
    const [mantissa, exponent] = x.toExponential(3).split('e');
    return `${String(Number(mantissa))}e${Number(exponent)}`;
  }
  return String(Number(x.toPrecision(4)));
}

export function pct(f: number): string {
  return `${num(100 * f)}%`;
}

export function perDay(ratePerHour: number): string {
  return perDayValue(ratePerHour * DAY);
}

export function perDayValue(ratePerDay: number): string {
  return `${num(ratePerDay)} per day`;
}

/** A duration in hours, written in hours below 2 days and in days above. */
export function dur(hours: number): string {
  if (!Number.isFinite(hours)) return 'forever';
  return hours < 48 ? `${num(hours)} h` : `${num(hours / DAY)} days`;
}

export function day(hours: number): string {
  return `day ${num(hours / DAY)}`;
}

export function probability(log10p: number): string {
  if (log10p === -Infinity) return '0';
  return log10p < -4 ? `about 10^${Math.round(log10p)}` : num(10 ** log10p);
}

/** What a drug of potency 0 does (a placebo: the control arm of a trial, or a sweep's zero). */
export const NO_EFFECT = 'has no effect (potency 0)';
