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
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    resources[path.basename(file, '.json')] = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
  }
  return resources;
}

export function toLang(value: string | undefined | null, fallback: Lang = 'de'): Lang {
  const short = (value ?? '').toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Lang) : fallback;
}

/**
 * Every customer- and agent-facing sentence comes from here. Shipped files under locales/ are the
 * defaults; admin overrides (from MongoDB) are layered on top and can be replaced at run time.
 */
export class I18nService {
  private readonly instance: i18n;
  private readonly shipped: Record<Lang, Resources>;

  constructor(private readonly defaultLanguage: Lang = 'de', localesDir = LOCALES_DIR) {
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
    return this.instance.getFixedT(toLang(lng, this.defaultLanguage));
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
      if (extra && typeof extra === 'object') this.instance.addResourceBundle(lng, ns, structuredClone(extra), true, true);
    }
  }

  get defaultLang(): Lang {
    return this.defaultLanguage;
  }
}
