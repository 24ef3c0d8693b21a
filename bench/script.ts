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

/** A customer asking the knowledge base one question after the other, answering "Hat Ihnen das geholfen?". */
export const KNOWLEDGE_SCRIPT = [
  'Hallo',
  'Wann wird meine Rechnung abgebucht?',
  'Ja, danke',
  'Was kostet die Rufnummernmitnahme?',
  'Ja',
  'Wie richte ich meine Mailbox ein?',
  'Danke',
  'Wie ändere ich meine Bankverbindung?',
  'Ja',
  'Wo finde ich meine PUK?',
] as const;

/** A customer who asks for a person at once and keeps writing while waiting in the queue. */
export const WAITING_SCRIPT = [
  'Ich möchte bitte mit einem Mitarbeiter sprechen.',
  'Hallo, ist da jemand?',
  'Wie lange dauert es noch?',
  'Es geht um meine Rechnung vom letzten Monat.',
  'Der Betrag ist doppelt so hoch wie sonst.',
  'Hallo?',
  'Ok',
  'Wie lange noch?',
  'Ich bin noch da.',
  'Danke für Ihre Geduld',
] as const;

/** What an agent writes to a customer after claiming the handoff (through the handoff API). */
export const AGENT_SCRIPT = [
  'Guten Tag, hier ist Anna vom Kundenservice. Ich übernehme Ihr Anliegen.',
  'Ich sehe mir Ihre letzte Rechnung gerade an.',
  'Der höhere Betrag kommt von einem Datenpass, der am 3. gebucht wurde.',
  'Möchten Sie, dass ich den Datenpass prüfe?',
  'Ich habe eine Gutschrift über 9,95 Euro veranlasst.',
  'Sie sehen sie auf Ihrer nächsten Rechnung.',
  'Kann ich sonst noch etwas für Sie tun?',
  'Gern geschehen.',
  'Ich wünsche Ihnen einen schönen Tag.',
  'Auf Wiederhören!',
] as const;

/**
 * A WhatsApp customer's short menu walk: eight replies, within Meta's burst for one customer (about
 * ten at once, then one every 6 s, which RecipientPacer keeps to). A longer script would measure
 * that wait, not the work.
 */
export const WHATSAPP_SCRIPT = [
  'Hallo',
  '1',
  'Wann wird abgebucht?',
  'Menü',
  '2',
  'Mein Internet ist seit heute Morgen sehr langsam',
] as const;

/** The first message of a customer who wants a person (the relay workload's setup). */
export const ASK_FOR_PERSON = WAITING_SCRIPT[0];
