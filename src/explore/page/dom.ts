// Small DOM helpers for the explorer page.

type Attrs = Record<string, string | number | boolean | undefined>;

/** An element with attributes (false/undefined ones left out) and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) e.append(c);
  return e;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`the page has no #${id}`);
  return e as T;
}

/** Thousands separated, as the page shows counts. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * Replaces `root`'s children by `render`, keeping keyboard focus on the control of the same
 * id: a moved slider or a chosen arm re-renders its panel, and without this the focus would
 * fall back to the page, so arrow keys would stop moving the slider after one step.
 */
export function keepingFocus(root: HTMLElement, render: () => void): void {
  const active = document.activeElement;
  const id = active instanceof HTMLElement && active !== root && root.contains(active) ? active.id : '';
  render();
  if (id !== '') document.getElementById(id)?.focus({ preventScroll: true });
}
