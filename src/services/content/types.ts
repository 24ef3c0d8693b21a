/**
 * Admin-editable content (menu, identity, escalation and business-hours settings). Shipped
 * defaults live in code/locales; admins override them in MongoDB (issue: admin content).
 * Dialogs read content through ContentProvider on every turn, so changes are live.
 */
import type { Intent } from '../nlu/types';

export type MenuTarget =
  | { kind: 'dialog'; dialog: Intent }
  | { kind: 'faq'; faqId: string }
  | { kind: 'submenu'; menuId: string }
  | { kind: 'handoff'; priority: HandoffPriorityName; category: Intent };

export type HandoffPriorityName = 'urgent' | 'high' | 'normal';

export interface MenuOption {
  /** Stable id, also the WhatsApp button/list reply id. */
  id: string;
  /** What the customer may type: "1".."6", "0". */
  digit: string;
  label: { de: string; en: string };
  target: MenuTarget;
}

export interface Menu {
  id: string;
  options: MenuOption[];
}

export interface BusinessHours {
  /** ISO weekday 1 (Monday) .. 7 (Sunday) -> ["08:00", "20:00"], absent = closed. */
  weekly: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string]>>;
  /** "YYYY-MM-DD" dates on which the service desk is closed. */
  holidays: string[];
}

export interface Settings {
  companyName: string;
  botName: string;
  timeZone: string;
  frustration: { annoyed: number; irate: number; extraTriggerWords: string[] };
  businessHours: BusinessHours;
  /** Minutes of waiting after which a callback is offered. */
  callbackOfferAfterMinutes: number;
}

export interface ContentProvider {
  /** The main menu and its sub-menus, keyed by id; "main" always exists. */
  menus(): Promise<Record<string, Menu>>;
  settings(): Promise<Settings>;
}
