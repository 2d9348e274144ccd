// Number formatting for output files: deterministic, shortest round-trip for integers and
// 6 significant digits otherwise, so files are byte-identical across runs and machines.
export function fmt(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/** Rounds to 6 significant digits for JSON output (integers unchanged). */
export function round6(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(6));
}
