// `npm run bench`, the C anchor: scripts/anchor-ssa.c (a plain direct-method SSA of the same
// two-type model, counts only, a logarithm per event) compiled with the system's `cc -O3` into
// a temporary folder and run on the reference model's own compiled timeline (the same step
// boundaries and per-cell rates persim's agent engine steps through), for the same number of
// runs. Prints the C program's time per run, events per second and mean total (with the exact
// value), and persim's events per second as a ratio of C's (persim / C; 1 = as fast as C).
// Without a C compiler it prints a note and returns. Asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../src/model/scenario.js';
import type { Timeline } from '../src/model/timeline.js';

export interface EngineFigure {
  readonly secondsPerRun: number;
  readonly eventsPerSecond: number;
}

/** The C program's arguments: runs, seed, initial sensitive cells, then each step's end and rates. */
function anchorArgs(s: Scenario, tl: Timeline, runs: number): string[] {
  const args = [String(runs), String(s.seed), String(s.population.initial)];
  for (let i = 0; i + 1 < tl.boundaries.length; i++) {
    args.push(...[tl.boundaries[i + 1], tl.divisionS[i], tl.deathS[i], tl.entry[i], tl.divisionP[i], tl.deathP[i], tl.exit[i]].map((x) => x.toPrecision(17)));
  }
  return args;
}

export function benchAnchor(s: Scenario, tl: Timeline, runs: number, persim: EngineFigure, exactTotal: number): void {
  console.log(`persim bench: C anchor (scripts/anchor-ssa.c, cc -O3), the same model and timeline, ${runs} runs`);
  if (s.population.persisterFraction !== 0 || s.population.capacity !== null) throw new Error('the C anchor models no initial persisters and no capacity');
  if (spawnSync('cc', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('  skipped: no C compiler (cc) on this machine');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'persim-anchor-'));
  try {
    const exe = join(dir, 'anchor-ssa');
    const source = fileURLToPath(new URL('../scripts/anchor-ssa.c', import.meta.url));
    execFileSync('cc', ['-O3', '-o', exe, source, '-lm'], { stdio: 'inherit' });
    const [, events, seconds, meanS, meanP] = execFileSync(exe, anchorArgs(s, tl, runs), { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    const perSecond = events / seconds;
    const total = meanS + meanP;
    console.log(`  C wall time per run   ${((seconds / runs) * 1000).toFixed(1)} ms (persim ${(persim.secondsPerRun * 1000).toFixed(1)} ms)`);
    console.log(`  C events per second   ${perSecond.toExponential(3)} (persim ${persim.eventsPerSecond.toExponential(3)})`);
    console.log(`  C mean total at 500 h ${total.toFixed(0)}  exact ${exactTotal.toFixed(0)}  (${(((total - exactTotal) / exactTotal) * 100).toFixed(2)}%)`);
    console.log(`  persim / C            ${(persim.eventsPerSecond / perSecond).toFixed(2)}x of C's events per second   (targets >= 0.5x in TypeScript, >= 0.8x with everything)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
