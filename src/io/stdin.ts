// Reads standard input whole, for `persim run -` and the other commands that take `-` for
// the scenario file. Reading stops one byte past `maxBytes`, so a caller can refuse an
// endless or huge stream without holding it in memory.
import { readSync } from 'node:fs';

const CHUNK = 64 * 1024;

/** stdin as UTF-8 text and its size in bytes; at most maxBytes + 1 bytes are read. */
export function readStdinText(maxBytes: number): { text: string; bytes: number } {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= maxBytes) {
    const buf = Buffer.alloc(CHUNK);
    let n: number;
    try {
      n = readSync(0, buf, 0, CHUNK, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // a non-blocking pipe: wait for data
        continue;
      }
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes: total };
}
