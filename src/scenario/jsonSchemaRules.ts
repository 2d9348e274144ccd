// The JSON Schema of scenario files (schema/persim.schema.json) beyond what zod writes:
// the rules the loader checks across fields that JSON Schema can state, so that an editor
// flags them too (they are attached to the zod schema with .meta), and a pass that makes
// zod's output compile under ajv's strict mode (a test compiles it with strict: true):
// every `required` key is also declared under `properties` of the same object, and a
// union `type: [a, b]` becomes `anyOf: [{type: a}, {type: b}]`.

/** A drug's doses: without half_life each non-adaptive block is a square pulse and needs `duration`; with half_life (boluses) no block may have one. */
export const jsonPulseRule = {
  if: { required: ['half_life'] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
  then: { properties: { schedule: { type: 'array', items: { type: 'object', not: { required: ['duration'] } } } } },
  else: { properties: { schedule: { type: 'array', items: { type: 'object', anyOf: [{ required: ['duration'] }, { required: ['adaptive'] }] } } } },
};

/** An adaptive drug: its adaptive block is its only block, and it has no half_life (it is held at its dose while on). */
export const jsonAdaptiveRule = {
  if: { properties: { schedule: { type: 'array', contains: { type: 'object', required: ['adaptive'] } } }, required: ['schedule'] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
  then: { not: { required: ['half_life'] }, properties: { schedule: { type: 'array', maxItems: 1 } } },
};

/** Both drug rules, for .meta() on a drug's object schema. */
export const jsonDrugRules = { allOf: [jsonPulseRule, jsonAdaptiveRule] };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ANNOTATIONS = new Set(['description', 'default', 'title', 'examples']);
/** Keywords whose values are data, not schemas. */
const DATA = new Set(['const', 'enum', 'default', 'examples', 'required', 'description', 'title', 'pattern', '$schema']);
/** Keywords whose values map names to schemas (a property may be called `type`). */
const MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

function isObject(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One schema object made strict; applied bottom-up by strictJsonSchema. */
function strictNode(node: { [key: string]: Json }): { [key: string]: Json } {
  const out = { ...node };
  if (Array.isArray(out.required)) {
    const props = isObject(out.properties ?? null) ? { ...(out.properties as { [key: string]: Json }) } : {};
    for (const key of out.required) if (typeof key === 'string' && !(key in props)) props[key] = true;
    out.properties = props;
  }
  if (Array.isArray(out.type)) {
    const other = Object.keys(out).filter((k) => k !== 'type' && !ANNOTATIONS.has(k));
    if (other.length > 0) throw new Error(`a union type with ${other.join(', ')} beside it: rewrite it in the zod schema`);
    const types = out.type;
    delete out.type;
    out.anyOf = types.map((t) => ({ type: t }));
  }
  return out;
}

/** The schema with every object node passed through strictNode (a new value; the input is not changed). */
export function strictJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(strictJsonSchema);
  if (!isObject(schema)) return schema;
  const walked: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(schema)) {
    // Values that are data, not schemas: left as they are.
    if (DATA.has(k)) walked[k] = v;
    else if (MAPS.has(k) && isObject(v)) walked[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, strictJsonSchema(sub)]));
    else walked[k] = strictJsonSchema(v);
  }
  return strictNode(walked);
}
