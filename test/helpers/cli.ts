// Runs the built CLI bundle (bin/persim.js -> dist/cli.js) as a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
