// The lesson presets embedded in the explorer: every scenario file of scenarios/, in file
// order, each checked (with its arms) as `persim validate` would; a file that does not load
// is left out with a warning, so that one broken lesson does not take the explorer down.
// The user's own scenario, if given, comes first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { buildLesson, lessonId, type Lesson } from './lessons/lesson.js';
import { parseLesson, resolveLesson } from './lessons/lessonScenario.js';

export interface LessonSet {
  readonly lessons: Lesson[];
  readonly initial: string;
  readonly warnings: string[];
}

/** Throws ScenarioError when the text is not a scenario the explorer can run; returns its name. */
function check(text: string, file: string): string {
  const lesson = parseLesson(text, file);
  return resolveLesson(lesson, lesson.arms[0]?.sets ?? []).scenario.name;
}

export function collectLessons(dir: string, own: { path: string; text: string } | null): LessonSet {
  const warnings: string[] = [];
  const lessons: Lesson[] = [];
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
  for (const f of files) {
    const file = `scenarios/${f}`;
    const text = readFileSync(join(dir, f), 'utf8');
    try {
      lessons.push(buildLesson(file, text, check(text, file)));
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      warnings.push(`left out ${file}: ${err.issues.length} problem${err.issues.length === 1 ? '' : 's'}, the first: ${err.issues[0]?.message ?? ''}`);
    }
  }
  if (own === null) return { lessons, initial: lessons[0]?.id ?? '', warnings };
  const same = files.find((f) => resolve(dir, f) === resolve(own.path));
  if (same !== undefined && lessons.some((l) => l.id === lessonId(same))) return { lessons, initial: lessonId(same), warnings };
  const name = check(own.text, own.path);
  let mine = buildLesson(own.path, own.text, name);
  if (lessons.some((l) => l.id === mine.id)) mine = { ...mine, id: `your-${mine.id}` };
  return { lessons: [mine, ...lessons], initial: mine.id, warnings };
}
