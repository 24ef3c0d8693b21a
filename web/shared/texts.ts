/**
 * The page's texts: one locale namespace served by the server (e.g. /admin/i18n/de), looked up by
 * dotted key with i18next's {{name}} placeholders and _one/_other plural keys. A missing text
 * leaves the German default written in the HTML in place.
 */
export interface TextTree {
  [key: string]: string | TextTree;
}

export type TextVars = Record<string, string | number | undefined>;

function isTextTree(value: unknown): value is TextTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export class Texts {
  private tree: TextTree = {};
  private readonly plurals: Intl.PluralRules;

  constructor(readonly language: string) {
    this.plurals = new Intl.PluralRules(language);
  }

  /** Fetches the texts; when that fails the page keeps its built-in German labels. */
  async load(url: string): Promise<void> {
    try {
      const res = await fetch(url);
      const body: unknown = res.ok ? await res.json() : {};
      this.tree = isTextTree(body) ? body : {};
    } catch {
      this.tree = {};
    }
  }

  /** The text at a dotted key, or undefined when there is none. */
  lookup(key: string): string | undefined {
    let node: string | TextTree | undefined = this.tree;
    for (const part of key.split('.')) {
      node = isTextTree(node) ? node[part] : undefined;
    }
    return typeof node === 'string' ? node : undefined;
  }

  /** The text with its placeholders filled; the key itself when the text is missing. Bound: pages pass it around. */
  readonly t = (key: string, vars: TextVars = {}): string => {
    const count = vars.count;
    const plural = typeof count === 'number' ? this.lookup(`${key}_${this.plurals.select(count)}`) : undefined;
    const text = plural ?? this.lookup(key);
    if (text === undefined) return key;
    return text.replace(PLACEHOLDER, (_match, name: string) => (vars[name] !== undefined ? String(vars[name]) : ''));
  };

  /** Fills data-i18n (text) and data-i18n-aria (aria-label) elements and the document title. */
  apply(titleKey: string, root: ParentNode = document): void {
    root.querySelectorAll('[data-i18n]').forEach((node) => {
      const text = this.lookup(node.getAttribute('data-i18n') ?? '');
      if (text !== undefined) node.textContent = text;
    });
    root.querySelectorAll('[data-i18n-aria]').forEach((node) => {
      const text = this.lookup(node.getAttribute('data-i18n-aria') ?? '');
      if (text !== undefined) node.setAttribute('aria-label', text);
    });
    const title = this.lookup(titleKey);
    if (title !== undefined) document.title = title;
  }
}
