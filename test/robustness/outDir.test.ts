// An --out that cannot be a folder (under /proc, below a file, a file itself) fails at once
// with exit 1 naming the folder and the OS error, before simulating, in run, explore, sweep
// and fit (Node 20's recursive mkdirSync spun forever on /proc; /proc itself passed the
// permission check as root and failed after the run). io/ unit checks first.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/io/atomicWrite.js';
import { OutputError } from '../../src/io/errors.js';
import { makeDirs, prepareOutDir } from '../../src/io/outDir.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const TINY = join(ROOT, 'test/robustness/inputs/tiny.yaml');

describe('io/outDir', () => {
  it('creates missing parents one level at a time', () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    prepareOutDir(dir);
    expect(existsSync(dir)).toBe(true);
    prepareOutDir(dir); // an existing folder is fine
  });

  it('refuses a folder under /proc at once, naming it and the OS error', () => {
    expect(() => makeDirs('/proc/forbidden/x')).toThrow(OutputError);
    expect(() => makeDirs('/proc/forbidden/x')).toThrow(/\/proc\/forbidden\/x \(ENOENT/);
  });

  it('names a file given as the folder, or a file on its path', () => {
    const base = tempDir();
    const file = join(base, 'taken');
    writeFileSync(file, 'x');
    expect(() => prepareOutDir(file)).toThrow(`the output folder ${file} is a file, not a folder`);
    expect(() => prepareOutDir(join(file, 'sub'))).toThrow(`${join(file, 'sub')} cannot be created: ${file} is a file`);
    expect(() => writeFilesAtomically(base, { 'taken/x.csv': 'a\n' })).toThrow(OutputError);
  });

  it('writes files whole and leaves no temporary file on failure', () => {
    const base = tempDir();
    writeFileSync(join(base, 'blocked'), 'x');
    expect(() => writeFilesAtomically(base, { 'ok.csv': 'a\n', 'blocked/b.csv': 'b\n' })).toThrow(/blocked is a file/);
    expect(existsSync(join(base, 'ok.csv'))).toBe(false);
    expect(existsSync(join(base, '.ok.csv.' + process.pid + '.tmp'))).toBe(false);
  });
});

describe('--out that cannot be written, end to end', () => {
  const taken = join(tempDir(), 'taken');
  writeFileSync(taken, 'x');
  const FIT = join(ROOT, 'scenarios/16-fit-pdx.yaml');
  const cases: [string, string[], string][] = [
    ['run, under /proc', ['run', TINY, '--out', '/proc/forbidden', '-q'], '/proc/forbidden (ENOENT'],
    ['run, into /proc itself (a folder that refuses files, even to root)', ['run', TINY, '--out', '/proc'], 'cannot write into the output folder /proc ('],
    ['fit, under /proc', ['fit', FIT, '--out', '/proc/forbidden', '-q'], '/proc/forbidden (ENOENT'],
    ['fit, a file', ['fit', FIT, '--out', taken, '-q'], `${taken} is a file, not a folder`],
    ['run, a file', ['run', TINY, '--out', taken, '-q'], `${taken} is a file, not a folder`],
    ['explore, under /proc', ['explore', '--out', '/proc/forbidden', '-q'], '/proc/forbidden (ENOENT'],
    ['sweep, below a file', ['sweep', TINY, '--vary', 'population.initial=100,200', '--out', join(taken, 'sub'), '-q'], `${taken} is a file`],
  ];
  for (const [name, args, says] of cases) {
    it(name, () => {
      const r = persim(args, { timeoutMs: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(says);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe(''); // refused before simulating: no summary
    });
  }

  it('an empty --out is bad input (it would mean the current folder): exit 2', () => {
    for (const args of [['run', TINY], ['explore']]) {
      const r = persim([...args, '--out', '', '-q']);
      expect([r.status, r.stderr]).toEqual([2, 'persim: --out is empty: give the output folder, e.g. --out out/my-run\n']);
    }
  });
});
