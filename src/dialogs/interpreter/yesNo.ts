import { foldTokens } from '../../services/nlu/normalize';

/**
 * Natural yes and no, as customers answer a yes/no question in German, Austrian, Swiss or English
 * writing. A yes followed by a question or a problem ("Ja, aber wann wird abgebucht?") is not a
 * bare yes, and a statement that merely contains "nicht" ("Mein Internet geht seit gestern nicht")
 * is not a no: only whole answers count.
 */
export type YesNo = 'yes' | 'no';

const fold = (phrase: string): string => foldTokens(phrase).join(' ');
const set = (items: string[]): Set<string> => new Set(items.map(fold));

const YES = set([
  'ja',
  'jo',
  'joa',
  'jap',
  'jop',
  'jupp',
  'yup',
  'yep',
  'jup',
  'jep',
  'jawohl',
  'jaja',
  'ja ja',
  'jaa',
  'gerne',
  'gern',
  'sehr gern',
  'sehr gerne',
  'genau',
  'ok',
  'okay',
  'oke',
  'okey',
  'klar',
  'na klar',
  'sicher',
  'richtig',
  'stimmt',
  'korrekt',
  'bestätigt',
  'ich bestätige',
  'ich bestätige das',
  'ich bestätige die richtigkeit',
  'ich bestätige die richtigkeit der angaben',
  'bestätige',
  'confirmed',
  'i confirm',
  'passt',
  'passt so',
  'passt scho',
  'basst',
  'gell',
  'gelle',
  'freilich',
  'absolut',
  'natürlich',
  'selbstverständlich',
  'auf jeden fall',
  'hat geklappt',
  'hat funktioniert',
  'hat geholfen',
  'das hat geholfen',
  'das hat geklappt',
  'geht wieder',
  'es geht wieder',
  'funktioniert wieder',
  'läuft wieder',
  'klappt',
  'klappt jetzt',
  'geht jetzt',
  'jetzt geht es',
  'jetzt gehts',
  'perfekt',
  'super',
  'prima',
  'top',
  'toll',
  'wunderbar',
  'bestens',
  'sehr gut',
  'gut',
  'das stimmt',
  'ist richtig',
  'das ist richtig',
  'stimmt so',
  'yes',
  'yep',
  'yeah',
  'yup',
  'sure',
  'correct',
  'right',
  'y',
  'j',
  'yes please',
  'it worked',
  'that helped',
  'helped',
  'it helped',
  'works now',
  'that s right',
  'that is right',
  'of course',
  'absolutely',
  'definitely',
  'ja bitte',
  'ja gerne',
  'ja gern',
  'ja genau',
  'ja das stimmt',
  'ja passt',
  'ja danke',
  'ja hat geholfen',
  'ja das hat geholfen',
  'ja hat geklappt',
  'jo passt',
  'ja klar',
  'ja sicher',
  'ja richtig',
  'ja korrekt',
  'oui',
  'gärn',
  'ja gärn',
  'jawoll',
]);

/** Unsure or half an answer: a no to "Hat Ihnen das geholfen?", but no refusal of what was asked for. */
const UNSURE_WORDS = [
  'jein',
  'weiss nicht',
  'weis nicht',
  'woass nicht',
  'woas nicht',
  'keine ahnung',
  'ka ahnung',
  'nicht sicher',
  'bin mir nicht sicher',
  'bin nicht sicher',
  'don t know',
  'i don t know',
  'dont know',
  'i dont know',
  'not sure',
];
const UNSURE = set(UNSURE_WORDS);

/** "keine Ahnung wann", "weiß nicht": the customer is unsure, which is no refusal ("nein") of a contact or a form. */
export function isUnsure(text: string): boolean {
  const words = foldTokens(text).map((w) => (DIALECT_NOT.has(w) ? 'nicht' : w));
  for (const size of [4, 3, 2, 1]) if (UNSURE.has(words.slice(0, size).join(' '))) return true;
  return false;
}

const NO = set([
  'nein',
  'ne',
  'nee',
  'noe',
  'nö',
  'na',
  'naa',
  'na leider',
  'na leider nicht',
  'nix',
  'no',
  'nope',
  'nah',
  'n',
  'nicht wirklich',
  // Unsure or half: not (fully) helped, not a new topic to search ("weiß nicht" found the TV entry).
  ...UNSURE_WORDS,
  'eher nicht',
  'leider nicht',
  'leider nein',
  'nein leider',
  'hat nicht geklappt',
  'hat nicht funktioniert',
  'hat nicht geholfen',
  'nicht geholfen',
  'nicht geklappt',
  'das hat nicht geholfen',
  'das hat nicht geklappt',
  'geht immer noch nicht',
  'geht nicht',
  'geht noch nicht',
  'immer noch nicht',
  'noch nicht',
  'funktioniert nicht',
  'funktioniert immer noch nicht',
  'klappt nicht',
  'klappt immer noch nicht',
  'keineswegs',
  'auf keinen fall',
  'nein danke',
  'no thanks',
  'no thank you',
  'not really',
  'didn t help',
  'did not help',
  'still not working',
  'doesn t work',
  'it didn t work',
  'negativ',
  'falsch',
  'stimmt nicht',
  'das stimmt nicht',
  'ist falsch',
  'das ist falsch',
  'nicht richtig',
  'wrong',
  'not right',
  'incorrect',
  'noch immer nicht',
  'gar nicht',
  'überhaupt nicht',
  'nein gar nicht',
  'nein überhaupt nicht',
  'nein hat nicht geholfen',
  'nein leider nicht',
  'nein nicht wirklich',
  'nö leider nicht',
  'lieber nicht',
  'nein lieber nicht',
  'brauche ich nicht',
  'hab ich schon gemacht',
  'habe ich schon gemacht',
  'hab ich schon',
  'habe ich schon',
  'schon gemacht',
  'schon probiert',
  'schon versucht',
  'hab ich schon probiert',
  'habe ich schon probiert',
  'habe ich schon versucht',
  'hab ich schon versucht',
  'alles schon probiert',
  'already tried',
  'already did that',
  'tried that',
  'tried that already',
  'i already did that',
  'nicht nötig',
  'nein nicht nötig',
  'kein bedarf',
  'nein kein bedarf',
  'nein danke nicht nötig',
  'eher ned',
  'ned wirklich',
  'leider ned',
  'nei',
  'nei danke',
]);

const WEAK_YES = set([
  'ok',
  'okay',
  'oke',
  'gut',
  'super',
  'prima',
  'perfekt',
  'top',
  'toll',
  'passt',
  'alles klar',
  'klar',
]);
const THANKS_WORDS = set(['danke', 'dankeschön', 'merci', 'thanks', 'dank']);
const DIALECT_NOT = new Set(['ned', 'net', 'nid', 'nod', 'nit']);
/** What thanks are for, or how much ("danke vielmals für die Info", "thanks a lot for the info"). */
const THANKS_FOR = set([
  'vielen',
  'vielmals',
  'vielmal',
  'sehr',
  'fur',
  'die',
  'info',
  'infos',
  'auskunft',
  'antwort',
  'a',
  'lot',
  'for',
  'the',
]);

/** Words that may follow a yes or no without changing it ("Ja, danke", "Nein, leider"). */
const FILLER = set([
  'danke',
  'bitte',
  'vielen dank',
  'danke schön',
  'leider',
  'gerne',
  'gern',
  'thanks',
  'please',
  'thank you',
  'also',
  'hm',
  'hmm',
  'ähm',
  'äh',
  'ok',
  'okay',
  'mal',
  'schon',
  'doch',
]);

/** Thanks, with praise or what they are for, and nothing else ("super, danke für die Info"). */
function isThanksOnly(words: string[]): boolean {
  return (
    words.some((w) => THANKS_WORDS.has(w)) &&
    words.every((w) => THANKS_WORDS.has(w) || FILLER.has(w) || WEAK_YES.has(w) || THANKS_FOR.has(w))
  );
}

const QUESTION_OR_PROBLEM = new RegExp(
  `(?:^| )(?:${[
    'aber',
    'but',
    'wann',
    'wie',
    'warum',
    'wieso',
    'weshalb',
    'was',
    'wo',
    'welche',
    'welcher',
    'welches',
    'when',
    'how',
    'why',
    'what',
    'where',
    'which',
    'nicht',
    'kein',
    'keine',
    'problem',
    'immer noch',
    'noch immer',
    'trotzdem',
    'still',
    'not',
  ]
    .map(fold)
    .join('|')})(?= |$)`,
);

/**
 * "das wird die Option sein", "das dürfte es wohl sein", "that's the one" (folded): a remark after a
 * yes that only says the offered thing is the right one, however many words it takes.
 */
const SAYS_THAT_IS_IT =
  /^(?:das|dis|des|dies|es|that|this|that s|this is|that is|it s) (?:(?:wird|ware|durfte|konte|solte|ist|is|isch|war|wirds|sounds|would be|will be|must be) )(?:(?:es|wohl|schon|sicher|genau|eh|ja|die|das|der|richtige|richtig|passende|gesuchte|option|thema|punkt|one|right|the|it|corect) )*(?:sein|es|richtig|gewesen|one|it|right|corect|option|thema)$/;

/** "sonst würde ich ja nicht schreiben", "otherwise I wouldn't ask" (folded): the customer insists on help. */
const STILL_IN_NEED =
  /(?:^| )(?:sonst|ansonsten|otherwise) (?:[a-z]+ ){1,3}(?:nicht|kaum|nie|not|never|wouldn|wouldnt)(?= |$)/;

/** "NEIN, natürlich nicht, sonst würde ich ja nicht schreiben": the customer insists they need help. */
export function insistsOnHelp(text: string): boolean {
  return STILL_IN_NEED.test(foldTokens(text).join(' '));
}

function stripFillers(words: string[]): string[] {
  const out = [...words];
  while (out.length > 1 && FILLER.has(out[out.length - 1])) out.pop();
  while (out.length > 1 && FILLER.has(out[0]) && !YES.has(out.join(' ')) && !NO.has(out.join(' '))) out.shift();
  return out;
}

/**
 * 'yes', 'no', or undefined when the message is not a plain answer (a question, a problem, a
 * new topic). The whole message must be a yes or no, allowing polite words around it and, after a
 * leading "Ja"/"Nein", a remark that asks or reports nothing.
 */
export function yesNo(text: string | undefined): YesNo | undefined {
  const raw = text ?? '';
  // Southern "ned", "net", "nid", "nöd" mean "nicht".
  const all = foldTokens(raw).map((w) => (DIALECT_NOT.has(w) ? 'nicht' : w));
  // "Ok, danke" / "Okay super, danke für die Info!" is thanks (often a goodbye), not consent to what
  // was offered.
  if (all.length > 1 && WEAK_YES.has(all[0]) && isThanksOnly(all.slice(1))) return undefined;
  const words = stripFillers(all);
  if (words.length === 0) return undefined;
  const whole = words.join(' ');
  if (NO.has(whole)) return 'no';
  if (YES.has(whole)) return raw.includes('?') && words.length > 1 ? undefined : 'yes';
  if (words.length > 12) return undefined;
  // "Nein, keine Adressänderung" / "Nein, das war es nicht": a no with a remark is still a no.
  for (const size of [2, 1]) {
    const head = words.slice(0, size).join(' ');
    // "Na, passt schon": an Austrian "na" in front of a remark is a shrug, not a no.
    if (words.length > size && NO.has(head) && (head !== 'na' || words.includes('nicht')) && !raw.includes('?'))
      return 'no';
  }
  // "Okay, verstanden. Hat geholfen.": a short acknowledgement ending in a plain "it helped".
  if (words.length <= 6 && !raw.includes('?') && !words.some((w) => w === 'nicht' || w.startsWith('kein')))
    for (const size of [3, 2]) {
      const tail = words.slice(-size);
      if (words.length > size && YES.has(tail.join(' ')) && tail.some((w) => HELPED.has(w))) return 'yes';
    }
  // "Ja, hat geklappt, danke": a yes with a remark that asks and reports nothing.
  for (const size of [3, 2, 1]) {
    const head = words.slice(0, size).join(' ');
    if (words.length > size && YES.has(head)) {
      const rest = words.slice(size).join(' ');
      if (raw.includes('?') || QUESTION_OR_PROBLEM.test(rest)) return undefined;
      return words.length - size <= 4 || SAYS_THAT_IS_IT.test(rest) ? 'yes' : undefined;
    }
  }
  return undefined;
}

// Folded: doubled letters are single ("geklappt" is "geklapt").
const HELPED = new Set(['geholfen', 'hilft', 'hilfreich', 'geklapt', 'klapt', 'helped', 'helpful', 'worked']);

/**
 * "Super, hat geholfen", "Ja, das hilft": a yes that says the answer served. To an offer of a person
 * after an answer it is satisfaction, not consent to the offer.
 */
export function saysItHelped(text: string): boolean {
  return yesNo(text) === 'yes' && foldTokens(text).some((w) => HELPED.has(w));
}

/** "Yes, confirmed. That's all.", "Ja, korrekt, danke": a yes before the rest of the message. */
export function startsWithYes(text: string): boolean {
  const first = text.split(/[,.;!]/)[0] ?? '';
  return yesNo(first) === 'yes';
}

/** True when the message starts like a no ("Nein, …", "Nö …"), whatever follows. */
export function startsWithNo(text: string): boolean {
  const words = foldTokens(text);
  return words.length > 0 && (NO.has(words[0]) || NO.has(words.slice(0, 2).join(' ')));
}

/** "Nein, …", "No – …" before a remark or a corrected value. */
const LEADING_NO = /^\s*(?:nein|ne|nee|nö|no|nope)\b[\s,.!:;–-]*/i;

/** The message without its leading "Nein" ("Nein, Anna Müller" -> "Anna Müller"); unchanged without one. */
export function withoutLeadingNo(text: string): string {
  return text.replace(LEADING_NO, '');
}
