// Runs the built CLI bundle (bin/persim.js -> dist/cli.js) as a child process, or the CLI's
// main() in the test's own process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

export const ROOT = new URL('../..', import.meta.url).pathname;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `input` is written to the child's standard input (else it reads an empty one). */
export function persim(args: string[], opts: { cwd?: string; timeoutMs?: number; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/persim.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    input: opts.input ?? '',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'persim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The CLI's main() in this process (src/cli/main.ts, the code the bundle runs), its stdout
 * and stderr captured: for tests of what a command does with its input, where a Node
 * start-up per call (about 0.3 s of CPU) buys nothing. The exit code is main's return
 * value, which bin/persim.js makes the process's. Paths are taken as given (this process's
 * working directory is the repository's); stdin is not fed. Keep a real spawn with persim()
 * for each behaviour of the process itself (its exit status, streams and files).
 */
export async function persimInProcess(args: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
