import { ValidationError } from '../errors';
import { normalizeText } from '../nlu/normalize';
import type { Intent } from '../nlu/types';

/** Where an agent can hand a customer back to: a request dialog (by its intent) or the main menu. */
export const HAND_BACK_TARGETS = [
  'rechnung',
  'technik',
  'daten',
  'verlust',
  'beschwerde',
  'allgemein',
  'menu',
] as const;
export type HandBackTarget = (typeof HAND_BACK_TARGETS)[number];

interface TargetInfo {
  /** The request dialog's intent; 'menu' for the main menu. */
  intent: Intent | 'menu';
  /** The first question the dialog asks, sent with the hand-back sentence. */
  askKey: string;
}

const TARGETS: Record<HandBackTarget, TargetInfo> = {
  rechnung: { intent: 'billing', askKey: 'conversation:billing.ask' },
  technik: { intent: 'technical', askKey: 'conversation:technical.ask' },
  daten: { intent: 'data_change', askKey: 'conversation:dataChange.ask' },
  verlust: { intent: 'lost_or_stolen', askKey: 'conversation:lost.askItem' },
  beschwerde: { intent: 'complaint', askKey: 'conversation:complaint.ask' },
  allgemein: { intent: 'general', askKey: 'conversation:general.ask' },
  menu: { intent: 'menu', askKey: 'handoff:handBack.menuQuestion' },
};

/** Words an agent may type for a target ("ende menü", "ende billing"), normalised (umlauts folded). */
const ALIASES: Record<string, HandBackTarget> = {
  rechnung: 'rechnung',
  billing: 'rechnung',
  technik: 'technik',
  technical: 'technik',
  stoerung: 'technik',
  daten: 'daten',
  datenaenderung: 'daten',
  data: 'daten',
  verlust: 'verlust',
  diebstahl: 'verlust',
  sperre: 'verlust',
  beschwerde: 'beschwerde',
  complaint: 'beschwerde',
  allgemein: 'allgemein',
  general: 'allgemein',
  menu: 'menu',
  menue: 'menu',
  hauptmenue: 'menu',
};

/** The target a word names, or undefined; tolerant of case and umlauts ("Menü", "menue", "MENU"). */
export function parseHandBackTarget(word: string): HandBackTarget | undefined {
  const folded = normalizeText(word).replace(/ /g, '');
  return ALIASES[folded];
}

/** The target of an API body field: undefined when absent, a 400 naming the choices when unknown. */
export function requireHandBackTarget(value: unknown): HandBackTarget | undefined {
  if (value === undefined || value === null) return undefined;
  const target = typeof value === 'string' ? parseHandBackTarget(value) : undefined;
  if (!target) throw new ValidationError('target', `must be one of ${HAND_BACK_TARGETS.join(', ')}`);
  return target;
}

export function handBackTargetInfo(target: HandBackTarget): TargetInfo {
  return TARGETS[target];
}
