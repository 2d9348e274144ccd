// A lesson's scenario as the explorer runs it: the text parsed once, the arm chosen (if the
// lesson has arms) and the overrides of the moved controls; what the controls read (the
// resolved scenario and the raw data with the arm applied) comes from here too.
import type { Scenario } from '../../model/scenario.js';
import { loadArms, type Arm } from '../../scenario/arms.js';
import { documentData, parseScenarioDocument, type ParsedScenario } from '../../scenario/document.js';
import { resolveWithOverrides } from '../../scenario/load.js';
import { applySets } from '../../scenario/overrides.js';

export interface LessonScenario {
  readonly parsed: ParsedScenario;
  readonly arms: readonly Arm[];
}

export function parseLesson(text: string, file: string): LessonScenario {
  const parsed = parseScenarioDocument(text, file);
  return { parsed, arms: loadArms(parsed) };
}

/** The overrides that select arm `arm` (none without arms). */
export function armSets(lesson: LessonScenario, arm: number): readonly string[] {
  return lesson.arms[arm]?.sets ?? [];
}

/** The scenario with these overrides, and its document as plain data (what the controls rewrite). */
export function resolveLesson(lesson: LessonScenario, sets: readonly string[]): { scenario: Scenario; data: Record<string, unknown> } {
  const scenario = resolveWithOverrides(lesson.parsed, sets);
  const doc = lesson.parsed.doc.clone();
  applySets(lesson.parsed, doc, sets);
  return { scenario, data: documentData(lesson.parsed, doc) as Record<string, unknown> };
}
