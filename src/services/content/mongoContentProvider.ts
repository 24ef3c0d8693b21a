import type { Config } from '../../config';
import { DEFAULT_MENUS } from './defaultMenu';
import { defaultSettings } from './defaultSettings';
import type { ContentProvider, Menu, Settings } from './types';

/** Where admin-edited content is read from (admin/contentStore implements it). */
export interface StoredContentSource {
  /** The stored value of ("menu" | "settings", "main"), undefined while never edited. */
  current(kind: 'menu' | 'settings', target: 'main'): Promise<unknown | undefined>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}

/**
 * Menu and settings as admins edited them in MongoDB, with the shipped defaults as the base.
 * Customer turns read an in-memory snapshot (never the database); refresh() replaces it when the
 * content watcher sees a change. The snapshot is frozen, so no caller can change what the next
 * turn sees, and handing it out costs nothing.
 */
export class MongoContentProvider implements ContentProvider {
  private readonly defaultMenus: Record<string, Menu>;
  private readonly defaultSettingsValue: Settings;
  private menuSnapshot: Record<string, Menu>;
  private settingsSnapshot: Settings;

  constructor(
    private readonly source: StoredContentSource,
    config: Pick<Config, 'companyName' | 'botName' | 'timeZone'>,
    defaultMenus: Record<string, Menu> = DEFAULT_MENUS,
  ) {
    this.defaultMenus = deepFreeze(structuredClone(defaultMenus));
    this.defaultSettingsValue = deepFreeze(defaultSettings(config));
    this.menuSnapshot = this.defaultMenus;
    this.settingsSnapshot = this.defaultSettingsValue;
  }

  async menus(): Promise<Record<string, Menu>> {
    return this.menuSnapshot;
  }

  async settings(): Promise<Settings> {
    return this.settingsSnapshot;
  }

  /** The shipped menus and the settings from the configuration (what a rollback to "never edited" means). */
  defaults(): { menus: Record<string, Menu>; settings: Settings } {
    return { menus: structuredClone(this.defaultMenus), settings: structuredClone(this.defaultSettingsValue) };
  }

  /** Reloads the snapshot from the database; on failure the previous snapshot stays in use. */
  async refresh(): Promise<void> {
    const [menus, settings] = await Promise.all([
      this.source.current('menu', 'main'),
      this.source.current('settings', 'main'),
    ]);
    this.apply(menus as Record<string, Menu> | undefined, settings as Partial<Settings> | undefined);
  }

  /** Uses already-loaded values (a preview's draft, or what this instance just saved). */
  apply(menus: Record<string, Menu> | undefined, settings: Partial<Settings> | undefined): void {
    this.menuSnapshot = menus && menus.main ? deepFreeze(structuredClone(menus)) : this.defaultMenus;
    // Stored settings over the defaults, so a setting added in a later release has a value.
    this.settingsSnapshot = settings
      ? deepFreeze({ ...structuredClone(this.defaultSettingsValue), ...structuredClone(settings) })
      : this.defaultSettingsValue;
  }
}
