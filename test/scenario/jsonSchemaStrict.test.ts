// schema/persim.schema.json compiles under ajv's strict mode, accepts every shipped scenario
// and the `persim init` starter, and states the loader's cross-field dose rules: for each
// variant below, the schema and the loader (src/scenario/load.ts) give the same verdict.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { starterScenario } from '../../src/cli/starterScenario.js';
import { loadScenarioText } from '../../src/scenario/load.js';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/persim.schema.json', root), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const loaderAccepts = (doc: object): boolean => {
  try {
    loadScenarioText(stringify(doc), 'variant.yaml');
    return true;
  } catch {
    return false;
  }
};

describe('the JSON Schema under ajv strict: true', () => {
  it('compiles, with no strict-mode complaint', () => {
    expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
  });

  it('accepts every shipped scenario and the persim init starter', () => {
    const files = readdirSync(new URL('scenarios/', root)).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const ok = validate(parse(readFileSync(new URL(`scenarios/${f}`, root), 'utf8')));
      expect(ok ? [] : validate.errors, f).toEqual([]);
    }
    expect(validate(parse(starterScenario('starter', null)))).toBe(true);
  });

  const base = () => parse(starterScenario('rules', null)) as { drugs: Record<string, unknown>[] };
  const block = { start: '0d', every: '7d', count: 3, dose: 2 };
  const adaptive = { adaptive: { start: '0d', dose: 10, check_every: '12h', stop_below: 0.5, resume_at: 1 } };
  const variants: [string, (d: Record<string, unknown>) => void, boolean][] = [
    ['a bolus (half_life) without duration', () => {}, true],
    ['a bolus with a duration', (d) => void (d.schedule = [{ ...block, duration: '24h' }]), false],
    ['a square pulse (no half_life) with its duration', (d) => { delete d.half_life; d.schedule = [{ ...block, duration: '24h' }]; }, true],
    ['a square pulse without duration', (d) => { delete d.half_life; d.schedule = [block]; }, false],
    ['single doses as square pulses, one missing its duration', (d) => { delete d.half_life; d.schedule = [{ at: ['1d'], dose: 2, duration: '1d' }, { at: ['9d'], dose: 2 }]; }, false],
    ['an adaptive drug', (d) => { delete d.half_life; d.schedule = [adaptive]; }, true],
    ['an adaptive drug with a half_life', (d) => void (d.schedule = [adaptive]), false],
    ['an adaptive block beside another block', (d) => { delete d.half_life; d.schedule = [adaptive, { ...block, duration: '24h' }]; }, false],
  ];

  it.each(variants)('%s: the schema and the loader agree', (_, change, valid) => {
    const doc = base();
    change(doc.drugs[0]);
    expect(loaderAccepts(doc)).toBe(valid);
    expect(validate(doc)).toBe(valid);
  });
});
