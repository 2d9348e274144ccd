// The guided lesson: the preset chooser in the page header, and beside the dish the
// lesson's question, what to look for and one thing to try, with a chooser of the
// scenario's arms when it has some. The texts speak of the page (lessons/tips.ts), not of
// the command line's files.
import type { Lesson } from '../../lessons/lesson.js';
import { el, keepingFocus } from '../dom.js';

export function renderLessonChooser(select: HTMLSelectElement, lessons: readonly Lesson[], current: string, onChoose: (id: string) => void): void {
  select.replaceChildren(...lessons.map((l) => el('option', { value: l.id, selected: l.id === current }, [l.title])));
  select.addEventListener('change', () => onChoose(select.value));
}

/** Paragraphs of a lesson text; lines starting "- " become list items. */
function prose(text: string): HTMLElement[] {
  return text.split(/\n{2,}/).map((para) => {
    const lines = para.split('\n');
    const items = lines.filter((l) => l.startsWith('- '));
    if (items.length === 0) return el('p', {}, [para]);
    const lead = lines.filter((l) => !l.startsWith('- ')).join(' ');
    return el('div', {}, [...(lead === '' ? [] : [el('p', {}, [lead])]), el('ul', {}, items.map((l) => el('li', {}, [l.slice(2)])))]);
  });
}

export function renderLesson(root: HTMLElement, lesson: Lesson, arms: readonly string[], arm: number, onArm: (i: number) => void): void {
  // The file is named only in a tooltip, for the teacher: a student has the page, not the file.
  const parts: HTMLElement[] = [el('h2', { title: `From ${lesson.file}` }, [lesson.title])];
  if (lesson.question !== '') parts.push(el('h3', {}, ['Question']), ...prose(lesson.question));
  if (arms.length > 0) {
    const select = el('select', { id: 'arm-select' }, arms.map((name, i) => el('option', { value: i, selected: i === arm }, [name])));
    select.addEventListener('change', () => onArm(Number(select.value)));
    parts.push(el('label', { class: 'arm' }, ['Arm of the trial: ', select]));
  }
  if (lesson.lookFor !== '') parts.push(el('h3', {}, ['What to look for']), ...prose(lesson.lookFor));
  parts.push(el('h3', {}, ['One thing to try']), el('p', { class: 'try' }, [lesson.tryThis]));
  keepingFocus(root, () => root.replaceChildren(...parts));
}
