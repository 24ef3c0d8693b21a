import { foldTokens } from '../../services/nlu/normalize';

/**
 * Conversation cues: what a customer message says about the conversation itself (who they want to
 * talk to, whether they are done, which language) as opposed to what their request is about.
 * Pure functions over the folded text (umlauts, missing umlauts and doubled letters meet), so
 * "Tschüss", "tschuess" and "tschuss" are one word. Every pattern is a literal alternation or a
 * bounded gap between literals: linear time on any input.
 */
export type Cue =
  | 'supervisor'
  | 'person'
  | 'closing'
  | 'thanks'
  | 'cancel'
  | 'menu'
  | 'back'
  | 'howLong'
  | 'callback'
  | 'languageEn'
  | 'languageDe'
  | 'help';

/** The folded words of a message joined by single spaces ("Tschüss!" -> "tschus"). */
export function foldedText(text: string): string {
  return foldTokens(text).join(' ');
}

const fold = (phrase: string): string => foldTokens(phrase).join(' ');
const alternation = (items: string[]): string =>
  [...new Set(items.map(fold))].sort((a, b) => b.length - a.length).join('|');

/** Whole words or phrases anywhere in the folded text. */
function words(items: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternation(items)})(?= |$)`);
}

/** Words starting with one of the stems ("vorgesetz" matches "Vorgesetzten"). */
function prefixes(items: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternation(items)})`);
}

/** The whole message is one of the phrases, optionally with a polite word before or after. */
function whole(items: string[]): RegExp {
  const polite = alternation([
    'bitte',
    'please',
    'jetzt',
    'nun',
    'doch',
    'einfach',
    'ok',
    'okay',
    'ja',
    'gerne',
    'mal',
    'dann',
    'also',
    'denn',
    'hallo',
    'hi',
  ]);
  return new RegExp(`^(?:(?:${polite}) ){0,2}(?:${alternation(items)})(?: (?:${polite})){0,2}$`);
}

const SUPERVISOR = prefixes([
  'vorgesetz',
  'vorgesez',
  'chef',
  'chefin',
  'teamleit',
  'teamleiter',
  'gruppenleit',
  'abteilungsleit',
  'verantwortlich',
  'beschwerdestell',
  'beschwerdeabteilung',
  'beschwerdemanagement',
  'geschaftsfuhr',
  'geschäftsleitung',
  'vorstand',
  'manager',
  'supervisor',
  'schichtleit',
  'filialleit',
  'team lead',
  'teamlead',
  'team leader',
]);
// "Chefkoch", "Chefarzt": the stem above would match them as well.
const NOT_SUPERVISOR = prefixes(['chefkoch', 'chefarzt']);
const SUPERVISOR_WHOLE_WORDS = words([
  'management',
  'hohere stelle',
  'hoheren stelle',
  'nachsthoheren',
  'nachsthohere',
]);

const PERSON = prefixes([
  'mitarbeiter',
  'mitarbeitr',
  'mitarbieter',
  'mensch',
  'echte person',
  'echten person',
  'reale person',
  'realen person',
  'lebende person',
  'eine person',
  'einer person',
  'kundenberater',
  'kundenbetreuer',
  'kundendienstmitarbeiter',
  'berater',
  'beraterin',
  'sachbearbeiter',
  'agent',
  'human',
  'real person',
  'a person',
  'live person',
  'operator',
  'someone',
  'somebody',
  'jemanden',
  'jemandem',
  'jemand',
  'ansprechpartner',
  'kollegen',
  'kollegin',
  'servicemitarbeiter',
  'hotline',
  'representative',
]);
const PERSON_WORD = words(['person', 'persons', 'people', 'mensch']);
/** Words that turn a mention of a person into a wish to talk to one (in a longer sentence). */
const ASKING = words([
  'sprechen',
  'reden',
  'verbinden',
  'verbunden',
  'verbinde',
  'brauche',
  'brauch',
  'will',
  'wil',
  'mochte',
  'mocht',
  'hatte gern',
  'hatte gerne',
  'bitte',
  'please',
  'talk',
  'speak',
  'connect',
  'need',
  'want',
  'get me',
  'weiterleiten',
  'durchstellen',
  'schreiben',
  'haben',
  'gibt es',
  'kann ich',
  'konnte ich',
  'geben sie mir',
  'gib mir',
  'verlange',
  'holen sie',
  'hol mir',
  'give me',
  'zum',
  'zu einem',
  'zu einer',
  'mit einem',
  'mit einer',
  'an einen',
  'an eine',
  'sofort',
  'jetzt',
]);
/** "keinen Mitarbeiter" is not a wish for one; removed before looking for a person word. */
const NEGATED_PERSON =
  /(?:^| )(?:kein|keinen|keine|ohne|no|not a|nicht mit einem|nicht mit einer) (?:mitarbeiter|mitarbeiterin|menschen|mensch|person|agent|human|berater|beraterin)(?= |$)/g;
/** "Mensch, das nervt!": an exclamation, not a wish for a person. */
const MENSCH_EXCLAMATION = /^(?:mensch|menschenskind) (?!bitte|please|sprechen)/;

const CLOSING = words([
  'das war alles',
  'das war s',
  'das wars',
  'das ware alles',
  'das ware es',
  'das wars schon',
  'war alles',
  'sonst nichts',
  'mehr nicht',
  'keine fragen mehr',
  'keine weiteren fragen',
  'nichts mehr',
  'alles erledigt',
  'hat sich erledigt',
  'erledigt danke',
  'tschus',
  'tschuss',
  'tschau',
  'ciao',
  'chiao',
  'auf wiedersehen',
  'auf wiederschauen',
  'wiederschauen',
  'auf wiederhoren',
  'wiederhoren',
  'uf wiederluege',
  'uf widerluege',
  'ufwiederluege',
  'adieu',
  'ade',
  'pfiat di',
  'pfiati',
  'pfiat eana',
  'baba',
  'servus',
  'bis dann',
  'bis bald',
  'bis zum nachsten mal',
  'schonen tag noch',
  'schonen abend noch',
  'schones wochenende',
  'schonen tag',
  'schonen abend',
  'merci vielmal',
  'merci viumau',
  'merci vilmal',
  'vielen dank und tschus',
  'bye',
  'goodbye',
  'good bye',
  'bye bye',
  'that s all',
  'that is all',
  'thats all',
  'nothing else',
  'have a nice day',
  'see you',
  'machs gut',
  'mach s gut',
  'gute nacht',
  'lg',
  'frohe weihnachten',
  'schone weihnachten',
  'frohe feiertage',
  'schone feiertage',
  'guten rutsch',
  'mehr brauche ich nicht',
  'mehr brauch ich nicht',
  'brauche ich nicht mehr',
  'sonst brauche ich nichts',
  'mehr wollte ich nicht',
  'das reicht',
  'das genugt',
  'das reicht mir',
  'that s it',
  'thats it',
  'nothing more',
  'that s everything',
  'that is everything',
  'thats everything',
  'frohe ostern',
  'schonen feierabend',
  'schones wochenende noch',
  'happy holidays',
  'merry christmas',
  'have a nice weekend',
]);
/** A rating in words that also says goodbye ("war super, danke"); whole message only, "war super hoch" is not one. */
const CLOSING_RATING = whole([
  'war super',
  'war super danke',
  'super danke',
  'danke war super',
  'war toll',
  'war toll danke',
  'war hilfreich',
  'war hilfreich danke',
  'top danke',
  'perfekt danke',
  'danke perfekt',
  'danke super',
  'super vielen dank',
  'war super vielen dank',
  'great thanks',
  'perfect thanks',
]);

const THANKS = words([
  'danke',
  'dankeschon',
  'danke schon',
  'danke sehr',
  'vielen dank',
  'herzlichen dank',
  'besten dank',
  'tausend dank',
  'merci',
  'vergelts gott',
  'thanks',
  'thank you',
  'thx',
  'ty',
  'cheers',
  'dank',
  'danki',
  'merci vielmal',
  'dankesehr',
  'vielen lieben dank',
]);

/** A request in the same message ("Ich möchte meine Bankverbindung ändern. Danke"): the thanks is politeness. */
const REQUESTING = words([
  'mochte',
  'mocht',
  'will',
  'wil',
  'brauche',
  'brauch',
  'hatte gern',
  'hatte gerne',
  'andern',
  'kundigen',
  'bestellen',
  'sperren',
  'wechseln',
  'beschweren',
  'melden',
  'need',
  'want',
  'would like',
  'change',
  'cancel my',
  'block',
]);

/** A question or a problem after the thanks means the customer is not done. */
const QUESTION_WORDS = words([
  'wann',
  'wie',
  'warum',
  'wieso',
  'weshalb',
  'wo',
  'woher',
  'wohin',
  'welche',
  'welcher',
  'welches',
  'welchen',
  'was ist',
  'was kostet',
  'aber',
  'noch eine frage',
  'eine frage',
  'frage',
  'how',
  'what',
  'when',
  'where',
  'why',
  'which',
  'but',
  'nicht',
  'kein',
  'keine',
  'geht',
  'funktioniert',
  'problem',
  'immer noch',
  'still',
  'not',
  'doesn t',
  'does not',
]);
const DONE_DESPITE_QUESTION_WORDS = words([
  'das war alles',
  'das wars',
  'sonst nichts',
  'keine fragen mehr',
  'keine weiteren fragen',
  'nothing else',
  'mehr brauche ich nicht',
  'mehr brauch ich nicht',
  'brauche ich nicht mehr',
  'mehr wollte ich nicht',
]);

const CANCEL_WHOLE = whole([
  'abbrechen',
  'abbruch',
  'abbrechen bitte',
  'stop',
  'stopp',
  'cancel',
  'halt',
  'egal',
  'vergessen sie es',
  'vergessen sie s',
  'vergessen sies',
  'vergiss es',
  'lassen sie es',
  'lassen wir das',
  'lass es',
  'lassen wir es',
  'nicht mehr notig',
  'schon gut',
  'forget it',
  'never mind',
  'nevermind',
  'ich will abbrechen',
  'ich mochte abbrechen',
  'vorgang abbrechen',
  'alles abbrechen',
]);
const CANCEL_PHRASE = words([
  'vergessen sie es',
  'vergessen sie s',
  'lassen wir das',
  'vorgang abbrechen',
  'ich mochte abbrechen',
  'ich will abbrechen',
  'forget it',
  'never mind',
]);

const MENU = whole([
  'menu',
  'menue',
  'hauptmenu',
  'hauptmenue',
  'main menu',
  'menu please',
  'zuruck zum menu',
  'zuruck zum hauptmenu',
  'zuruck zum anfang',
  'zum menu',
  'zum hauptmenu',
  'zum anfang',
  'von vorne',
  'von vorn',
  'nochmal von vorne',
  'noch mal von vorne',
  'neu starten',
  'neustart',
  'start',
  'startseite',
  'start over',
  'back to menu',
  'back to the menu',
  'back to main menu',
  'back to the main menu',
  'show menu',
  'menu anzeigen',
  'das menu',
  'optionen',
  'auswahl',
]);

const BACK = whole(['zuruck', 'zuruk', 'back', 'go back', 'schritt zuruck', 'einen schritt zuruck', 'eins zuruck']);

const HOW_LONG = words([
  'wie lange dauert',
  'wie lang dauert',
  'wie lange noch',
  'wie lang noch',
  'wie lange muss ich',
  'wie lang muss ich',
  'wie lange soll ich',
  'wann komme ich dran',
  'wann kom ich dran',
  'wann bin ich dran',
  'wann komm ich dran',
  'bin ich bald dran',
  'wie viele vor mir',
  'wieviele vor mir',
  'wie viele sind vor mir',
  'wann meldet sich',
  'dauert das noch',
  'dauert es noch',
  'wie lange warten',
  'wartezeit',
  'wie lang gaht',
  'wie lang goht',
  'wie lange geht das',
  'how long',
  'how much longer',
  'when will someone',
  'waiting time',
]);

const CALLBACK = words([
  'ruckruf',
  'rukruf',
  'zuruckrufen',
  'zuruckruft',
  'zuruck rufen',
  'rufen sie mich',
  'ruft mich',
  'ruf mich',
  'mich anrufen',
  'mich zuruckrufen',
  'anrufen lassen',
  'call me',
  'call back',
  'callback',
  'call me back',
  'phone me',
  'am telefon',
  'telefonisch',
  'per telefon',
  'by phone',
  'on the phone',
]);

const LANGUAGE_EN = words([
  'english please',
  'english pls',
  'in english',
  'speak english',
  'do you speak english',
  'englisch bitte',
  'auf englisch',
  'english',
  'englisch',
  'dont speak german',
  'don t speak german',
  'do not speak german',
  'no german',
  'i don t understand german',
  'i dont understand german',
]);
const LANGUAGE_DE = words([
  'auf deutsch',
  'deutsch bitte',
  'in german',
  'german please',
  'sprechen sie deutsch',
  'speak german',
  'deutsch',
  'german',
  'bitte deutsch',
  'auf deutsch bitte',
]);

const HELP = whole([
  'hilfe',
  'help',
  'was konnen sie',
  'was konnen sie alles',
  'was kannst du',
  'was kann ich hier tun',
  'was kann ich tun',
  'wie funktioniert das',
  'wie funktioniert das hier',
  'was konnen sie denn',
  'was konnen sie denn alles',
  'was kannst du alles',
  'what can you do for me',
  'wie geht das hier',
  'what can you do',
  'how does this work',
  'ich brauche hilfe',
  'hilfe bitte',
  'i need help',
  'optionen hilfe',
  'was geht hier',
]);

/** Words that mean the customer asks about something else, so a language word is not a wish to switch. */
const LANGUAGE_TOPIC = prefixes([
  'rechnung',
  'vertrag',
  'tarif',
  'mitarbeiter',
  'invoice',
  'contract',
  'kurs',
  'sprachkurs',
  'sender',
]);

function countWords(folded: string): number {
  return folded === '' ? 0 : folded.split(' ').length;
}

/**
 * The conversation cues in a customer message. Several can hold at once ("Danke, tschüss" is
 * thanks and closing); the interpreter decides which wins.
 */
export function detectCues(text: string): Set<Cue> {
  const cues = new Set<Cue>();
  const f = foldedText(text);
  if (f === '') return cues;
  const n = countWords(f);
  const question = text.includes('?') || QUESTION_WORDS.test(f);

  const supervisor = (SUPERVISOR.test(f) && !NOT_SUPERVISOR.test(f)) || SUPERVISOR_WHOLE_WORDS.test(f);
  if (supervisor && (n <= 4 || ASKING.test(f))) cues.add('supervisor');
  const personText = f.replace(NEGATED_PERSON, ' ').replace(MENSCH_EXCLAMATION, ' ');
  if ((PERSON.test(personText) || PERSON_WORD.test(personText)) && (n <= 4 || ASKING.test(f))) cues.add('person');

  if (CLOSING_RATING.test(f)) cues.add('closing');
  const requesting = REQUESTING.test(f) && !DONE_DESPITE_QUESTION_WORDS.test(f);
  if (CLOSING.test(f) && (!question || DONE_DESPITE_QUESTION_WORDS.test(f)) && n <= 12 && !requesting) {
    // "Servus, ich habe eine Frage": a greeting, not a goodbye.
    if (!(/^servus /.test(f) && n > 2)) cues.add('closing');
  }
  if (THANKS.test(f) && !question && n <= 10 && !requesting) cues.add('thanks');

  if (CANCEL_WHOLE.test(f) || (CANCEL_PHRASE.test(f) && n <= 8)) cues.add('cancel');
  if (MENU.test(f)) cues.add('menu');
  if (BACK.test(f)) cues.add('back');
  if (HOW_LONG.test(f)) cues.add('howLong');
  if (CALLBACK.test(f)) cues.add('callback');
  if (n <= 8 && !LANGUAGE_TOPIC.test(f)) {
    if (LANGUAGE_EN.test(f)) cues.add('languageEn');
    else if (LANGUAGE_DE.test(f)) cues.add('languageDe');
  }
  if (HELP.test(f)) cues.add('help');
  return cues;
}
