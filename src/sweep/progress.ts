// Progress of a sweep on stderr. On a terminal: a cli-progress bar with the replicates and
// points done and the estimated time left. Otherwise (a log file, a cluster job): a plain
// line every 30 s, so logs stay short but show the job is alive.
import cliProgress from 'cli-progress';
import { formatSeconds } from '../cli/progress.js';

export interface SweepProgress {
  start(totalTasks: number, doneTasks: number, totalPoints: number, donePoints: number): void;
  update(doneTasks: number, donePoints: number): void;
  stop(): void;
}

export const SILENT: SweepProgress = { start() {}, update() {}, stop() {} };

export const PLAIN_EVERY_MS = 30_000;

function barProgress(stream: NodeJS.WriteStream): SweepProgress {
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'sweep [{bar}] {percentage}% | {value}/{total} runs | {points} points | {eta_formatted} left',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 200,
    fps: 5,
  }, cliProgress.Presets.shades_classic);
  let pointsTotal = 0;
  return {
    start(totalTasks, doneTasks, totalPoints, donePoints) {
      pointsTotal = totalPoints;
      bar.start(totalTasks, doneTasks, { points: `${donePoints}/${totalPoints}` });
    },
    update(doneTasks, donePoints) {
      bar.update(doneTasks, { points: `${donePoints}/${pointsTotal}` });
    },
    stop() {
      bar.stop();
    },
  };
}

function plainProgress(stream: NodeJS.WritableStream, everyMs: number): SweepProgress {
  let t0 = 0;
  let last = 0;
  let first = 0;
  let totals = { tasks: 0, points: 0 };
  return {
    start(totalTasks, doneTasks, totalPoints) {
      t0 = last = performance.now();
      first = doneTasks;
      totals = { tasks: totalTasks, points: totalPoints };
    },
    update(doneTasks, donePoints) {
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      const rate = (doneTasks - first) / ((now - t0) / 1000);
      const left = rate > 0 ? `, ${formatSeconds((totals.tasks - doneTasks) / rate)} left` : '';
      stream.write(`sweep: ${donePoints}/${totals.points} points, ${doneTasks}/${totals.tasks} runs${left}\n`);
    },
    stop() {},
  };
}

export function sweepProgress(stream: NodeJS.WriteStream = process.stderr, plainEveryMs = PLAIN_EVERY_MS): SweepProgress {
  return stream.isTTY ? barProgress(stream) : plainProgress(stream, plainEveryMs);
}
