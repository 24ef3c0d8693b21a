/** DOM helpers shared by the admin pages and the agent desk. Text goes in as textContent, never as HTML. */

type ElementType<T extends Element> = { new (): T; prototype: T };

/** The element with this id; a missing or differently typed element means page and script disagree. */
export function byId(id: string): HTMLElement;
export function byId<T extends HTMLElement>(id: string, type: ElementType<T>): T;
export function byId<T extends HTMLElement>(id: string, type?: ElementType<T>): HTMLElement {
  const node = document.getElementById(id);
  if (!node || (type && !(node instanceof type)))
    throw new Error(`#${id} is missing or not a ${type?.name ?? 'HTMLElement'}`);
  return node;
}

/** The element with this id when it exists and has the type, else null (parts of a page drawn later). */
export function maybeById<T extends HTMLElement>(id: string, type: ElementType<T>): T | null {
  const node = document.getElementById(id);
  return node instanceof type ? node : null;
}

/** Every element under root matching the selector that has the type. */
export function all<T extends Element>(selector: string, type: ElementType<T>, root: ParentNode = document): T[] {
  return Array.from(root.querySelectorAll(selector)).filter((node): node is T => node instanceof type);
}

export type Listener = (event: Event) => void;
export type AttrValue = string | number | boolean | null | undefined | Listener;
/** text, className, value and checked set properties; onclick/oninput/... add listeners; the rest are attributes. */
export type Attrs = Record<string, AttrValue>;
export type Child = Node | string | null | undefined;

/** Builds an element; null, undefined and false attributes are left out, true gives an empty attribute. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      continue;
    }
    if (name === 'text') node.textContent = String(value);
    else if (name === 'className') node.className = String(value);
    else if (name === 'value' && hasValue(node)) node.value = String(value);
    else if (name === 'checked' && node instanceof HTMLInputElement) node.checked = Boolean(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined)
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

type ValueElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLOptionElement | HTMLButtonElement;

function hasValue(node: Element): node is ValueElement {
  return (
    node instanceof HTMLInputElement ||
    node instanceof HTMLTextAreaElement ||
    node instanceof HTMLSelectElement ||
    node instanceof HTMLOptionElement ||
    node instanceof HTMLButtonElement
  );
}

/** Removes every child of the node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** The value of the form control an event came from (inputs, text areas, selects). */
export function valueOf(event: Event): string {
  const target = event.currentTarget ?? event.target;
  if (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return target.value;
  return '';
}

/** Calls fn once the calls stopped for ms milliseconds (search boxes). */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/** A table's head row: one column header a text. */
export function tableHead(headers: string[]): HTMLTableSectionElement {
  return el('thead', {}, [
    el(
      'tr',
      {},
      headers.map((h) => el('th', { scope: 'col', text: h })),
    ),
  ]);
}
