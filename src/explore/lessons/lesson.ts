// A lesson preset: a scenario file's text with its teaching text (its header, lessonHeader.ts,
// completed by the explorer's own tips). Built by `persim explore` from the files in
// scenarios/ and embedded in the page.
import { parseLessonHeader } from './header.js';
import { GENERIC_TIP, LESSON_TIPS } from './tips.js';

export interface Lesson {
  /** File name without .yaml: '01-biphasic-kill'. */
  readonly id: string;
  /** The file as given, for messages. */
  readonly file: string;
  readonly text: string;
  readonly title: string;
  readonly question: string;
  readonly lookFor: string;
  readonly tryThis: string;
}

export function lessonId(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/i, '');
}

export function buildLesson(file: string, text: string, fallbackTitle: string): Lesson {
  const id = lessonId(file);
  const header = parseLessonHeader(text);
  const tip = LESSON_TIPS[id];
  const lookFor = tip?.lookFor ?? (header.lookFor || header.other.join('\n\n'));
  return {
    id,
    file,
    text,
    title: header.title || fallbackTitle,
    question: header.question,
    lookFor,
    tryThis: header.tryThis || tip?.tryThis || GENERIC_TIP,
  };
}
