// Progress of a sweep: the runs (points x replicates) and points done, shown by the one
// progress display (io/progress.ts); without a terminal a plain line every 10 s.
import { LOG_LINE_EVERY_MS, startProgress, type Progress } from '../io/progress.js';

export interface SweepProgress {
  start(totalTasks: number, doneTasks: number, totalPoints: number, donePoints: number): void;
  update(doneTasks: number, donePoints: number): void;
  stop(): void;
}

export const SILENT: SweepProgress = { start() {}, update() {}, stop() {} };

export const PLAIN_EVERY_MS = LOG_LINE_EVERY_MS;

export function sweepProgress(stream: NodeJS.WriteStream = process.stderr, plainEveryMs = PLAIN_EVERY_MS): SweepProgress {
  let shown: Progress | null = null;
  let totals = { tasks: 0, points: 0 };
  return {
    start(totalTasks, doneTasks, totalPoints) {
      totals = { tasks: totalTasks, points: totalPoints };
      shown = startProgress('sweep', { stream, plainEveryMs, startDone: doneTasks, unit: 'runs' });
    },
    update(doneTasks, donePoints) {
      shown?.tick(doneTasks, totals.tasks, `${donePoints}/${totals.points} points`);
    },
    stop() {
      shown?.finish();
    },
  };
}
