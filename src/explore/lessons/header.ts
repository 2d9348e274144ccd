// The teaching text at the top of a scenario file: its opening comment block, read as
// paragraphs (separated by empty comment lines). The first paragraph is the title
// ("01 - Biphasic kill"); a paragraph starting "Question:" is the question, one starting
// "What you should see:" (or "What you should see (in ...):") is what to look for, and one
// starting "Try:" or "One thing to try:" is the suggestion (a convention new lessons may
// follow).

export interface LessonHeader {
  readonly title: string;
  readonly question: string;
  readonly lookFor: string;
  readonly tryThis: string;
  /** Paragraphs not recognised above, in order (shown when there is no "What you should see"). */
  readonly other: readonly string[];
}

const LABELS: readonly [keyof Omit<LessonHeader, 'title' | 'other'>, RegExp][] = [
  ['question', /^question\b[^:\n]{0,80}:\s*/i],
  ['lookFor', /^what you should see\b[^:\n]{0,80}:\s*/i],
  ['tryThis', /^(one thing to )?try\b[^:\n]{0,80}:\s*/i],
];

/** The comment lines before the first YAML line, without '#', editor directives dropped. */
function commentLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break;
    const body = line.replace(/^#\s?/, '');
    if (/^yaml-language-server:/.test(body.trim())) continue;
    out.push(body);
  }
  return out;
}

/** Paragraphs of the comment block, lines joined by spaces; a list item ("- ...") starts a new line. */
function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') out.push(current);
    current = '';
  };
  for (const line of lines) {
    const t = line.trim();
    if (t === '') flush();
    else if (current === '') current = t;
    else current += (t.startsWith('- ') ? '\n' : ' ') + t;
  }
  flush();
  return out;
}

export function parseLessonHeader(text: string): LessonHeader {
  const paras = paragraphs(commentLines(text));
  const found: Record<string, string> = { question: '', lookFor: '', tryThis: '' };
  const other: string[] = [];
  let title = '';
  paras.forEach((p, i) => {
    const label = LABELS.find(([, re]) => re.test(p));
    if (label !== undefined) found[label[0]] = p.replace(label[1], '').trim();
    else if (i === 0) title = p;
    else other.push(p);
  });
  return { title, question: found.question, lookFor: found.lookFor, tryThis: found.tryThis, other };
}
