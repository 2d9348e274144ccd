import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/schema.js';

const root = new URL('../../', import.meta.url);

describe('JSON Schema', () => {
  it('schema/persim.schema.json is up to date with the zod schema (run `npm run schema`)', () => {
    const onDisk = readFileSync(new URL('schema/persim.schema.json', root), 'utf8');
    expect(onDisk).toBe(scenarioJsonSchemaText());
  });

  it('describes the input side: unit strings allowed, defaults optional, unknown keys refused', () => {
    const s = scenarioJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { required?: string[]; properties?: Record<string, { description?: string; anyOf?: unknown[] }> }>;
    };
    expect(s.required.sort()).toEqual(['name', 'phenotypes', 'population', 'time']);
    expect(s.additionalProperties).toBe(false);
    const horizon = s.properties.time.properties?.horizon;
    expect(horizon?.description).toMatch(/hours/);
    expect(horizon?.anyOf).toHaveLength(2);
  });
});

describe('shipped scenarios', () => {
  const dir = new URL('scenarios/', root);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  } catch {
    files = [];
  }
  it.skipIf(files.length === 0).each(files.length > 0 ? files : ['none'])('%s is valid', (file) => {
    expect(() => loadScenarioFile(new URL(file, dir).pathname)).not.toThrow();
  });
});
