import type { Config } from '../../config';
import { DEFAULT_MENUS } from './defaultMenu';
import { defaultSettings } from './defaultSettings';
import type { ContentProvider, Menu, Settings } from './types';

/**
 * Content from the shipped defaults and the configuration. Hands out copies, so a caller can never
 * change what the next turn sees; the admin-editable provider replaces this one.
 */
export class StaticContentProvider implements ContentProvider {
  private readonly settingsValue: Settings;

  constructor(
    config: Pick<Config, 'companyName' | 'botName' | 'timeZone'>,
    private readonly menuValue: Record<string, Menu> = DEFAULT_MENUS,
  ) {
    this.settingsValue = defaultSettings(config);
  }

  async menus(): Promise<Record<string, Menu>> {
    return structuredClone(this.menuValue);
  }

  async settings(): Promise<Settings> {
    return structuredClone(this.settingsValue);
  }
}
