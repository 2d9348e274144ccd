// How large a scenario text may be. A scenario is a few kilobytes (the largest lesson is
// 5 KB, 150 lines); the caps are far above any real one and keep loading (parse, validation,
// error location) to well under a second, whatever the text holds: 10 MB of blank lines or
// a list of a million items is refused at once, before the YAML parser sees it. A file is
// read only up to the cap (scenario/load.ts), so /dev/zero or a FIFO cannot hang the loader.
import { ScenarioError } from './errors.js';

export const MAX_SCENARIO_BYTES = 128 * 1024;
export const MAX_SCENARIO_LINES = 10_000;

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(0)} KB`);

function refuse(file: string, message: string, expected: string, found: string): never {
  throw new ScenarioError([{ file, line: 0, column: 0, path: '', message, expected, found }]);
}

/** Refuses a file of more bytes than the cap; `more`: reading stopped at the cap, so it has at least `bytes`. */
export function checkFileSize(bytes: number, file: string, more = false): void {
  if (bytes > MAX_SCENARIO_BYTES) {
    refuse(file, 'the scenario file is too large (is it a scenario?)', `at most ${size(MAX_SCENARIO_BYTES)}`, more ? `more than ${size(MAX_SCENARIO_BYTES)}` : size(bytes));
  }
}

/** Refuses a text over the caps (its length stands for its size; a CR, LF or CRLF ends a line). */
export function checkTextSize(text: string, file: string): void {
  checkFileSize(text.length, file);
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  if (lines > MAX_SCENARIO_LINES) {
    refuse(file, 'the scenario has too many lines (is it a scenario?)', `at most ${MAX_SCENARIO_LINES} lines`, `${lines}`);
  }
}
