// Progress on stderr for long work: nothing for the first second, then, when stderr is a
// terminal, a bar redrawn in place with the estimated time left; when stderr is not a
// terminal, nothing (logs stay clean) unless `plainEvery` asks for a periodic line.
export interface Progress {
  tick(done: number, total: number): void;
  finish(): void;
}

export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr, plainEveryMs = 0): Progress {
  const t0 = performance.now();
  let shown = false;
  let lastPlain = t0;
  const isTty = Boolean(stream.isTTY);
  return {
    tick(done, total) {
      const now = performance.now();
      const elapsed = (now - t0) / 1000;
      if (elapsed < 1 || total === 0) return;
      const left = done > 0 ? (elapsed / done) * (total - done) : NaN;
      const eta = Number.isFinite(left) ? `${formatSeconds(left)} left` : '';
      if (isTty) {
        const width = 24;
        const filled = Math.round((width * done) / total);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${eta}   `);
        shown = true;
      } else if (plainEveryMs > 0 && now - lastPlain >= plainEveryMs) {
        stream.write(`${label}: ${done}/${total} done, ${eta}\n`);
        lastPlain = now;
      }
    },
    finish() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
