/** Shapes of the admin API's answers as the pages use them (contract: /api/openapi.json). */

export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

export type Localized = Record<Lang, string>;

export type MenuTarget =
  | { kind: 'dialog'; dialog: string }
  | { kind: 'faq'; faqId: string }
  | { kind: 'submenu'; menuId: string }
  | { kind: 'handoff'; priority: string; category?: string };

export type TargetKind = MenuTarget['kind'];
export const TARGET_KINDS: readonly TargetKind[] = ['dialog', 'faq', 'submenu', 'handoff'];

export interface MenuOption {
  id: string;
  digit: string;
  label: Localized;
  target: MenuTarget;
}

export interface Menu {
  id: string;
  options: MenuOption[];
}

export type Menus = Record<string, Menu>;

export interface FaqEntry {
  id: string;
  key?: string;
  category: string;
  active: boolean;
  questions: Record<Lang, string[]>;
  answer: Localized;
}

/** What a write answers besides the content: the new version, or null when nothing changed. */
export interface Versioned {
  versionId?: string | null;
}

export type WeekdayHours = [string, string] | null;

export interface Settings {
  companyName: string;
  botName: string;
  timeZone: string;
  frustration: { annoyed: number; irate: number; extraTriggerWords: string[] };
  businessHours: { weekly: Record<string, WeekdayHours>; holidays: string[] };
  callbackOfferAfterMinutes: number;
}

export interface TranslationTree {
  [key: string]: string | TranslationTree;
}

export interface TranslationLayers {
  shipped: TranslationTree;
  overrides: TranslationTree;
  effective: TranslationTree;
}

export type FlatTexts = Record<string, string>;

export interface FlatLayers {
  shipped: FlatTexts;
  overrides: FlatTexts;
  effective: FlatTexts;
}

export interface HistoryItem {
  id: string;
  at: string;
  by: { name: string; role: string };
  kind: string;
  target: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface PreviewReply {
  text: string;
  choices: string[];
}

export interface PreviewTurn {
  message: string | null;
  replies: PreviewReply[];
}

export interface Me {
  id: string;
  name: string;
  role: string;
}
