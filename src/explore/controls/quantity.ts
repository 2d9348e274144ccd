// Values as the scenario format writes them, for `--set` overrides: rates per hour
// (`0.08/h`), durations in hours (`240h`), plain numbers with enough digits to read back.
// Display values in days are converted here too.

export const HOURS_PER_DAY = 24;

/** A number for YAML: shortest text that reads back to six significant digits. */
export function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

export const perHour = (x: number) => `${num(x)}/h`;
export const hours = (h: number) => `${num(h)}h`;
export const toDays = (h: number) => h / HOURS_PER_DAY;
export const fromDays = (d: number) => d * HOURS_PER_DAY;
