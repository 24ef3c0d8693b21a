import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { i18n, TFunction } from 'i18next';

export const LANGUAGES = ['de', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LOCALES_DIR = path.resolve(__dirname, '../../../locales');

export type Resources = Record<string, Record<string, unknown>>;

/** Reads locales/{lng}/{namespace}.json into { namespace: tree } for one language. */
export function readShippedResources(lng: Lang, dir = LOCALES_DIR): Resources {
  const folder = path.join(dir, lng);
  const resources: Resources = {};
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    resources[path.basename(file, '.json')] = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
  }
  return resources;
}

export function toLang(value: string | undefined | null, fallback: Lang = 'de'): Lang {
  const short = (value ?? '').toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Lang) : fallback;
}

const MEMO_LIMIT = 2000;

/**
 * The memo key of a translation call: the key alone, or the key with options that are all plain
 * strings, numbers or booleans (anything else, e.g. a Date to format, is translated every time).
 */
function memoKey(args: unknown[]): string | undefined {
  const [key, options] = args;
  if (typeof key !== 'string' || args.length > 2) return undefined;
  if (options === undefined) return key;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return undefined;
  let out = key;
  for (const [name, value] of Object.entries(options)) {
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
    out += `\u0000${name}\u0001${type[0]}${String(value)}`;
  }
  return out;
}

/**
 * Every customer- and agent-facing sentence comes from here. Shipped files under locales/ are the
 * defaults; admin overrides (from MongoDB) are layered on top and can be replaced at run time.
 */
export class I18nService {
  private readonly instance: i18n;
  private readonly shipped: Record<Lang, Resources>;
  /** One translator per language, built on first use (a turn asks for one many times). */
  private readonly translators = new Map<Lang, TFunction>();
  /**
   * Finished sentences per language and key (plus simple variables): i18next resolves and
   * interpolates every call anew, the same few dozen sentences on every turn. Emptied whenever the
   * resources change; capped, since variables can make keys unique.
   */
  private readonly memo = new Map<Lang, Map<string, unknown>>();

  constructor(
    private readonly defaultLanguage: Lang = 'de',
    localesDir = LOCALES_DIR,
  ) {
    this.shipped = { de: readShippedResources('de', localesDir), en: readShippedResources('en', localesDir) };
    this.instance = i18next.createInstance();
    void this.instance.init({
      initAsync: false,
      lng: defaultLanguage,
      fallbackLng: 'de',
      supportedLngs: [...LANGUAGES],
      ns: Object.keys(this.shipped.de),
      defaultNS: 'common',
      resources: structuredClone(this.shipped),
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  /** A translator fixed to one language for one turn; never switches a global language. */
  t(lng: string | undefined): TFunction {
    const lang = toLang(lng, this.defaultLanguage);
    let translator = this.translators.get(lang);
    if (!translator) {
      translator = this.memoized(lang, this.instance.getFixedT(lang));
      this.translators.set(lang, translator);
    }
    return translator;
  }

  private memoized(lang: Lang, fixed: TFunction): TFunction {
    const memo = new Map<string, unknown>();
    this.memo.set(lang, memo);
    const call = fixed as unknown as (...args: unknown[]) => unknown;
    const translate = (...args: unknown[]): unknown => {
      const cacheKey = memoKey(args);
      if (cacheKey === undefined) return call(...args);
      if (memo.has(cacheKey)) return memo.get(cacheKey);
      const value = call(...args);
      // Only plain strings: an object (returnObjects) could be changed by its caller.
      if (typeof value === 'string') {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(cacheKey, value);
      }
      return value;
    };
    // Keeps what i18next puts on its fixed translator (lng, ns, keyPrefix).
    return Object.assign(translate, fixed) as unknown as TFunction;
  }

  shippedResources(lng: Lang): Resources {
    return structuredClone(this.shipped[lng]);
  }

  /** The effective resources (shipped plus overrides) of one language. */
  resources(lng: Lang): Resources {
    const out: Resources = {};
    for (const ns of Object.keys(this.shipped[lng])) {
      out[ns] = structuredClone(this.instance.getResourceBundle(lng, ns) ?? {});
    }
    return out;
  }

  /** Replaces all overrides of a language: shipped defaults, then the given overrides on top. */
  setOverrides(lng: Lang, overrides: Resources): void {
    for (const [ns, tree] of Object.entries(this.shipped[lng])) {
      this.instance.removeResourceBundle(lng, ns);
      this.instance.addResourceBundle(lng, ns, structuredClone(tree), true, true);
      const extra = overrides[ns];
      if (extra && typeof extra === 'object')
        this.instance.addResourceBundle(lng, ns, structuredClone(extra), true, true);
    }
    // Every language: a missing key falls back to German, so German overrides show in English too.
    for (const memo of this.memo.values()) memo.clear();
  }

  get defaultLang(): Lang {
    return this.defaultLanguage;
  }
}
