// `persim run` with arms and `persim report`, end to end from the built bundle: the output
// layout, the stdout table, common random numbers between arms, reproducible PNGs, and
// bad input (exit 2, nothing written).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareArms } from '../../src/report/compareArms.js';
import { readOutputFolder } from '../../src/report/fromOutDir.js';
import { persim, tempDir } from '../helpers/cli.js';

const LESSON = 'scenarios/14-trial-in-silico.yaml';
const ARMS = ['control', 'inhibitor-with-chemo', 'inhibitor-after-chemo', 'persister-killer'];

describe('persim run on a scenario with arms', () => {
  const out = tempDir();
  let stdout = '';
  beforeAll(() => {
    const r = persim(['run', LESSON, '--out', out, '--replicates', '5', '--report']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    stdout = r.stdout;
  });

  it('writes one folder per arm, arms.json, arms.csv, the comparison charts, the scenario and the report', () => {
    expect(readdirSync(out).sort()).toEqual(
      ['arms.csv', 'arms.json', 'burden-by-arm.png', 'manifest.json', 'report.html', 'scenario.yaml', 'survival.png', ...ARMS].sort(),
    );
    for (const arm of ARMS) {
      expect(readdirSync(join(out, arm)).sort()).toEqual(['burden.png', 'drugs.png', 'persister-fraction.png', 'summary.json', 'timeseries.csv']);
    }
    expect(readFileSync(join(out, 'scenario.yaml'), 'utf8')).toBe(readFileSync(LESSON, 'utf8'));
  });

  it('records each arm in its summary.json, and compares the arms in arms.json and arms.csv', () => {
    const doc = JSON.parse(readFileSync(join(out, 'arms.json'), 'utf8'));
    expect(doc.reference_arm).toBe('control');
    expect(doc.arms.map((a: { dir: string }) => a.dir)).toEqual(ARMS);
    expect(doc.arms[0]).toMatchObject({ hazard_ratio: null, log_rank_p: null });
    for (const a of doc.arms.slice(1)) expect(typeof a.log_rank_p === 'number' || a.log_rank_p === null).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'inhibitor-with-chemo', 'summary.json'), 'utf8'));
    expect(summary.scenario).toMatchObject({ arm: 'inhibitor with chemo', overrides: ['replicates=5', 'drugs.fosl1i.potency=0.9'] });
    expect(summary.replicates).toBe(5);
    const csv = readFileSync(join(out, 'arms.csv'), 'utf8').trimEnd().split('\n');
    expect(csv.map((l) => l.split(',')[0])).toEqual(['arm', 'control', 'inhibitor with chemo', 'inhibitor after chemo', 'persister killer']);
  });

  it('adds the paired sign test to arms.json and arms.csv, and persim report rebuilds the same numbers from the files', () => {
    const doc = JSON.parse(readFileSync(join(out, 'arms.json'), 'utf8'));
    expect(doc.methods.paired).toMatch(/^sign test paired by replicate/);
    expect(doc.arms[0]).toMatchObject({ paired_later: null, paired_earlier: null, paired_ties: null, paired_sign_p: null });
    const csv = readFileSync(join(out, 'arms.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const tail = csv[0].indexOf('paired_sign_p') + 1;
    expect(csv[0].slice(tail - 5, tail)).toEqual(['log_rank_p', 'paired_later', 'paired_earlier', 'paired_ties', 'paired_sign_p']);
    expect(csv[0].slice(tail)).toEqual(['no_response', 'log_rank_exact_p', 'median_difference_h', 'median_difference_ci95_low_h', 'median_difference_ci95_high_h', 'hazard_ratio_note']);
    expect(csv[1].slice(tail - 4, tail)).toEqual(['', '', '', '']);
    const rebuilt = compareArms(readOutputFolder(out).arms);
    doc.arms.slice(1).forEach((a: Record<string, number>, i: number) => {
      expect(a.paired_later + a.paired_earlier + a.paired_ties).toBe(5);
      expect(a.paired_sign_p).toBeGreaterThan(0);
      expect(a.paired_sign_p).toBeLessThanOrEqual(1);
      const row = rebuilt[i + 1];
      expect([row.paired_later, row.paired_earlier, row.paired_ties]).toEqual([a.paired_later, a.paired_earlier, a.paired_ties]);
      expect(Number(row.paired_sign_p!.toPrecision(3))).toBe(a.paired_sign_p);
      expect(csv[i + 2].slice(tail - 4, tail).map(Number)).toEqual([a.paired_later, a.paired_earlier, a.paired_ties, a.paired_sign_p]);
    });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<th>Paired vs control: later/earlier/tied</th><th>Paired sign test p</th>');
    const a = doc.arms[1];
    expect(html).toContain(`<td>${a.paired_later}/${a.paired_earlier}/${a.paired_ties}</td>`);
  });

  it('prints a table with one row per arm', () => {
    const lines = stdout.split('\n');
    const header = lines.findIndex((l) => l.trim().startsWith('arm '));
    expect(lines[header]).toMatch(/relapsed +median relapse \(95% CI\) +P\(extinct\) \(95% CI\) +HR vs control \(95% CI\) +log-rank p +median difference \(95% CI\) +later\/earlier\/tied +paired p$/);
    expect(lines[header + 1]).toMatch(/^ {2}control +\d+\/5 .*reference$/);
    expect(lines.slice(header + 2, header + 5).map((l) => l.trim().split(/ {2,}/)[0])).toEqual(['inhibitor with chemo', 'inhibitor after chemo', 'persister killer']);
    for (const l of lines.slice(header + 2, header + 5)) expect(l).toMatch(/ \d+\/\d+\/\d+ +p (=|<) \S+$/);
    expect(stdout).toContain('one folder per arm: control/, inhibitor-with-chemo/, inhibitor-after-chemo/, persister-killer/');
  });

  it('persim report rebuilds the same report from the folder', () => {
    const first = readFileSync(join(out, 'report.html'));
    const r = persim(['report', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`wrote ${join(out, 'report.html')}\n`);
    expect(readFileSync(join(out, 'report.html')).equals(first)).toBe(true);
  });

  it('draws byte-identical PNGs for the same seed, and none with --no-charts', () => {
    const again = tempDir();
    expect(persim(['run', LESSON, '--out', again, '--replicates', '5', '--quiet']).status).toBe(0);
    for (const f of ['survival.png', 'burden-by-arm.png', 'control/burden.png', 'persister-killer/drugs.png']) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f)))).toBe(true);
    }
    const bare = tempDir();
    expect(persim(['run', LESSON, '--out', bare, '--replicates', '2', '--quiet', '--no-charts']).status).toBe(0);
    expect(readdirSync(bare).filter((f) => f.endsWith('.png'))).toEqual([]);
    expect(readdirSync(join(bare, 'control')).sort()).toEqual(['summary.json', 'timeseries.csv']);
  });
});

const CRN = `name: CRN arms
seed: 4
replicates: 4
time:
  horizon: 12d
  record_every: 12h
population:
  initial: 2000
  persister_fraction: 0.01
  capacity: 1e5
phenotypes:
  sensitive:
    doubling_time: 30h
    death_rate: 0.004/h
  persister:
    division_rate: 0.002/h
switch:
  entry_rate: 1e-3/h
  induced_entry_rate: 0.01/h
  exit_rate: 0.01/h
drugs:
  - name: chemo
    effect: kill
    potency: 0.06/h
    schedule:
      - at: [0d]
        dose: 10
        duration: 3d
  - name: late
    effect: block-entry
    potency: 0
    half_life: 3h
    schedule:
      - at: [6d]
        dose: 5
arms:
  - name: control
  - name: same
    set:
      drugs.chemo.potency: 0.06/h
  - name: late drug
    set:
      drugs.late.potency: 0.9
`;

describe('common random numbers between arms', () => {
  const dir = tempDir();
  const file = join(dir, 'crn.yaml');
  writeFileSync(file, CRN);
  const out = join(dir, 'out');
  const counts = (arm: string) =>
    readFileSync(join(out, arm, 'timeseries.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(0, 5).map(Number));

  beforeAll(() => {
    const r = persim(['run', file, '--out', out, '--quiet', '--no-charts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('two identical arms give identical results', () => {
    expect(readFileSync(join(out, 'same', 'timeseries.csv'), 'utf8')).toBe(readFileSync(join(out, 'control', 'timeseries.csv'), 'utf8'));
    const runs = (arm: string) => JSON.parse(readFileSync(join(out, arm, 'summary.json'), 'utf8')).runs;
    expect(runs('same')).toEqual(runs('control'));
    const same = JSON.parse(readFileSync(join(out, 'arms.json'), 'utf8')).arms[1];
    expect(same).toMatchObject({ name: 'same', paired_later: 0, paired_earlier: 0, paired_ties: 4, paired_sign_p: 1 });
    // ... paired later, earlier, ties, p; no response, exact log-rank p, median difference (0, paired: exactly 0), no note
    expect(readFileSync(join(out, 'arms.csv'), 'utf8').split('\n')[2].endsWith(',0,0,4,1,0,1,0,0,0,')).toBe(true);
  });

  it('an arm that adds only a late drug is identical up to its first dose (day 6), then differs', () => {
    const control = counts('control');
    const late = counts('late-drug');
    expect(late).toHaveLength(control.length);
    let differ = 0;
    control.forEach((row, i) => {
      expect(late[i].slice(0, 2)).toEqual(row.slice(0, 2));
      if (row[1] <= 144) expect(late[i]).toEqual(row);
      else if (late[i][4] !== row[4]) differ++;
    });
    expect(differ).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it('a bad arm override is a located error naming the arm, exit 2, and nothing is written', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, CRN.replace('drugs.late.potency: 0.9', 'drugs.late.potency: 2'));
    const out = join(dir, 'out');
    const r = persim(['run', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${file}:43:27: drugs[1].potency: arm 'late drug': out of range (expected a number in [0, 1], found 2)\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('persim report on a folder that is not a run output is exit 2', () => {
    const r = persim(['report', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a persim output folder: it has neither summary.json nor arms.json/);
  });
});
