// Finds the schema that governs a field path, so that an error message can list the valid
// keys at that place (for "did you mean") and say what a valid value looks like.
import { z } from 'zod';
import { labelOf } from './fields.js';

type Schema = z.ZodType;

function peel(s: Schema): Schema | null {
  if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodNullable) {
    return s.def.innerType as Schema;
  }
  if (s instanceof z.ZodPipe) return s.in as Schema;
  return null;
}

function child(value: unknown, seg: PropertyKey): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
}

/** The schema with wrappers removed and unions expanded (a discriminated one by the value). */
function cores(s: Schema, value: unknown): Schema[] {
  let cur = s;
  for (let p = peel(cur); p !== null; p = peel(cur)) cur = p;
  if (!(cur instanceof z.ZodUnion)) return [cur];
  let options = cur.options as readonly Schema[];
  const disc = (cur.def as { discriminator?: string }).discriminator;
  if (disc !== undefined) {
    const matching = options.filter((o) => o instanceof z.ZodObject && (o.shape[disc] as Schema).safeParse(child(value, disc)).success);
    if (matching.length > 0) options = matching;
  }
  return options.flatMap((o) => cores(o, value));
}

/** Every schema that may govern `path` in `data` (more than one under an undecided union). */
export function schemasAt(root: Schema, path: readonly PropertyKey[], data: unknown): Schema[] {
  let current: Schema[] = [root];
  let value = data;
  for (const seg of path) {
    const next: Schema[] = [];
    for (const s of current) {
      for (const c of cores(s, value)) {
        if (c instanceof z.ZodObject && typeof seg === 'string' && Object.hasOwn(c.shape, seg)) next.push(c.shape[seg] as Schema);
        else if (c instanceof z.ZodArray && typeof seg === 'number') next.push(c.element as Schema);
      }
    }
    current = next;
    value = child(value, seg);
  }
  return current;
}

/** The keys a mapping at `path` may have, in schema order. */
export function keysAt(root: Schema, path: readonly PropertyKey[], data: unknown): string[] {
  let value = data;
  for (const seg of path) value = child(value, seg);
  const keys = new Set<string>();
  for (const s of schemasAt(root, path, data)) {
    for (const c of cores(s, value)) if (c instanceof z.ZodObject) Object.keys(c.shape).forEach((k) => keys.add(k));
  }
  return [...keys];
}

/** What a valid value at `path` looks like, for a field built in fields.ts. */
export function labelAt(root: Schema, path: readonly PropertyKey[], data: unknown): string | undefined {
  for (const s of schemasAt(root, path, data)) {
    for (let cur: Schema | null = s; cur !== null; cur = peel(cur)) {
      const label = labelOf(cur);
      if (label !== undefined) return label;
    }
  }
  return undefined;
}

/** The value at `path` in plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const seg of path) value = child(value, seg);
  return value;
}

/** True when the mapping that should hold the last key of `path` exists but lacks it. */
export function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(data, path.slice(0, -1));
  return typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, path[path.length - 1]);
}
