// `persim explore`: one self-contained HTML file (lessons, chart.js and the browser bundle
// inlined, no external resource, a policy that forbids the network), its path on stdout;
// a scenario given on the command line opens first; an invalid one is bad input. The
// browser bundle holds nothing from Node.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, persim, tempDir } from '../helpers/cli.js';

const lessonFiles = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

function embedded(html: string): { lessons: { id: string; title: string }[]; initial: string } {
  const m = /<script id="persim-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (m === null) throw new Error('no embedded data');
  return JSON.parse(m[1]);
}

describe('persim explore', () => {
  it('writes one self-contained page and prints its path', () => {
    const out = tempDir();
    const r = persim(['explore', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${join(out, 'index.html')}\n`);
    expect(r.stderr).toBe('');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html.match(/<script\b/g)).toHaveLength(3);
    const data = embedded(html);
    expect(data.lessons.map((l) => `${l.id}.yaml`).sort()).toEqual([...lessonFiles].sort());
    expect(data.initial).toBe(data.lessons[0].id);
    for (const text of ['Glossary', 'Positions are illustrative', 'chart-survival', 'id="dish"']) expect(html).toContain(text);
  });

  it('opens the scenario given first; an invalid one is bad input', () => {
    const out = tempDir();
    const r = persim(['explore', 'scenarios/05-fosl1-inhibitor.yaml', '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(embedded(readFileSync(join(out, 'index.html'), 'utf8')).initial).toBe('05-fosl1-inhibitor');
    const bad = join(tempDir(), 'bad.yaml');
    writeFileSync(bad, 'name: bad\ntime:\n  horizon: soon\n');
    const b = persim(['explore', bad, '--out', join(out, 'again')]);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain(`${bad}:3:`);
    expect(existsSync(join(out, 'again', 'index.html'))).toBe(false);
  });

  it('bundles for the browser with nothing from Node', () => {
    const bundle = readFileSync(join(ROOT, 'dist/explorer.js'), 'utf8');
    expect(bundle).not.toMatch(/\brequire\s*\(/);
    expect(bundle).not.toMatch(/["']node:[a-z_]+["']/);
  });
});
