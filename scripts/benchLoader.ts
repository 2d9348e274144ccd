// `npm run bench`, loader section: the time to load (and reject) scenarios with many unknown
// keys, up to the 10,000-line cap, and a 10 MB text refused by the size cap. Linear loading
// shows as a constant time per key. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { ScenarioError } from '../src/scenario/errors.js';
import { loadScenarioText } from '../src/scenario/load.js';

const TINY = readFileSync(new URL('../test/robustness/inputs/tiny.yaml', import.meta.url), 'utf8');

function timeLoad(text: string): { ms: number; issues: number } {
  const t0 = performance.now();
  let issues = 0;
  try {
    loadScenarioText(text, 'bench.yaml');
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    issues = err.issues.length;
  }
  return { ms: performance.now() - t0, issues };
}

export function benchLoader(): void {
  console.log('persim bench: loader (scenario text -> located errors)');
  timeLoad(TINY); // warm-up
  for (const n of [1000, 3000, 9000]) {
    const { ms, issues } = timeLoad(TINY + Array.from({ length: n }, (_, i) => `u${i}: 1\n`).join(''));
    console.log(`  ${String(n).padStart(5)} unknown keys  ${ms.toFixed(0).padStart(5)} ms  ${((ms / n) * 1000).toFixed(0)} us per key  (${issues} issues)`);
  }
  const blank = timeLoad(TINY + '\n'.repeat(10_000_000));
  console.log(`  10 MB of blank lines  ${blank.ms.toFixed(0)} ms  (refused by the size cap)`);
}
