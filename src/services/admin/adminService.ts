import type { Principal } from '../auth/roles';
import type { MongoContentProvider } from '../content/mongoContentProvider';
import type { Menu, Settings } from '../content/types';
import { ValidationError } from '../errors';
import { I18nService, Lang, LANGUAGES, Resources } from '../i18n/i18nService';
import type { ContentStore, VersionView } from './contentStore';
import type { FaqService } from './faqService';
import type { LiveContent } from './liveContent';
import { validateMenus } from './validators/menu';
import { applySettingsEdit, validateSettings } from './validators/settings';
import { applyTranslationEdit, TranslationTree, validateTranslationOverrides } from './validators/translations';
import type { ContentKind } from './versionModel';

export interface Saved<T> {
  value: T;
  /** The version written; absent when the edit changed nothing. */
  version?: VersionView;
}

export type RollbackTo = 'before' | 'after';

export function requireLang(value: unknown): Lang {
  if (typeof value !== 'string' || !(LANGUAGES as readonly string[]).includes(value))
    throw new ValidationError('lng', `must be one of ${LANGUAGES.join(', ')}`);
  return value as Lang;
}

/**
 * The admin use cases for menu, settings and translations (the knowledge base has FaqService),
 * plus history and rollback of every kind. Each edit is validated in full before anything is
 * written, saved as one version, and applied on this instance at once.
 */
export class AdminContentService {
  constructor(
    private readonly store: ContentStore,
    private readonly provider: MongoContentProvider,
    private readonly i18n: I18nService,
    private readonly faqs: FaqService,
    private readonly live: LiveContent,
  ) {}

  // Translations

  /** shipped: the files under locales/; overrides: what admins changed; effective: both layered. */
  async translations(lng: Lang): Promise<{ shipped: Resources; overrides: TranslationTree; effective: Resources }> {
    const overrides = ((await this.store.current('translations', lng)) as TranslationTree | undefined) ?? {};
    const shipped = this.i18n.shippedResources(lng);
    return { shipped, overrides, effective: layer(shipped, overrides) };
  }

  async editTranslations(lng: Lang, edit: unknown, by: Principal): Promise<Saved<TranslationTree>> {
    const shipped = this.i18n.shippedResources(lng);
    const saved = await this.store.record<TranslationTree>(
      'translations',
      lng,
      by,
      () => ({}),
      (current) => applyTranslationEdit(lng, shipped, current, edit),
    );
    if (saved.version) await this.live.applyNow('translations');
    return saved;
  }

  // Menu

  async menus(): Promise<Record<string, Menu>> {
    return structuredClone(await this.provider.menus());
  }

  async saveMenus(input: unknown, by: Principal): Promise<Saved<Record<string, Menu>>> {
    const faqs = await this.faqs.index();
    const menus = validateMenus(input, faqs);
    const saved = await this.store.record<Record<string, Menu>>(
      'menu',
      'main',
      by,
      () => this.provider.defaults().menus,
      () => menus,
    );
    if (saved.version) await this.live.applyNow('menu');
    return saved;
  }

  // Settings

  async settings(): Promise<Settings> {
    return structuredClone(await this.provider.settings());
  }

  async saveSettings(edit: unknown, by: Principal): Promise<Saved<Settings>> {
    const defaults = () => this.provider.defaults().settings;
    // Merged into what is stored (not this instance's snapshot), so a concurrent edit elsewhere is kept.
    const saved = await this.store.record<Settings>('settings', 'main', by, defaults, (stored) =>
      applySettingsEdit({ ...defaults(), ...stored }, edit),
    );
    if (saved.version) await this.live.applyNow('settings');
    return saved;
  }

  /** Applies a change saved elsewhere on this instance (the knowledge base) at once. */
  applied(kind: ContentKind): Promise<void> {
    return this.live.applyNow(kind);
  }

  // History

  version(id: string): Promise<VersionView> {
    return this.store.version(id);
  }

  history(filter: { kind?: ContentKind; target?: string; limit?: number }): Promise<VersionView[]> {
    return this.store.history(filter);
  }

  /**
   * Rolls (kind, target) back to the content as it was just before the given version (the
   * default: undoes that change and everything after it), or just after it (to: "after"). The
   * restored content is validated like an edit and saved as a new version.
   */
  async rollback(
    versionId: string,
    by: Principal,
    to: RollbackTo = 'before',
  ): Promise<{ kind: ContentKind; target: string; version?: VersionView }> {
    const source = await this.store.version(versionId);
    const state = to === 'before' ? source.before : source.after;
    const options = { action: 'rollback' as const, rollbackOf: source.id };
    const { kind, target } = source;
    let version: VersionView | undefined;
    switch (kind) {
      case 'translations': {
        const lng = requireLang(target);
        const restored = validateTranslationOverrides(lng, this.i18n.shippedResources(lng), state ?? {});
        version = (
          await this.store.record<TranslationTree>(
            kind,
            target,
            by,
            () => ({}),
            () => restored,
            options,
          )
        ).version;
        break;
      }
      case 'menu': {
        const restored = validateMenus(state ?? this.provider.defaults().menus, await this.faqs.index());
        version = (
          await this.store.record<Record<string, Menu>>(
            kind,
            target,
            by,
            () => this.provider.defaults().menus,
            () => restored,
            options,
          )
        ).version;
        break;
      }
      case 'settings': {
        const restored = validateSettings({ ...this.provider.defaults().settings, ...(state as object | null) });
        version = (
          await this.store.record<Settings>(
            kind,
            target,
            by,
            () => this.provider.defaults().settings,
            () => restored,
            options,
          )
        ).version;
        break;
      }
      case 'faq':
        version = await this.faqs.restore(target, state, by, source.id);
        break;
    }
    if (version) await this.live.applyNow(kind);
    return { kind, target, version };
  }
}

/** Shipped texts with the overrides on top (what customers see). */
export function layer(shipped: Resources, overrides: TranslationTree): Resources {
  const merge = (base: Record<string, unknown>, extra: TranslationTree): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(extra)) {
      out[k] = typeof v === 'string' ? v : merge((base[k] as Record<string, unknown>) ?? {}, v);
    }
    return out;
  };
  return merge(shipped, overrides) as Resources;
}
