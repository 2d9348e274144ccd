// The loader on hostile texts (issue 14 items 5 and 7): a size and a line cap refuse huge
// files at once, before the YAML parser; many problems are all located (the lookup is
// indexed, so linear) and printed up to a limit; duplicate keys are found in linear time;
// a second YAML document is an error at its line; CR-only line ends are line ends; a file
// without a size (/dev/zero) is read only up to the cap.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PRINTED_ISSUES, ScenarioError, type ScenarioIssue } from '../../src/scenario/errors.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';
import { MAX_SCENARIO_BYTES, MAX_SCENARIO_LINES } from '../../src/scenario/textLimits.js';
import { persim, ROOT, tempDir } from '../helpers/cli.js';

const INPUTS = join(ROOT, 'test/robustness/inputs');
const TINY = readFileSync(join(INPUTS, 'tiny.yaml'), 'utf8');
const TINY_LINES = TINY.split('\n').length - 1;

function issuesOf(f: () => unknown): readonly ScenarioIssue[] {
  try {
    f();
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  throw new Error('expected a ScenarioError');
}

describe('size caps', () => {
  it('10 MB of blank lines: refused from its size on disk, exit 2, nothing parsed', () => {
    const file = join(tempDir(), 'blank.yaml');
    writeFileSync(file, TINY + '\n'.repeat(10_000_000));
    const [issue] = issuesOf(() => loadScenarioFile(file));
    expect(issue.message).toBe('the scenario file is too large (is it a scenario?)');
    expect(issue.expected).toBe(`at most ${MAX_SCENARIO_BYTES / 1024} KB`);
    expect(issue.found).toBe('9.5 MB');
    const r = persim(['validate', file], { timeoutMs: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('too large');
  });

  it('/dev/zero and a FIFO (no size on disk, endless) are read only up to the cap, not forever', () => {
    const [issue] = issuesOf(() => loadScenarioFile('/dev/zero'));
    expect(issue).toMatchObject({ message: 'the scenario file is too large (is it a scenario?)', found: `more than ${MAX_SCENARIO_BYTES / 1024} KB` });
    for (const command of ['validate', 'fit']) {
      const r = persim([command, '/dev/zero'], { timeoutMs: 20_000 });
      expect([r.status, r.stderr]).toEqual([2, `/dev/zero: the scenario file is too large (is it a scenario?) (expected at most 128 KB, found more than 128 KB)\n`]);
    }
  });

  it('a text over the line cap (blank lines under the size cap) is refused', () => {
    const [issue] = issuesOf(() => loadScenarioText(TINY + '\n'.repeat(MAX_SCENARIO_LINES), 'blank.yaml'));
    expect(issue.message).toMatch(/too many lines/);
    expect(issue.found).toBe(String(MAX_SCENARIO_LINES + TINY_LINES + 1));
  });

  it('a 1 MB list given as text (the library path) is refused by its length', () => {
    const text = TINY + 'description: [' + Array(500_000).fill('1').join(',') + ']\n';
    expect(issuesOf(() => loadScenarioText(text, 'list.yaml'))[0].message).toMatch(/too large/);
  });
});

describe('nesting', () => {
  it('20,000 levels of [ are exit 2 at their line, said plainly (the parser ran out of stack)', () => {
    const depth = 20_000;
    const [issue] = issuesOf(() => loadScenarioText(TINY + 'description: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n', 'deep.yaml'));
    expect(issue).toMatchObject({ line: TINY_LINES + 1, message: 'the YAML nests too deeply here (hundreds of [ or { levels): a scenario nests a few levels' });
  });
});

describe('many problems', () => {
  const n = 3000;
  const text = TINY + Array.from({ length: n }, (_, i) => `u${i}: 1\n`).join('');

  it(`${n} unknown keys: every one located at its own line, ${MAX_PRINTED_ISSUES} printed`, () => {
    let error: ScenarioError | null = null;
    try {
      loadScenarioText(text, 'keys.yaml');
    } catch (err) {
      error = err as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issues = (error as ScenarioError).issues;
    expect(issues).toHaveLength(n);
    for (const k of [0, 1234, n - 1]) expect(issues[k]).toMatchObject({ line: TINY_LINES + 1 + k, column: 1, path: `u${k}` });
    const lines = (error as ScenarioError).format().split('\n');
    expect(lines.at(-1)).toBe(`... and ${n - MAX_PRINTED_ISSUES} more problems (fix these first)`);
  });

  it('duplicate keys (checked by persim, not the quadratic library check) at each repeat', () => {
    const issues = issuesOf(() => loadScenarioText(TINY + 'name: again\nseed: 1\nseed: 2\n', 'dup.yaml'));
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [TINY_LINES + 1, "duplicate key 'name': each key may appear once in a mapping"],
      [TINY_LINES + 3, "duplicate key 'seed': each key may appear once in a mapping"],
    ]);
    expect(issuesOf(() => loadScenarioText(TINY.replace('  horizon: 2d', '  horizon: 2d\n  horizon: 3d'), 'dup.yaml'))[0]).toMatchObject({ column: 3 });
  });
});

describe('documents and line ends', () => {
  it('a second YAML document is exit 2 at its --- line', () => {
    const file = join(INPUTS, 'two-documents.yaml');
    const [issue] = issuesOf(() => loadScenarioFile(file));
    expect(issue).toMatchObject({ line: TINY_LINES + 1, column: 1 });
    expect(issue.message).toMatch(/^a second YAML document starts here: a scenario file holds one document/);
    const r = persim(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`two-documents.yaml:${TINY_LINES + 1}:1: a second YAML document`);
  });

  it('CR-only line ends load as the LF file does, and errors name the right line', () => {
    const cr = loadScenarioFile(join(INPUTS, 'cr-line-ends.yaml'));
    expect(cr.scenario).toEqual(loadScenarioText(TINY, 'tiny.yaml'));
    expect(cr.text).toBe(TINY.replaceAll('\n', '\r')); // the text is kept as written (scenario.yaml, sha256)
    const [issue] = issuesOf(() => loadScenarioFile(join(INPUTS, 'cr-line-ends-bad.yaml')));
    const line = TINY.split('\n').findIndex((l) => l.startsWith('  exit_rate')) + 1;
    expect(issue).toMatchObject({ line, column: 3, path: 'switch.exit_rat', message: "unknown key 'exit_rat'" });
  });
});
