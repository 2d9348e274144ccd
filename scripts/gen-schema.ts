// Writes schema/persim.schema.json, the JSON Schema of scenario files, from the zod schema
// in src/scenario/schema.ts. Run with `npm run schema`; a test checks the file is current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/scenario/schema.js';

const target = fileURLToPath(new URL('../schema/persim.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
