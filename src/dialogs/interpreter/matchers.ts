import { mentionsKeeping } from '../../services/nlu/intentLexicon';
import { normalizeText } from '../../services/nlu/normalize';
import { extractName, IBAN_IN_TEXT, parseAddress, parseEmail, parseIban, parsePhone } from './slots';

/**
 * What a free-text message picks at the choice steps of the request dialogs. Kept apart from the
 * dialogs so that the turn interpreter can tell an answer from a new topic without importing them.
 */

export const PROBLEMS = ['internet', 'phone', 'device', 'app'] as const;
export type Problem = (typeof PROBLEMS)[number];

const PROBLEM_WORDS: Record<Problem, RegExp> = {
  // Television comes over the line at home: "Fernseher zeigt kein Signal" is the router's, not the phone's.
  internet: /(internet|router|wlan|w lan|wifi|dsl|glasfaser|fritz|festnetz|broadband|langsam|fernseh|receiver|iptv)/,
  phone:
    /(sim|netz|empfang|telefonieren|anrufe|handy|natel|smartphone|mobile daten|mobile data|signal|reception|esim|mms|sms|no service|no network|no bars|my phone)/,
  device:
    /(kaputt|defekt|display|bildschirm|akku|laedt|ladt|geraet|gerat|broken|battery|screen|(?:nicht|ned|nimmer|nimma|mehr) an(?: |$)|startet nicht|turn on)/,
  app: /(app|login|anmelden|einloggen|portal|absturz|stuerzt|sturzt|passwort|crash)/,
};

/** Words that name the app or the portal itself, not only a crash. */
const APP_NAMED = /(app|login|anmelden|einloggen|portal|passwort)/;
/** "Seit dem Update stürzt mein Handy ab": the crashing thing is the phone. */
const DEVICE_NAMED = /(handy|natel|smartphone|iphone|tablet|laptop|geraet|gerat|phone)/;

const MOBILE = /(handy|natel|smartphone|mobile daten|mobile data)/;
const HOME_LINE = /(router|wlan|w lan|wifi|dsl|glasfaser|fritz|festnetz|broadband|fernseh|receiver|iptv)/;
/** A device that will not charge or start is the device's problem even next to the line at home. */
const POWER = /(akku|laedt|ladt|battery|(?:nicht|ned|nimmer|nimma|mehr) an(?: |$)|startet nicht|turn on)/;

/** The areas of the shipped knowledge entries (by key) that each problem's own answers come from. */
const PROBLEM_AREA: Record<Problem, string> = {
  internet: 'internet',
  phone: 'mobile',
  device: 'device',
  app: 'account',
};
const AREAS = new Set(Object.values(PROBLEM_AREA));

/**
 * Whether a knowledge entry can be the answer to a problem: "Handy geht nicht mehr an" is not answered
 * by the router entry. Entries outside the shipped areas (an admin's own) are not judged.
 */
export function fitsProblem(problem: Problem, entryId: string): boolean {
  const area = entryId.split('.')[0];
  return !AREAS.has(area) || area === PROBLEM_AREA[problem];
}

/** The problem a message describes, if it names one. App problems win ("die App stürzt auf dem Handy ab"). */
export function detectProblem(text: string): Problem | undefined {
  const normalized = normalizeText(text);
  for (const p of ['app', 'device', 'internet', 'phone'] as const) {
    if (!PROBLEM_WORDS[p].test(normalized)) continue;
    if (p === 'app' && !APP_NAMED.test(normalized) && DEVICE_NAMED.test(normalized)) return 'device';
    // "kein Internet zuhause, alle Geräte", "Router kaputt", "Fernseher: schwarzer Bildschirm": the line at home.
    if (p === 'device' && PROBLEM_WORDS.internet.test(normalized) && !POWER.test(normalized)) continue;
    // "Mein Handy kommt nicht ins Internet": mobile data, not the line at home.
    if (p === 'internet' && MOBILE.test(normalized) && !HOME_LINE.test(normalized)) return 'phone';
    return p;
  }
  return undefined;
}

const FAULT =
  /(kei netz|kei internet|kei empfang|ke netz|ka netz|ka internet|ka empfang|ka mobile|kein netz|down again|is down|s down|internet down|wifi down|wlan down|keeps freezing|freezing|freezes|geht nicht|geht ned|geht nimmer|geht gar nicht|geht kaum|funktioniert nicht|funktioniert nimmer|klappt nicht|kein |keine |keinen |nicht mehr|kaputt|defekt|langsam|sturzt|stuerzt|absturz|ausgefallen|ausfall|storung|stoerung|gestort|gestoert|spinnt|hangt|haengt|bricht ab|lasst sich nicht|laesst sich nicht|not working|doesn t work|does not work|broken|slow|no signal|no service|no network|no reception|no bars|no internet|crash|keeps dropping|won t|cannot connect|can t connect|nicht erkannt|not recognized|not recognised|not detected|stopped working|isn t working|isnt working|aren t working|not connecting|keeps disconnecting|aussetzer|verbindungsabbr|disconnect)/;

/** "geht seit gestern nicht", "funktioniert schon wieder nicht", "is seit gestern weg": a verb, a few words, a negation. */
const WORKS = new Set([
  'geht',
  'gehen',
  'funktioniert',
  'funktionieren',
  'klappt',
  'lauft',
  'laeuft',
  'gaht',
  'goht',
  'geit',
  'get',
  // "mei Handy kann ned telefonieren"
  'kann',
  'kan',
  'laedt',
  'ladt',
]);
// Swiss "nüme" and Austrian "nimma": no longer.
const NOT = new Set(['nicht', 'ned', 'net', 'nimmer', 'nimma', 'nueme', 'nume', 'noed', 'nod', 'nid', 'nit', 'nich']);
const IS = new Set(['ist', 'is', 'isch']);
const AWAY = new Set(['weg', 'waeg', 'tot', 'down', 'ausgefallen']);
const SERVICES = new Set([
  'internet',
  'wlan',
  'wifi',
  'netz',
  'festnetz',
  'telefon',
  'fernsehen',
  'tv',
  'dsl',
  'router',
]);

/** A word of `first`, then at most `gap` words, then a word of `then` — word by word, in linear time. */
function wordsApart(
  words: readonly string[],
  first: ReadonlySet<string>,
  gap: number,
  then: ReadonlySet<string>,
): boolean {
  return words.some((word, i) => first.has(word) && words.slice(i + 1, i + 2 + gap).some((next) => then.has(next)));
}

const BREAKS = new Set(['bricht', 'brechen']);
const OFF = new Set(['ab']);
const FALLS = new Set(['fallt', 'faellt', 'fallen']);
const OUT = new Set(['aus']);

/** True when a message reports a fault ("geht nicht", "kaputt", "kein Empfang"), not a wish or a wait. */
export function describesFault(text: string): boolean {
  const normalized = normalizeText(text);
  if (FAULT.test(normalized)) return true;
  const words = normalized.split(' ');
  return (
    wordsApart(words, WORKS, 4, NOT) ||
    wordsApart(words, IS, 3, AWAY) ||
    // "Internet weg. Schon wieder.", "WLAN tot": telegraphic, the service and then what became of it.
    wordsApart(words, SERVICES, 0, AWAY) ||
    // "bricht ständig ab", "fällt immer wieder aus": a separable verb with words before its particle.
    wordsApart(words, BREAKS, 3, OFF) ||
    wordsApart(words, FALLS, 3, OUT)
  );
}

/** "schon", and "als Erstes" / "zuerst" / "first": the step was the first thing the customer tried. */
const ALREADY = new Set(['schon', 'scho', 'bereits', 'already', 'erstes', 'zuerst', 'first']);
const DONE = new Set([
  'gemacht',
  'gmacht',
  'probiert',
  'versucht',
  'getan',
  'gestartet',
  'neugestartet',
  'did',
  'done',
  'tried',
]);

/**
 * "Ja, hab ich schon neu gestartet" at a troubleshooting step: the step was done before and the
 * problem is still there, so it is a no, not a yes to "Hat das geholfen?".
 */
export function alreadyTried(text: string): boolean {
  const words = normalizeText(text).split(' ');
  return words.some((w) => ALREADY.has(w)) && words.some((w) => DONE.has(w));
}

const EVERYTHING = new Set(['alles', 'ales', 'everything', 'all']);

/**
 * "Hab ich alles schon gemacht", "tried everything already": not one step but all of them were done,
 * so more steps would only repeat what the customer has told us.
 */
export function triedEverything(text: string): boolean {
  const words = normalizeText(text).split(' ');
  return words.some((w) => EVERYTHING.has(w)) && words.some((w) => DONE.has(w));
}

const STILL =
  /(?:^| )(?:immer noch|immer no|imer noch|imer no|noch immer|no immer|weiterhin|nach wie vor|still|same thing|same problem|same issue|unveraendert|unchanged)(?= |$)/;
const ALSO_NOT =
  /(?:^| )(?:a|au|auch|also|too) (?:ned|net|nid|noed|nod|nicht|nich|nix|nichts|not|das nicht|des ned)(?= |$)/;
const NOTHING = new Set(['nix', 'nichts', 'nuet', 'nut', 'nuescht', 'nothing', 'nischt']);
const HELPED = new Set([
  'bracht',
  'gebracht',
  'brocht',
  'brocha',
  'gnuetzt',
  'gnutzt',
  'genuetzt',
  'genutzt',
  'geholfen',
  'gholfe',
  'gholfen',
  'helped',
  'changed',
]);
const DIALECT_WORKS = new Set(['gaht', 'goht', 'geit', 'get', 'gehts', 'lauft', 'lueft', 'funktioniert', 'funzt']);
const DIALECT_NOT = new Set(['noed', 'nod', 'nid', 'nit', 'nich', 'ned', 'net', 'nicht', 'nimmer']);

/** Words that say a step worked ("geht wieder", "hat geklappt", "jetzt läuft's"). */
const WORKS_AGAIN =
  /(?:^| )(?:geholfen|geht wieder|gehts wieder|geht es wieder|es geht wieder|geht jetzt|jetzt geht|jetzt gehts|funktioniert wieder|funktioniert es wieder|funktioniert jetzt|jetzt funktioniert|klappt wieder|klappt jetzt|jetzt klappt|geklappt|lauft wieder|laeuft wieder|wieder da|passt|perfekt|super|danke|gelost|geloest|erledigt|works|worked|working again|fixed|solved|helped|thanks)(?= |$)/;

/**
 * "Ja, Kabel ist fest", "steckdose geht, anderes gerät funktioniert da": at a troubleshooting step a
 * report of what was checked, without a word that it works now, means the problem is still there.
 */
export function reportsCheck(text: string): boolean {
  const normalized = normalizeText(text);
  return normalized.split(' ').length >= 3 && !WORKS_AGAIN.test(normalized);
}

/**
 * "Immer no gleich langsam", "Na, hat nix bracht", "Au nöd", "gaht immer no nöd", "still freezing":
 * after a troubleshooting step, the problem is still there, so the step did not help.
 */
export function stillBroken(text: string): boolean {
  const normalized = normalizeText(text);
  if (STILL.test(normalized) || ALSO_NOT.test(normalized)) return true;
  const words = normalized.split(' ');
  return wordsApart(words, NOTHING, 2, HELPED) || wordsApart(words, DIALECT_WORKS, 3, DIALECT_NOT);
}

export const FIELDS = ['address', 'name', 'bank', 'email', 'phone'] as const;
export type Field = (typeof FIELDS)[number];

const FIELD_WORDS: Record<Field, RegExp> = {
  // "Kundenkonto" and an English "account" are the customer's account, not a bank account.
  bank: /(iban|bank|(?<!kunden|benutzer|nutzer|online)konto|lastschrift|direct debit)/,
  email: /(mail)/,
  // "Kundennummer K-4711-0815" names no phone number.
  phone:
    /(telefon|handynummer|rufnummer|(?<!kunden|vertrags|vorgangs|karten|ticket|auftrags|referenz|rechnungs)nummer|phone)/,
  address: /(adress|adraess|adrass|anschrift|umzug|umgezogen|zuegelt|wohnort|strasse|address|moved)/,
  name: /(name|heirat|geheiratet|nachname|married)/,
};

/**
 * "Ich hätte gern eine neue Handynummer", "I need a new number": a new line number is a product
 * (its knowledge answer), not a contact number to update in the data form.
 */
const NUMBER_WISH =
  /(?:^| )(?:haette gern|haette gerne|moechte|will|brauche|braeuchte|wuensche|bekommen|beantragen|want|need|get)(?= )/;
const NEW_NUMBER = /(?:neue|andere|new|different|another) (?:handy|mobil|ruf|telefon|phone |mobile )?(?:nummer|number)/;

export function wantsNewNumber(text: string): boolean {
  const normalized = normalizeText(text);
  const wish = NUMBER_WISH.exec(normalized);
  const number = NEW_NUMBER.exec(normalized);
  // The wish comes first ("hätte gern eine neue Nummer"); digits mean a number to store instead.
  return wish !== null && number !== null && wish.index < number.index && !/\d{4}/.test(normalized);
}

/** "Nummer mitnehmen", "wia nimm i mei Nummer mit", "keep my number": the number moves (porting), it is not changed. */
export function keepsNumber(text: string): boolean {
  return /(nummer|number)/.test(normalizeText(text)) && mentionsKeeping(text);
}

/** "change it", "ändern Sie das", "bin umgezogen", "my new address": a wish that something be changed. */
const CHANGE_WISH =
  /(?:^| )(?:change|changed|update|andern|aendern|aktualisieren|umgezogen|umziehen|moved|neue adresse|new address|wohne jetzt|live now)(?= |$)/;
const NEW_NAME = /(?:^| )(?:neuer name|mein neuer name|new name|my new name)(?= |$)/;
const NEW_ACCOUNT =
  /(?:^| )(?:neue iban|neue kontonummer|neue bankverbindung|neues konto|new iban|new bank account|new account number)(?= |$)/;

/**
 * "Can you just change it? It's Gartenweg 4, 80331 München": a full new address or e-mail address
 * with a wish to change names its field by the value, where no field word is written; "Neuer Name:
 * Laura Brunner-Keller" is the change of the name, "Die neue Kontonummer … lautet DE02 …" (a valid IBAN)
 * the change of the bank account.
 */
export function changeByValue(text: string): Field | undefined {
  const normalized = normalizeText(text);
  if (NEW_NAME.test(normalized) && extractName(text)) return 'name';
  if (NEW_ACCOUNT.test(normalized) && 'iban' in parseIban(text)) return 'bank';
  // "DE12 5001 0517 0648 4898 90" sent alone (after the answer on bank changes): the new account itself.
  if (ibanAlone(text)) return 'bank';
  if (!CHANGE_WISH.test(normalized)) return undefined;
  if (parseAddress(text)) return 'address';
  if (parseEmail(text)) return 'email';
  return undefined;
}

/** A valid IBAN with at most a few words around it ("meine neue: DE12 …"). */
function ibanAlone(text: string): boolean {
  const found = IBAN_IN_TEXT.exec(text);
  if (!found || !('iban' in parseIban(found[0]))) return false;
  const rest = normalizeText(text.replace(found[0], ' '));
  return rest === '' || rest.split(' ').length <= IBAN_ALONE_WORDS;
}
/** Words beside an IBAN that still leave it the message. */
const IBAN_ALONE_WORDS = 3;

export function detectField(text: string): Field | undefined {
  const normalized = normalizeText(text);
  return (['bank', 'email', 'phone', 'address', 'name'] as const).find((f) => FIELD_WORDS[f].test(normalized));
}

export type LostItem = 'card' | 'phone';

// Swiss German "Charte", "Kreditchartä", "Bankchärtli" (normalized "charte", "chartae", "chaertli").
const CARD_WORDS =
  /(karte|kreditkarte|girocard|ec karte|bankkarte|visa|mastercard|maestro|amex|card|chart(?:e|ae|li)\b|chaertli\b)/;
const PHONE_WORDS = /(handy|hndy|smartphone|telefon|iphone|phone|mobil|sim|natel|galaxy|pixel|tablet|ipad|datenkarte)/;

/**
 * What a message says is lost; a SIM card counts as the phone, not as a payment card, and so does a
 * phone number sent in answer ("0176 98765432": the line to block).
 */
export function detectLostItem(text: string): LostItem | undefined {
  const normalized = normalizeText(text);
  if (PHONE_WORDS.test(normalized) || parsePhone(text)) return 'phone';
  if (CARD_WORDS.test(normalized)) return 'card';
  return undefined;
}

/** What each troubleshooting step is about (normalized text), by problem and step index. */
const STEP_SUBJECTS: Record<string, readonly RegExp[]> = {
  internet: [/router/, /kabel|cable/, /netzwerkkabel|lan ?kabel|ethernet|direkt am router/],
  phone: [/flugmodus|airplane|neu ?gestartet|neustart|restart/, /sim/, /netzwahl|mobile daten|mobile data/],
  device: [/ladegerat|ladegeraet|ladekabel|netzteil|charger/, /neustart|neu ?gestartet|restart/, /update|aktualisiert/],
  app: [/aktualisiert|update/, /abgemeldet|ausgeloggt|neu angemeldet|logged out|log out/, /neu installiert|reinstall/],
};
/** Words that say a step's subject was checked or done ("die Kabel sind alle richtig drin"). */
const CHECKED =
  /(?:^| )(?:fest|drin|richtig|gepruft|geprueft|gecheckt|kontrolliert|ok|okay|in ordnung|passt|angeschlossen|steckt|stecken|gemacht|probiert|versucht|schon|bereits|already|checked|fine|done|tried)(?= |$)/;

/**
 * "Router neu gestartet, die Kabel sind alle richtig drin. Geht trotzdem nicht": the message reports
 * the step `index` of `problem` as done, so it need not be shown.
 */
export function reportsStepDone(problem: string, index: number, text: string): boolean {
  const subject = STEP_SUBJECTS[problem]?.[index];
  if (!subject) return false;
  const normalized = normalizeText(text);
  return subject.test(normalized) && CHECKED.test(normalized);
}

/**
 * "ja bitte sperren vielen dank" at the date of birth of a block: the customer has no more to give and
 * wants the block now; recorded without it, as after "Nein". A negated block ("nicht sperren") is none.
 */
export function urgesBlock(text: string): boolean {
  const normalized = normalizeText(text);
  return (
    !/\d/.test(normalized) &&
    /(?:^| )(?:sperren|sperrn|spere|sperre|block it|block)(?= |$)/.test(normalized) &&
    !/(?:^| )(?:nicht|ned|net|nid|nod|not|kein|keine|nein)(?= |$)/.test(normalized)
  );
}

/** Words of an amount charged (normalised, as regex alternatives): a digit, a currency, "abgebucht". */
export const AMOUNT_WORDS = '\\d|euro|eur |chf|franken|betrag|gebuehr|abgebucht|berechnet|belastet';
/** An amount or a line of the bill ("Roaming 18,40 €", "die Position Handyparken"), normalised. */
const CHARGE = new RegExp(`(${AMOUNT_WORDS}|position|posten|charge|amount|item)`);

/** "Die Position Roaming 18,40 € auf der Rechnung vom 01.11.": the message names a charge. */
export function describesCharge(text: string): boolean {
  return CHARGE.test(normalizeText(text));
}
