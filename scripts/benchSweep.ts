// `npm run bench`, sweep section: the same CPU-bound sweep (the reference model of the
// engine section at two kill potencies, BENCH_SWEEP_REPLICATES replicates each, default 40, so
// that starting the worker threads does not decide the speed-up: with the engine at C's speed
// 16 took under a second on 2 workers) on 1 and on 2 worker threads, from the built worker
// bundle, alternately
// BENCH_SWEEP_REPEATS times (default 3); the best time of each counts, so that a burst of
// other work on the machine does not decide the figure. Prints the wall times, the
// speed-up (target >= 1.8 on two cores), the CPU time the process got per second of wall
// time (near the worker count on an idle machine, lower when other work competes for the
// cores) and whether both gave the same results. Beside the speed-up: the load average
// (1 minute, before and after; it counts this bench's own work too) and the CPU that other
// processes took while the sweeps ran (the machine's busy time from os.cpus() less this
// process's), with a warning when it passed 0.2 CPU per wall second: then the cores were shared
// and the speed-up understates what two idle cores give.
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { Scenario } from '../src/model/scenario.js';
import { ThreadExecutor, defaultWorkerUrl } from '../src/sweep/executors.js';
import { runPoints } from '../src/sweep/pool.js';
import type { RunRecord } from '../src/sweep/runRecord.js';

async function timeSweep(points: { index: number; scenario: Scenario }[], replicates: number, workers: number) {
  const url = defaultWorkerUrl();
  const records: RunRecord[][] = [];
  const busy0 = machineBusySeconds();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await runPoints(points, replicates, {
    executors: Array.from({ length: workers }, () => new ThreadExecutor(url)),
    onPointDone: (point, runs) => {
      records[point] = runs;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const own = (cpu.user + cpu.system) / 1e6;
  return { seconds, cpuPerWall: own / seconds, otherPerWall: Math.max(0, machineBusySeconds() - busy0 - own) / seconds, records };
}

/** CPU seconds all cores of the machine have spent busy (not idle) since boot. */
function machineBusySeconds(): number {
  return cpus().reduce((a, c) => a + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0) / 1000;
}

export async function benchSweep(reference: Scenario): Promise<void> {
  const replicates = Number(process.env.BENCH_SWEEP_REPLICATES ?? 40);
  const repeats = Number(process.env.BENCH_SWEEP_REPEATS ?? 3);
  const points = [0.1, 0.12].map((potency, index) => ({
    index,
    scenario: { ...reference, drugs: reference.drugs.map((d) => ({ ...d, potency })) },
  }));
  const runs: Awaited<ReturnType<typeof timeSweep>>[][] = [[], []];
  const loadBefore = loadavg()[0];
  for (let k = 0; k < repeats; k++) for (const workers of [1, 2]) runs[workers - 1].push(await timeSweep(points, replicates, workers));
  const best = runs.map((r) => r.reduce((a, b) => (b.seconds < a.seconds ? b : a)));
  const times = runs.map((r) => r.map((x) => x.seconds));
  const [best1, best2] = best.map((b) => b.seconds);
  const same = JSON.stringify(runs[0][0].records) === JSON.stringify(runs[1][0].records);
  const list = (t: number[]) => t.map((x) => x.toFixed(2)).join(', ');
  console.log(`persim bench: sweep, ${points.length} points x ${replicates} replicates of the reference model (${availableParallelism()} cores)`);
  console.log(`  1 worker   ${best1.toFixed(2)} s   (best of ${list(times[0])}; CPU per wall second ${best[0].cpuPerWall.toFixed(2)})`);
  console.log(`  2 workers  ${best2.toFixed(2)} s   (best of ${list(times[1])}; CPU per wall second ${best[1].cpuPerWall.toFixed(2)})`);
  const loadAfter = loadavg()[0];
  const other = Math.max(...runs.flat().map((r) => r.otherPerWall));
  console.log(`  speed-up   ${(best1 / best2).toFixed(2)}   (target >= 1.8 on two cores; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; other processes took up to ${other.toFixed(2)} CPU per wall second)`);
  if (other > 0.2) console.log(`  warning: other work shared the cores during the sweeps (up to ${other.toFixed(2)} CPU per wall second): the speed-up understates two idle cores`);
  console.log(`  identical results with 1 and 2 workers: ${same ? 'yes' : 'NO'}`);
}
