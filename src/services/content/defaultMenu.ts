import type { Menu } from './types';

/**
 * The shipped phone menu. Labels stay within 24 characters, because a menu of more than three
 * options becomes a WhatsApp list whose row titles are cut there.
 */
export const DEFAULT_MENUS: Record<string, Menu> = {
  main: {
    id: 'main',
    options: [
      { id: 'billing', digit: '1', label: { de: 'Rechnungen', en: 'Invoices' }, target: { kind: 'dialog', dialog: 'billing' } },
      { id: 'technical', digit: '2', label: { de: 'Technik', en: 'Technical help' }, target: { kind: 'dialog', dialog: 'technical' } },
      { id: 'general', digit: '3', label: { de: 'Allgemeine Anfragen', en: 'General questions' }, target: { kind: 'dialog', dialog: 'general' } },
      { id: 'lost_or_stolen', digit: '4', label: { de: 'Karte oder Handy sperren', en: 'Block card or phone' }, target: { kind: 'dialog', dialog: 'lost_or_stolen' } },
      { id: 'data_change', digit: '5', label: { de: 'Persönliche Daten ändern', en: 'Change personal data' }, target: { kind: 'dialog', dialog: 'data_change' } },
      { id: 'complaint', digit: '6', label: { de: 'Beschwerde', en: 'Complaint' }, target: { kind: 'dialog', dialog: 'complaint' } },
      { id: 'human', digit: '0', label: { de: 'Mitarbeiter', en: 'Speak to a person' }, target: { kind: 'dialog', dialog: 'human' } },
    ],
  },
};
