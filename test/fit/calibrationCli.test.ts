// `persim fit --check-calibration K` end to end, from the built bundle: the folder's files,
// the same bytes for one check, for two shards merged (with different --workers), and for a
// check resumed after losing a refit; an unfinished folder without --resume, a bad --shard and
// --shard without a check are refused with exit 2.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { growingWell } from './growingWell.js';
import { persim, tempDir } from '../helpers/cli.js';

const SCENARIO = growingWell(16);
const DATA = 'day,subject,arm,observable,value,n_cells\n1,w1,,cells,1.3e5,\n2,w1,,cells,1.8e5,\n4,w1,,cells,3e5,\n';

function folder(): { dir: string; file: string } {
  const dir = tempDir('persim-calibration-');
  writeFileSync(join(dir, 'well.yaml'), SCENARIO);
  writeFileSync(join(dir, 'well.csv'), DATA);
  return { dir, file: join(dir, 'well.yaml') };
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('persim fit --check-calibration', () => {
  it('writes the check, and shards merged or a resumed check give the same bytes', () => {
    const { dir, file } = folder();
    const whole = join(dir, 'whole');
    const r = persim(['fit', file, '--check-calibration', '4', '--out', whole, '--workers', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 refits of 1 parameter, 16 particles each/);
    expect(r.stdout).toMatch(/phenotypes\.sensitive\.division_rate +50%: +\d\/4/);
    expect(r.stdout).toMatch(/only 4 refits/);
    const out = files(whole);
    expect(Object.keys(out).sort()).toEqual(['calibration.csv', 'calibration.json', 'manifest.json', 'refits/1.json', 'refits/2.json', 'refits/3.json', 'refits/4.json']);
    const csv = out['calibration.csv'].trim().split('\n');
    expect(csv[0]).toBe('refit,parameter,unit,true,q05,q25,median,q75,q95,rank,in50,in90');
    expect(csv).toHaveLength(5);
    for (const line of csv.slice(1)) {
      const [, , unit, truth, q05, q25, median, q75, q95, rank, in50, in90] = line.split(',');
      expect(unit).toBe('/h');
      const q = [q05, q25, median, q75, q95].map(Number);
      expect([...q].sort((a, b) => a - b)).toEqual(q);
      expect(Number(truth) * 24).toBeGreaterThanOrEqual(0.2);
      expect(Number(truth) * 24).toBeLessThanOrEqual(2);
      expect(Number(in90)).toBe(Number(truth) >= q[0] && Number(truth) <= q[4] ? 1 : 0);
      expect(Number(in50)).toBe(Number(truth) >= q[1] && Number(truth) <= q[3] ? 1 : 0);
      expect(Number(rank)).toBeGreaterThanOrEqual(0);
      expect(Number(rank)).toBeLessThanOrEqual(1);
    }
    const json = JSON.parse(out['calibration.json']);
    expect(json.refits).toBe(4);
    expect(json.shard).toBeUndefined();
    expect(json.parameters[0].coverage90.covered).toBe(csv.slice(1).filter((l) => l.endsWith(',1')).length);

    for (const [i, w] of [[0, '1'], [1, '2']] as const) {
      const s = persim(['fit', file, '--check-calibration', '4', '--shard', `${i}/2`, '--out', join(dir, `s${i}`), '--workers', w, '-q']);
      expect(s.status).toBe(0);
      expect(s.stdout).toBe('');
      expect(JSON.parse(readFileSync(join(dir, `s${i}`, 'calibration.json'), 'utf8')).shard).toEqual({ index: i, count: 2 });
    }
    const m = persim(['merge', join(dir, 's1'), join(dir, 's0'), '--out', join(dir, 'merged')]);
    expect(m.status).toBe(0);
    expect(files(join(dir, 'merged'))).toEqual(out);
    const missing = persim(['merge', join(dir, 's1'), '--out', join(dir, 'partial')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/2 of 4 refits are missing \(1, 3\)/);

    // a check that lost its last refit and never finished: refused without --resume, completed with it
    const resumed = join(dir, 'resumed');
    cpSync(whole, resumed, { recursive: true });
    rmSync(join(resumed, 'calibration.json'));
    rmSync(join(resumed, 'refits', '3.json'));
    const refused = persim(['fit', file, '--check-calibration', '4', '--out', resumed]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/unfinished calibration check \(3 refits done\): continue it with --resume/);
    expect(persim(['fit', file, '--check-calibration', '4', '--out', resumed, '--resume', '-q']).status).toBe(0);
    expect(files(resumed)).toEqual(out);
    const other = persim(['fit', file, '--check-calibration', '5', '--out', resumed, '--resume']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/different refits/);
  }, 120_000);

  it('refuses a bad --shard, and --shard without a check, writing nothing', () => {
    const { dir, file } = folder();
    const bad = persim(['fit', file, '--check-calibration', '4', '--shard', '2/2', '--out', join(dir, 'x')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/shard index 2 is out of range for 2 shards/);
    const lone = persim(['fit', file, '--shard', '0/2', '--out', join(dir, 'y')]);
    expect(lone.status).toBe(2);
    expect(lone.stderr).toMatch(/use it with --check-calibration K/);
    const zero = persim(['fit', file, '--check-calibration', '0', '--out', join(dir, 'z')]);
    expect(zero.status).toBe(2);
    expect(existsSync(join(dir, 'x')) || existsSync(join(dir, 'y')) || existsSync(join(dir, 'z'))).toBe(false);
  });
});
