// Issue 14 item 9: a reused --out kept the files of an earlier run (arm folders, arms.json,
// clones.csv), and persim report then failed on a sha256 with the advice "run it again". A run
// owns its folder: manifest.json lists what it wrote, and the next run removes the listed files
// it does not rewrite, never a file of the user's. A sweep into a finished sweep folder without
// --resume is refused (exit 2) with what to do. Inputs: test/regression/no-response.yaml (arms)
// and test/regression/locale.yaml (no arms).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const ARMS = join(ROOT, 'test/regression/no-response.yaml');
const SINGLE = join(ROOT, 'test/regression/locale.yaml');

describe('a run owns its output folder', () => {
  it('removes the earlier run\'s files it does not rewrite, keeps the user\'s, and persim report works', () => {
    const out = join(tempDir('persim-owns-'), 'out');
    expect(persim(['run', ARMS, '--out', out, '--quiet', '--no-charts']).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files).toEqual(expect.arrayContaining(['arms.json', 'arms.csv', 'scenario.yaml', join('chemo', 'summary.json'), join('untreated', 'timeseries.csv')]));
    expect(manifest.files).toEqual([...manifest.files].sort());
    // The user's own files: one at the top, one inside an arm folder persim wrote.
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'chemo', 'mine.csv'), 'mine');
    mkdirSync(join(out, 'figures'));
    writeFileSync(join(out, 'figures', 'f.txt'), 'mine');

    const r = persim(['run', SINGLE, '--out', out, '--quiet', '--no-charts']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['chemo', 'figures', 'manifest.json', 'notes.txt', 'scenario.yaml', 'summary.json', 'timeseries.csv']);
    expect(readdirSync(join(out, 'chemo'))).toEqual(['mine.csv']); // the arm folder stays for the user's file, emptied of persim's
    expect(readFileSync(join(out, 'figures', 'f.txt'), 'utf8')).toBe('mine');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files).toEqual(['scenario.yaml', 'summary.json', 'timeseries.csv']);
    // Before, arms.json stayed, and report read it against the new scenario.yaml: a sha256 error.
    const report = persim(['report', out, '--quiet']);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files).toContain('report.html');
    // A run without --report removes the stale report.html too.
    expect(persim(['run', SINGLE, '--out', out, '--quiet', '--no-charts']).status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });

  it('a manifest can list only files inside the folder', () => {
    const dir = tempDir('persim-owns-');
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'outside.txt'), 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ persim_version: '0', files: ['../outside.txt', join(dir, 'outside.txt'), 'summary.json'] }));
    expect(persim(['run', SINGLE, '--out', out, '--quiet', '--no-charts']).status).toBe(0);
    expect(readFileSync(join(dir, 'outside.txt'), 'utf8')).toBe('mine');
  });

  it('persim report on a folder mixing two runs says what to do', () => {
    const out = join(tempDir('persim-owns-'), 'out');
    expect(persim(['run', SINGLE, '--out', out, '--quiet', '--no-charts']).status).toBe(0);
    // As an older persim left it: another scenario's copy beside this run's summary.
    writeFileSync(join(out, 'scenario.yaml'), readFileSync(ARMS, 'utf8'));
    const r = persim(['report', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the folder holds files of more than one run');
    expect(r.stderr).toContain(`persim run ${SINGLE} --out <new folder> --report`);
  });
});

describe('a sweep into a finished sweep folder', () => {
  it('is refused without --resume (exit 2, nothing written), and --resume rewrites the same bytes', () => {
    const out = join(tempDir('persim-owns-'), 'sweep');
    const args = ['sweep', SINGLE, '--vary', 'drugs.chemo.potency=0.05/h,0.1/h', '--replicates', '3', '--workers', '1', '--out', out, '--quiet'];
    expect(persim(args).status).toBe(0);
    const csv = readFileSync(join(out, 'sweep.csv'));
    const again = persim(args);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`${out} holds a finished run of this sweep (2 points); add --resume to write its outputs again without running anything`);
    expect(readFileSync(join(out, 'sweep.csv')).equals(csv)).toBe(true);
    expect(persim([...args, '--resume']).status).toBe(0);
    expect(readFileSync(join(out, 'sweep.csv')).equals(csv)).toBe(true);
  });
});
