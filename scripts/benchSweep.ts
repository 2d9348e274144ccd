// `npm run bench`, sweep section: the same CPU-bound sweep (the reference model of the
// engine section at two kill potencies, BENCH_SWEEP_REPLICATES replicates each, default 16)
// on 1 and on 2 worker threads, from the built worker bundle, alternately
// BENCH_SWEEP_REPEATS times (default 3); the best time of each counts, so that a burst of
// other work on the machine does not decide the figure. Prints the wall times, the
// speed-up (target >= 1.8 on two cores) and whether both gave the same results.
import { availableParallelism } from 'node:os';
import type { Scenario } from '../src/model/scenario.js';
import { ThreadExecutor, defaultWorkerUrl } from '../src/sweep/executors.js';
import { runPoints } from '../src/sweep/pool.js';
import type { RunRecord } from '../src/sweep/runRecord.js';

async function timeSweep(points: { index: number; scenario: Scenario }[], replicates: number, workers: number) {
  const url = defaultWorkerUrl();
  const records: RunRecord[][] = [];
  const t0 = performance.now();
  await runPoints(points, replicates, {
    executors: Array.from({ length: workers }, () => new ThreadExecutor(url)),
    onPointDone: (point, runs) => {
      records[point] = runs;
    },
  });
  return { seconds: (performance.now() - t0) / 1000, records };
}

export async function benchSweep(reference: Scenario): Promise<void> {
  const replicates = Number(process.env.BENCH_SWEEP_REPLICATES ?? 16);
  const repeats = Number(process.env.BENCH_SWEEP_REPEATS ?? 3);
  const points = [0.1, 0.12].map((potency, index) => ({
    index,
    scenario: { ...reference, drugs: reference.drugs.map((d) => ({ ...d, potency })) },
  }));
  let one = await timeSweep(points, replicates, 1);
  let two = await timeSweep(points, replicates, 2);
  const times: [number[], number[]] = [[one.seconds], [two.seconds]];
  for (let k = 1; k < repeats; k++) {
    times[0].push((one = await timeSweep(points, replicates, 1)).seconds);
    times[1].push((two = await timeSweep(points, replicates, 2)).seconds);
  }
  const [best1, best2] = times.map((t) => Math.min(...t));
  const same = JSON.stringify(one.records) === JSON.stringify(two.records);
  const list = (t: number[]) => t.map((x) => x.toFixed(2)).join(', ');
  console.log(`persim bench: sweep, ${points.length} points x ${replicates} replicates of the reference model (${availableParallelism()} cores)`);
  console.log(`  1 worker   ${best1.toFixed(2)} s   (best of ${list(times[0])})`);
  console.log(`  2 workers  ${best2.toFixed(2)} s   (best of ${list(times[1])})`);
  console.log(`  speed-up   ${(best1 / best2).toFixed(2)}   (target >= 1.8 on two cores)`);
  console.log(`  identical results with 1 and 2 workers: ${same ? 'yes' : 'NO'}`);
}
