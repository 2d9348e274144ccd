// What kind of quantity a field path holds, read from the scenario schema: a duration (hours
// inside persim), a rate (per hour) or anything else. A sweep uses it to show every varied
// duration in hours and every varied rate per hour, whatever unit the user wrote (or none).
import { documentData, type ParsedScenario } from './document.js';
import { applySets } from './overrides.js';
import { scenarioSchema } from './schema.js';
import { labelAt } from './walk.js';

export type FieldKind = 'duration' | 'rate' | 'other';

/**
 * The kind of the field that `path=valueText` (a --set argument) writes; 'other' when the
 * path cannot be applied (the caller reports that error where it validates the value).
 */
export function fieldKindAt(parsed: ParsedScenario, path: string, valueText: string): FieldKind {
  const doc = parsed.doc.clone();
  const { overrides } = applySets(parsed, doc, [`${path}=${valueText}`]);
  if (overrides.length !== 1) return 'other';
  const label = labelAt(scenarioSchema, overrides[0].path, documentData(parsed, doc)) ?? '';
  if (label.startsWith('a duration')) return 'duration';
  if (label.startsWith('a rate')) return 'rate';
  return 'other';
}
