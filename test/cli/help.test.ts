// The root --help teaches: every command listed, and its examples one per line, each a
// command that exists.
import { describe, expect, it } from 'vitest';
import { persim } from '../helpers/cli.js';

describe('persim --help', () => {
  it('lists every command and gives one example per line', () => {
    const r = persim(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['init', 'run', 'validate', 'explain', 'sweep', 'fit', 'merge', 'report', 'explore']) expect(r.stdout).toMatch(new RegExp(`\\n  ${c} `));
    const examples = r.stdout.slice(r.stdout.indexOf('Examples:\n')).split('\n').slice(1).filter((l) => l.startsWith('  persim '));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const line of examples) expect(line.match(/persim /g)).toHaveLength(1);
    expect(examples.some((l) => l.includes('persim fit '))).toBe(true);
  });
});
