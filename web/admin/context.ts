import type { Api } from '../shared/api';
import { EMPTY_META, type Meta } from '../shared/meta';
import type { StatusLine } from '../shared/status';
import type { Texts, TextVars } from '../shared/texts';
import type { FaqEntry, FlatLayers, FlatTexts, Lang, Menus, Settings } from './types';

/** What the views share: the loaded content and the admin's unpublished edits. */
export interface AdminState {
  role: string | null;
  view: string | null;
  meta: Meta;
  menus: Menus | null;
  menuDirty: boolean;
  faq: FaqEntry[];
  faqEditing: FaqEntry | null;
  tr: Record<Lang, FlatLayers | null>;
  /** Unpublished text edits by key; null resets the key to the shipped text. */
  trEdits: Record<Lang, Record<string, string | null>>;
  trNsChosen: boolean;
  settings: Settings | null;
  settingsDirty: boolean;
}

export function initialState(): AdminState {
  return {
    role: null,
    view: null,
    meta: EMPTY_META,
    menus: null,
    menuDirty: false,
    faq: [],
    faqEditing: null,
    tr: { de: null, en: null },
    trEdits: { de: {}, en: {} },
    trNsChosen: false,
    settings: null,
    settingsDirty: false,
  };
}

/** Handed to every view: texts, the API, the status line and the shared state. */
export class AdminContext {
  readonly state = initialState();

  constructor(
    readonly texts: Texts,
    readonly api: Api,
    readonly status: StatusLine,
  ) {}

  /** The admin text at key (a bound function: views take it out of the context). */
  readonly t = (key: string, vars?: TextVars): string => this.texts.t(key, vars);

  isAdmin(): boolean {
    return this.state.role === 'admin';
  }

  /** Shows a failed call in the status line. */
  failed(err: unknown): void {
    const message = err instanceof Error && err.message ? err.message : String(err);
    this.status.show(this.t('status.error', { message }), 'error');
  }

  /** Text edits of one language as the nested object the API takes, or undefined without edits. */
  trDraft(lng: Lang): Record<string, unknown> | undefined {
    const edits = this.state.trEdits[lng];
    return Object.keys(edits).length ? nest(edits) : undefined;
  }
}

/** "a.b.c" keys of a nested text object, with their texts. */
export function flatten(tree: object, prefix = '', out: FlatTexts = {}): FlatTexts {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else if (value && typeof value === 'object') flatten(value, path, out);
  }
  return out;
}

interface Nested {
  [key: string]: Nested | string | null;
}

/** The nested object of "a.b.c" keys (the inverse of flatten). */
export function nest(flat: Record<string, string | null>): Nested {
  const out: Nested = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      const child: Nested = next && typeof next === 'object' ? next : {};
      node[part] = child;
      node = child;
    }
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

/** The non-empty trimmed lines of a text area. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
}
