// The lesson presets: every shipped scenario's header gives a title, a question, something
// to look for and one thing to try, none naming a file or command the page's student does not
// have; the header parser reads the comment convention.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLessons } from '../../src/explore/collectLessons.js';
import { parseLessonHeader } from '../../src/explore/lessons/header.js';
import { buildLesson } from '../../src/explore/lessons/lesson.js';
import { GENERIC_TIP, LESSON_TIPS } from '../../src/explore/lessons/tips.js';
import { tempDir } from '../helpers/cli.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort();

describe('lesson headers', () => {
  it('reads title, question, what to look for and a Try: paragraph', () => {
    const h = parseLessonHeader(
      ['# yaml-language-server: $schema=x', '#', '# 42 - Title here', '#', '# Question: why', '# so?', '#', '# What you should see: this', '# and that.', '#', '# Try: move it.', 'name: x'].join('\n'),
    );
    expect(h).toEqual({ title: '42 - Title here', question: 'why so?', lookFor: 'this and that.', tryThis: 'move it.', other: [] });
  });

  it('stops at the first YAML line and keeps list items on their own lines', () => {
    const h = parseLessonHeader('# T\n#\n# Notes:\n# - one\n#   more\n# - two\nname: x\n# Question: not this\n');
    expect(h.title).toBe('T');
    expect(h.question).toBe('');
    expect(h.other).toEqual(['Notes:\n- one more\n- two']);
  });

  it.each(files)('%s has a title, a question, what to look for and one thing to try', (f) => {
    const lesson = buildLesson(`scenarios/${f}`, readFileSync(join(SCENARIOS, f), 'utf8'), 'fallback');
    expect(lesson.title).toMatch(/^\d+b? - /);
    expect(lesson.question.length).toBeGreaterThan(20);
    expect(lesson.lookFor.length).toBeGreaterThan(40);
    expect(lesson.tryThis.length).toBeGreaterThan(20);
  });

  it('names no file or command a student of the page does not have', () => {
    const notInThePage = /\.ya?ml\b|\bout\/|\.csv\b|\.json\b|\.png\b|\.html\b|--[a-z]|\bpersim [a-z]|\bfile\b|scenarios\//i;
    for (const l of collectLessons(SCENARIOS, null).lessons) {
      for (const text of [l.title, l.question, l.lookFor, l.tryThis]) expect(text.match(notInThePage)?.[0] ?? null, `${l.id}: ${text}`).toBeNull();
    }
    // The check finds what a file's own header says (lesson 01 speaks of timeseries.csv).
    expect(parseLessonHeader(readFileSync(join(SCENARIOS, '01-biphasic-kill.yaml'), 'utf8')).lookFor).toMatch(notInThePage);
  });

  it('has a tip for each shipped lesson it names, and a generic one for the others', () => {
    for (const id of Object.keys(LESSON_TIPS)) expect(files).toContain(`${id}.yaml`);
    const lesson = buildLesson('scenarios/99-new.yaml', '# 99 - New\n#\n# Question: what?\nname: x\n', 'x');
    expect(lesson.tryThis).toBe(GENERIC_TIP);
  });
});

describe('collectLessons', () => {
  it('takes every scenario file in order and opens the first', () => {
    const set = collectLessons(SCENARIOS, null);
    expect(set.lessons.map((l) => `${l.id}.yaml`)).toEqual(files);
    expect(set.initial).toBe(files[0].replace('.yaml', ''));
    expect(set.warnings).toEqual([]);
  });

  it('leaves out a file that does not load, with a warning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '01-good.yaml'), readFileSync(join(SCENARIOS, files[0]), 'utf8'));
    writeFileSync(join(dir, '02-bad.yaml'), 'name: bad\ntime: {horizon: -1d}\n');
    const set = collectLessons(dir, null);
    expect(set.lessons.map((l) => l.id)).toEqual(['01-good']);
    expect(set.warnings[0]).toMatch(/^left out scenarios\/02-bad\.yaml: \d+ problems?/);
  });

  it('puts the user\'s scenario first, or opens the lesson it is', () => {
    const own = { path: join(SCENARIOS, files[1]), text: readFileSync(join(SCENARIOS, files[1]), 'utf8') };
    expect(collectLessons(SCENARIOS, own).initial).toBe(files[1].replace('.yaml', ''));
    const dir = tempDir();
    const path = join(dir, files[0]);
    writeFileSync(path, readFileSync(join(SCENARIOS, files[0]), 'utf8'));
    const set = collectLessons(SCENARIOS, { path, text: readFileSync(path, 'utf8') });
    expect(set.initial).toBe(`your-${files[0].replace('.yaml', '')}`);
    expect(set.lessons[0].id).toBe(set.initial);
    expect(set.lessons).toHaveLength(files.length + 1);
  });
});
