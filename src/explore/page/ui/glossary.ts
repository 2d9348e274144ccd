// The glossary under the explorer.
import { GLOSSARY } from '../../lessons/glossary.js';
import { el } from '../dom.js';

export function renderGlossary(root: HTMLElement): void {
  root.replaceChildren(
    el('h2', {}, ['Glossary']),
    el('dl', {}, GLOSSARY.flatMap((g) => [el('dt', {}, [g.term]), el('dd', {}, [g.meaning])])),
  );
}
