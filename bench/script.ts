/** A customer walking through the menu: invoices, then technical help, then general questions. */
export const CUSTOMER_SCRIPT = [
  'Hallo',
  '1',
  'Ich habe eine Frage zu meiner Rechnung',
  'Wann wird abgebucht?',
  'Menü',
  '2',
  'Mein Internet ist seit heute Morgen sehr langsam',
  'Danke, das hilft mir weiter',
  'Menü',
  '3',
] as const;
