// The one progress display, on stderr, for long work (runs, arms, sweeps): nothing for the
// first second; then, when the stream is a terminal, a bar redrawn in place (at most 5 times
// a second) with the estimated time left; when it is not a terminal (a log, a cluster job),
// a plain line every `plainEveryMs` (none when 0), so logs stay short but show the job is
// alive. The time left is estimated from the work done since this display started, so a
// resumed sweep is not credited with the work an earlier run did.
export interface Progress {
  /** `done` of `total` units; `detail` (e.g. "3/10 points") is shown after the count. */
  tick(done: number, total: number, detail?: string): void;
  finish(): void;
}

export interface ProgressOptions {
  readonly stream?: NodeJS.WriteStream;
  /** Without a terminal: a line this often (ms); 0 for none. */
  readonly plainEveryMs?: number;
  /** Units already done when the display starts (a resume). */
  readonly startDone?: number;
  /** The name of a unit in the plain line, e.g. "runs". */
  readonly unit?: string;
}

export const SILENT_PROGRESS: Progress = { tick() {}, finish() {} };

/** Without a terminal, runs and sweeps log a progress line this often (unless --quiet). */
export const LOG_LINE_EVERY_MS = 10_000;

const REDRAW_MS = 200;
const BAR_WIDTH = 24;

export function startProgress(label: string, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const plainEveryMs = opts.plainEveryMs ?? 0;
  const startDone = opts.startDone ?? 0;
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const t0 = performance.now();
  const isTty = Boolean(stream.isTTY);
  let shown = false;
  let lastDraw = -Infinity;
  let lastPlain = t0;
  return {
    tick(done, total, detail) {
      const now = performance.now();
      const elapsed = (now - t0) / 1000;
      if (elapsed < 1 || total === 0) return;
      const rate = (done - startDone) / elapsed;
      const eta = rate > 0 ? `, ${formatSeconds((total - done) / rate)} left` : '';
      const extra = detail ? `, ${detail}` : '';
      if (isTty) {
        if (now - lastDraw < REDRAW_MS && done < total) return;
        lastDraw = now;
        const filled = Math.round((BAR_WIDTH * Math.min(done, total)) / total);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${unit}${extra}${eta}\x1b[K`);
        shown = true;
      } else if (plainEveryMs > 0 && now - lastPlain >= plainEveryMs) {
        stream.write(`${label}: ${done}/${total}${unit} done${extra}${eta}\n`);
        lastPlain = now;
      }
    },
    finish() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
