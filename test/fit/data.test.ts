import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FitDataError, parseDataset } from '../../src/fit/data.js';
import type { FitSpec } from '../../src/fit/types.js';
import { UsageError } from '../../src/io/errors.js';
import { reportError } from '../../src/cli/errors.js';

const spec: FitSpec = {
  dataFile: 'data.csv',
  parameters: [],
  observables: [
    { name: 'volume_mm3', quantity: 'total', scale: 1e-6, noise: 'log-normal', sd: 0.15 },
    { name: 'persister_count', quantity: 'persister', noise: 'binomial', scale: 1, sd: null },
    { name: 'colonies', quantity: 'total', noise: 'poisson', scale: 1, sd: null },
  ],
  particles: 10,
  tumoursPerSubject: null,
  predict: ['a'],
  predictDraws: 1,
  predictReplicates: 1,
};
const ARMS = ['a', 'b'];
const HORIZON = 30 * 24;

const GOOD = [
  'day,subject,arm,observable,value,n_cells',
  '0,m1,a,volume_mm3,12.5,',
  '7,m1,a,persister_count,3,200',
  '"7",m2,"b",colonies,40,',
].join('\r\n');

function errorOf(text: string, arms: readonly string[] = ARMS): FitDataError {
  try {
    parseDataset('data.csv', text, spec, arms, HORIZON);
  } catch (err) {
    if (err instanceof FitDataError) return err;
    throw err;
  }
  throw new Error('expected a FitDataError');
}

/** GOOD with row `n` (1-based, header = 1) replaced. */
const withRow = (n: number, row: string) => GOOD.split('\r\n').map((l, i) => (i === n - 1 ? row : l)).join('\n');

describe('parseDataset', () => {
  it('reads tidy rows, quoted fields and CRLF, days into hours, with the sha256 of the text', () => {
    const d = parseDataset('data.csv', GOOD, spec, ARMS, HORIZON);
    expect(d.sha256).toBe(createHash('sha256').update(GOOD).digest('hex'));
    expect(d.observations).toEqual([
      { timeH: 0, subject: 'm1', arm: 'a', observable: 'volume_mm3', value: 12.5, nCells: null, line: 2 },
      { timeH: 168, subject: 'm1', arm: 'a', observable: 'persister_count', value: 3, nCells: 200, line: 3 },
      { timeH: 168, subject: 'm2', arm: 'b', observable: 'colonies', value: 40, nCells: null, line: 4 },
    ]);
  });

  it('takes time_h, columns in any order, and no n_cells without a binomial observable', () => {
    const noBinomial = { ...spec, observables: spec.observables.filter((o) => o.noise !== 'binomial') };
    const d = parseDataset('d.csv', 'value,observable,time_h,subject,arm\n3,colonies,36,s,\n', noBinomial, [], HORIZON);
    expect(d.observations).toEqual([{ timeH: 36, subject: 's', arm: '', observable: 'colonies', value: 3, nCells: null, line: 2 }]);
  });

  it('is a usage error: the CLI exits 2', () => {
    const err = errorOf('');
    expect(err).toBeInstanceOf(UsageError);
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(reportError(err)).toBe(2);
    } finally {
      process.stderr.write = write;
    }
  });

  const cases: [string, string, string][] = [
    ['an empty file', '\r\n\r\n', 'data.csv: the data file is empty'],
    ['a missing column', 'day,subject,arm,value,n_cells\n0,m,a,1,', 'data.csv:1:1: observable: missing column observable'],
    ['a missing time column', 'subject,arm,observable,value,n_cells\nm,a,colonies,1,', 'data.csv:1:1: day: missing column day (or time_h)'],
    ['a missing n_cells column with a binomial observable', 'day,subject,arm,observable,value\n0,m,a,colonies,1', 'data.csv:1:1: n_cells: missing column n_cells'],
    ['an unknown column', 'day,subject,arm,observable,value,n_cells,cage\n', 'data.csv:1:42: cage: unknown column'],
    ['an unknown arm', withRow(3, '7,m1,c,persister_count,3,200'), "data.csv:3:6: arm: unknown arm 'c'"],
    ['an arm without arms', withRow(3, '7,m1,a,persister_count,3,200'), 'data.csv:2:6: arm: the scenario has no arms'],
    ['an unknown observable', withRow(2, '0,m1,a,volume,12.5,'), "data.csv:2:8: observable: unknown observable 'volume'"],
    ['a non-numeric value', withRow(2, '0,m1,a,volume_mm3,big,'), "data.csv:2:19: value: not a number: 'big'"],
    ['a negative value', withRow(2, '0,m1,a,volume_mm3,-1,'), 'data.csv:2:19: value: negative: -1'],
    ['a count above n_cells', withRow(3, '7,m1,a,persister_count,300,200'), 'data.csv:3:24: value: a count of 300 is above n_cells 200'],
    ['a missing n_cells', withRow(3, '7,m1,a,persister_count,3,'), 'data.csv:3:26: n_cells: missing n_cells'],
    ['a non-integer binomial count', withRow(3, '7,m1,a,persister_count,2.5,200'), "data.csv:3:24: value: binomial observable 'persister_count' needs a whole count"],
    ['a non-integer poisson count', withRow(4, '7,m2,b,colonies,4.5,'), "data.csv:4:17: value: poisson observable 'colonies' needs a whole count"],
    ['a time beyond the horizon', withRow(2, '31,m1,a,volume_mm3,12.5,'), "data.csv:2:1: day: 31 is beyond the scenario's horizon (30 days)"],
    ['a negative time', withRow(2, '-1,m1,a,volume_mm3,12.5,'), 'data.csv:2:1: day: negative: -1'],
    ['a row of the wrong length', withRow(2, '0,m1,a,volume_mm3'), 'data.csv:2:8: 4 fields, but the header has 6'],
    ['a header without rows', 'day,subject,arm,observable,value,n_cells\n', 'data.csv:1: the data file has a header but no rows'],
  ];
  for (const [what, text, message] of cases) {
    it(`names the file, line and column of ${what}`, () => {
      const arms = what === 'an arm without arms' ? [] : ARMS;
      expect(errorOf(text, arms).message.startsWith(message), errorOf(text, arms).message).toBe(true);
    });
  }
});
