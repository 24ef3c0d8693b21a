/**
 * Questions inside a customer message: is it one, which sentence is it, what the knowledge base
 * answers for it (with the last sentence and the previous question as fallbacks).
 */
import type { KnowledgeAnswer, KnowledgeSearch } from '../../services/knowledge/knowledgeBase';
import type { DialogDeps } from '../dialogDeps';
import { detectCues, foldedText } from './cues';
import { parseCustomerNumber, parsePhone } from './slots';

/** More sentences than this are a story, not a list of questions. */
const MAX_QUESTIONS = 4;

/** Words of loss or theft (folded). */
// Folded: "liegen lassen" is "liegen lasen", the Austrian "liegn lassn" is "liegn lasn".
export const LOST_WORDS =
  /(?:^| )(?:gestohlen|geklaut|verloren|weg|entwendet|stolen|lost|verlegt|abhanden|liegen lasen|liegn lasn|liegen gelasen|liegn glasn|liegen glasen|left behind)(?= |$)/;

// Only question words: colloquial German puts the verb first in statements too ("hab ich schon gemacht").
// Folded text: doubled letters are single ("wann" -> "wan", "hallo" -> "halo"). A filler or greeting
// may come first: "Oida, wie stell i die Mobilbox ab", "Hallo, wann bucht ihr ab".
const QUESTION_START =
  /^(?:(?:oida|oide|halo|halochen|hi|hey|servus|gruezi|grus got|moin|na|also|sag mal|sagen sie mal|helo|excuse me) )?(?:wann|wan|kan ich|wie|warum|wieso|weshalb|wo|woher|wohin|was|welche|welcher|welches|welchen|gibt es|kann ich|konnen sie|konnten sie|when|how|why|where|what|which|can i|can you|could you|is there|do you)(?= |$)/;
/** Question words that may follow the topic ("Erstattung, wann kommt das Geld?"); folded. */
const LATE_QUESTION_WORDS: ReadonlySet<string> = new Set([
  'wan',
  'warum',
  'wieso',
  'weshalb',
  'wo',
  'when',
  'why',
  'where',
]);
/** Two-word question openers ("wie lange", "how much") that may follow the topic; folded. */
const LATE_QUESTION_PAIRS: ReadonlySet<string> = new Set(['wie lange', 'wie viel', 'how long', 'how much']);

/** "Erstattung, wann kommt das Geld?", "rechnung warum so hoch": a topic of one or two words, then the question. */
function topicThenQuestion(words: readonly string[]): boolean {
  for (const at of [1, 2]) {
    if (words.length < at + 2) break;
    if (LATE_QUESTION_WORDS.has(words[at]) || LATE_QUESTION_PAIRS.has(`${words[at]} ${words[at + 1]}`)) return true;
  }
  return false;
}

/**
 * "Wie sperre ich Abos von Drittanbietern?", "Geht der Notruf ohne SIM?": a question that names no
 * loss or theft and whose likely knowledge entries are of another area is that question, not a
 * blocking request (unsure, it still leads to "Meinten Sie …").
 */
export function asksAboutOtherBlock(text: string, found: KnowledgeSearch): boolean {
  if (!isQuestion(text) || LOST_WORDS.test(foldedText(text))) return false;
  const best = found.best;
  if (!best || best.category === 'lost_or_stolen') return false;
  return found.confident || !found.alternatives.slice(0, 3).some((a) => a.category === 'lost_or_stolen');
}

const HUMAN_WORDS = new Set(['mensch', 'menschen', 'human', 'person', 'mitarbeiter', 'mitarbeiterin']);
const MACHINE_WORDS = new Set(['computer', 'bot', 'chatbot', 'roboter', 'robot', 'maschine', 'ki', 'ai', 'automat']);
/** "Bist du …", "Sind Sie …", "Isch das …": asking what the counterpart is. */
const YOU_ARE = new Set(['bist du', 'bisch du', 'sind sie', 'sid ihr', 'are you', 'is this', 'ist das', 'isch das']);
/** "Spreche ich mit …", "am I talking to …": asking whom the customer is writing to. */
const TALKING_TO = new Set(['spreche ich', 'schreibe ich', 'chatte ich', 'rede ich', 'i talking', 'i chatting']);
/** "Wann spreche ich mit einem Mitarbeiter?" asks for a person, not what the bot is. */
const ASKS_WHEN_OR_HOW = new Set(['wann', 'wie', 'when', 'how', 'warum', 'why', 'wo', 'where']);

/**
 * "Bin ich hier mit einem Menschen oder mit einem Computer?", "Bisch du en Roboter?", "are you a bot?":
 * the customer asks what they are talking to; the answer is that it is an automated assistant (with
 * the way to a person), not a handoff they did not ask for.
 */
export function asksWhatIAm(text: string): boolean {
  const words = foldedText(text).split(' ');
  const machine = words.some((w) => MACHINE_WORDS.has(w));
  if (machine && words.some((w) => HUMAN_WORDS.has(w)) && (words.includes('oder') || words.includes('or'))) return true;
  if (!isQuestion(text)) return false;
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    // "Spreche ich hier mit einem echten Menschen?": the article, "hier" and an adjective come between.
    const talkingTo = TALKING_TO.has(pair) && !words.slice(0, i).some((w) => ASKS_WHEN_OR_HOW.has(w));
    const reach = YOU_ARE.has(pair) ? 5 : talkingTo ? 8 : 0;
    if (words.slice(i + 2, i + reach).some((w) => MACHINE_WORDS.has(w) || HUMAN_WORDS.has(w))) return true;
  }
  return false;
}

/** Languages a customer may ask staff to speak (folded). */
const LANGUAGES =
  '(?:englisch|english|turkisch|turkish|arabisch|arabic|russisch|russian|polnisch|polish|franzosisch|french|italienisch|italian|spanisch|spanish|ukrainisch|ukrainian)';
/** "Haben Sie Mitarbeiter, die Englisch sprechen?", "do you have staff who speak English?" (folded). */
const STAFF_WHO_SPEAK = new RegExp(
  `(?:^| )(?:gibt es|gibts|habt ihr|haben sie|hend ir|do you have|have you got|is there|are there|spricht (?:hier |bei euch |bei ihnen )?(?:jemand|wer|ihr)|does anyone|does anybody) (?:[a-z]+ ){0,4}${LANGUAGES}(?= |$)`,
);

/**
 * "Do you have staff who speak English?": a question whether service in a language exists, answered
 * from the knowledge (which says how to reach a person), not a wish to be put through now.
 */
export function asksWhoSpeaks(text: string): boolean {
  return isQuestion(text) && STAFF_WHO_SPEAK.test(foldedText(text));
}

/** "…, wie melde ich mich ab": the message ends in a clause that opens with a question word. */
function endsInQuestion(text: string): boolean {
  const clauses = text.split(/[,;:.!]/);
  const last = foldedText(clauses[clauses.length - 1] ?? '');
  return clauses.length > 1 && last.split(' ').length >= 3 && QUESTION_START.test(last);
}

/** A question rather than a statement: a question mark, or a question word first, after the topic or in the last clause. */
export function isQuestion(text: string): boolean {
  const folded = foldedText(text);
  return (
    text.includes('?') || QUESTION_START.test(folded) || topicThenQuestion(folded.split(' ')) || endsInQuestion(text)
  );
}

/**
 * "Kundennummer 42424242, Lea Sommer", "0171 5566778, Ben Hoffmann": the customer gives their details
 * (to have the matter taken up), they do not ask where to find a customer number.
 */
export function givesDetails(text: string): boolean {
  return !isQuestion(text) && (parseCustomerNumber(text) !== undefined || parsePhone(text) !== undefined);
}

/** The sentences of a message with at least three words each. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;:])\s+/).filter((p) => foldedText(p).split(' ').length >= 3);
}

/** The last sentence of a message with at least three words ("Ach, egal. Wann buchen Sie ab?" -> the question). */
export function lastSentence(text: string): string {
  const sentences = sentencesOf(text);
  return sentences[sentences.length - 1] ?? text;
}

/** The last sentence that asks ("wieso händ Sie mir mehr abgebucht?? Das isch doch nöd normal!" -> the first). */
export function askingSentence(text: string): string {
  const asking = sentencesOf(text).filter((p) => p.includes('?'));
  return asking[asking.length - 1] ?? lastSentence(text);
}

const KNOW_WORDS: ReadonlySet<string> = new Set(['wisen', 'know', 'erfahren']);
const INDIRECT_QUESTION_WORDS: ReadonlySet<string> = new Set([
  'wie',
  'wan',
  'wo',
  'ob',
  'warum',
  'wieso',
  'weshalb',
  'was',
  'welche',
  'welcher',
  'welches',
  'how',
  'why',
  'what',
  'which',
  'when',
  'where',
  'whether',
  'if',
]);

/** "Need to know how to set up my voicemail", "Ich möchte wissen, wann …": a question put as a statement. */
function asksIndirectly(text: string): boolean {
  const words = foldedText(text).split(' ');
  return words.some(
    (w, i) =>
      KNOW_WORDS.has(w) &&
      (INDIRECT_QUESTION_WORDS.has(words[i + 1] ?? '') || INDIRECT_QUESTION_WORDS.has(words[i + 2] ?? '')) &&
      i + 2 < words.length,
  );
}

/**
 * "Ich möchte mit einer Person sprechen, aber erst noch eine Frage: wie hoch ist die Kündigungsfrist?":
 * the part of a message that asks something besides the wish for a person, if any.
 */
export function questionBesidesPerson(text: string): string | undefined {
  const parts = text.split(/(?<=[.!?:;])\s+/).filter((p) => foldedText(p).split(' ').length >= 3);
  if (parts.length < 2) return undefined;
  const asksForSomeone = (cues: Set<string>) =>
    cues.has('person') || cues.has('callMe') || cues.has('callback') || cues.has('supervisor');
  return parts.find((p) => isQuestion(p) && !asksForSomeone(detectCues(p)));
}

/** "Wo steht die Telefonnummer, unter der ich einen Menschen erreiche?", "Welche Nummer hat die Hotline?" (folded). */
const NUMBER_QUESTION =
  /(?:^| )(?:telefonumer|rufnumer|numer|hotline|phone number|number)[a-z]* (?:(?:der|von der|unter der|unter welcher|unter|um|wo|fur|of the|for|to|at which|under which) )?(?:[a-z]+ ){0,4}(?:ereich|reach|anruf|cal|kontaktier|contact)[a-z]*(?= |$)|(?:^| )(?:unter welcher|welche|which|what) (?:telefonumer|rufnumer|numer|number|phone number|hotline)(?= |$)/;

/** "Können Sie mich unter meiner Nummer anrufen?": the customer's own number. */
const OWN_NUMBER =
  /(?:^| )(?:mein|meine|meiner|meinen|my|mich|me)(?: [a-z]+)? (?:telefonumer|rufnumer|handynumer|numer|number|phone number)(?= |$)/;

/**
 * Whether the message asks for the number to call: the hotline's number is answered beside the wish for
 * a person it carries, not left unsaid.
 */
export function asksForTheNumber(text: string): boolean {
  const folded = foldedText(text);
  return isQuestion(text) && NUMBER_QUESTION.test(folded) && !OWN_NUMBER.test(folded);
}

/** A question, direct or put as a statement ("Ich will wissen, warum meine Rechnung so hoch ist"). */
export function asksSomething(text: string): boolean {
  return isQuestion(text) || asksIndirectly(text);
}

/**
 * "Wie nehme ich den Vertrag mit? Und wo finde ich meine Kundennummer?": the knowledge base's sure
 * answer to another question of the same message than the one already answered, if there is one.
 */
export async function otherQuestion(
  deps: DialogDeps,
  text: string,
  lang: 'de' | 'en',
  answered: KnowledgeAnswer,
): Promise<KnowledgeAnswer | undefined> {
  const sentences = sentencesOf(text);
  if (sentences.length < 2 || sentences.length > MAX_QUESTIONS) return undefined;
  for (const [i, sentence] of sentences.entries()) {
    if (!isQuestion(sentence) && !asksIndirectly(sentence)) continue;
    // "… umgeleitet werden. Wie stell ich das ein?" asks the question already answered, not a second one.
    const found = await deps.knowledge.search(withWhatItMeans(sentences, i, text), lang);
    const best = found.best;
    if (found.confident && best && best.id !== answered.id && best.category !== 'lost_or_stolen') return best;
  }
  return undefined;
}

/** A price, a cost, a duration asked for, with nothing else (folded text). */
const ASPECT_ONLY =
  /^(?:und |and )?(?:die |der |das |den |the |what s the |whats the )?(?:preis|preise|kosten|kostet das|was kostet das|was kostet es|wie viel kostet das|wieviel kostet das|gebuhr|gebuhren|dauer|wie lange dauert das|wie lange dauert es|price|prices|cost|costs|fee|fees|how much|how much is it|how long does it take)$/;

const FOLLOW_UP =
  /^(?:und|und wie|und was|und wo|und wann|what about|and)(?= |$)|(?:^| )(?:es|das|dafur|dort|davon|damit|it|that|there)(?= |$)/;

/** "Gilt das dann für alle Anrufe?", "Wie früh muss ich mich da melden?": a short question about what was just said (folded). */
const POINTS_BACK_SHORT = /(?:^| )(?:da|dan|das|es|dafur|davon|damit|dort|it|that|then|there)(?= |$)/;

/** Whether a short question points back at the answer just given instead of naming a topic of its own. */
export function followsUp(folded: string): boolean {
  return folded.split(' ').length <= 12 && POINTS_BACK_SHORT.test(folded);
}

/** A last sentence matching this well by its words is answered even if the whole message pointed elsewhere. */
const FOCUSED_ALONE = 0.6;

/**
 * The parts of a long message that may carry its question on their own, most likely first: the last
 * sentence ("Ach, egal. Wann buchen Sie die Rechnung ab?"), the message up to its first question mark
 * ("KÜNDIGEN. Wie geht das bei euch? Ich hab die Schnauze voll, …"), then each other sentence
 * ("Hört auf, mich wegen Angeboten anzurufen!!! Wie kann ich das abstellen?"). At most three.
 */
/** "Mit freundlichen Grüßen", "Kind regards": where a letter's signature begins (lower case). */
const SIGN_OFFS = [
  'mit freundlichen grüßen',
  'mit freundlichen grüssen',
  'mit freundlichen gruessen',
  'freundliche grüße',
  'freundliche grüsse',
  'viele grüße',
  'viele grüsse',
  'liebe grüße',
  'liebe grüsse',
  'beste grüße',
  'beste grüsse',
  'mfg',
  'kind regards',
  'best regards',
  'yours sincerely',
];
/** "Sehr geehrte Damen und Herren,", "Liebes Team,", "Dear Sir or Madam,": a letter's salutation. */
const SALUTATION = /^(?:sehr geehrte|liebes|liebe|dear)\b[^,.!:\n]{0,60}[,.!:]\s*/i;
/** The longest signature after a sign-off: a name, perhaps a customer number. */
const MAX_SIGNATURE = 80;

/**
 * A message written as a letter, without its salutation and signature: "Mit freundlichen Grüßen,
 * Hildegard Brenner" was the last sentence searched, and the salutation's words diluted the question.
 */
export function withoutLetterFrame(text: string): string {
  let body = text.replace(SALUTATION, '');
  const lower = body.toLowerCase();
  for (const signOff of SIGN_OFFS) {
    const at = lower.lastIndexOf(signOff);
    if (at > 0 && body.length - at - signOff.length <= MAX_SIGNATURE) {
      body = body.slice(0, at);
      break;
    }
  }
  return body.trim() === '' ? text : body.trim();
}

function focusedParts(text: string): string[] {
  const parts: string[] = [];
  const add = (part: string) => {
    const trimmed = part.trim();
    if (trimmed !== '' && trimmed !== text.trim() && !parts.includes(trimmed)) parts.push(trimmed);
  };
  const sentences = sentencesOf(text);
  add(lastPart(text, sentences));
  const question = text.indexOf('?');
  if (question > 0) add(text.slice(0, question + 1));
  sentences.forEach((_, i) => add(withWhatItMeans(sentences, i, text)));
  return parts.slice(0, 3);
}

/**
 * Sentence i, after the one before it when it points back: "… dass Anrufe bei meiner Frau klingeln.
 * Wie stelle ich das ein?" alone is a question about settings in general.
 */
function withWhatItMeans(sentences: readonly string[], i: number, text: string): string {
  return i > 0 && pointsBack(sentences[i], text) ? `${sentences[i - 1]} ${sentences[i]}` : sentences[i];
}

/** The last sentence, with the one it points back to (the whole text when no sentence has three words). */
function lastPart(text: string, sentences = sentencesOf(text)): string {
  return sentences.length > 0 ? withWhatItMeans(sentences, sentences.length - 1, text) : text;
}

/** Words that stand for something said before ("das", "dafür", "da ran", "it") when no noun follows them. */
const POINTING_WORDS: ReadonlySet<string> = new Set([
  'das',
  'des',
  'dies',
  'dafür',
  'dafuer',
  'damit',
  'davon',
  'dazu',
  'daran',
  'dran',
  'ran',
  'it',
]);
/** After "it" (and after "das" in a message written in lower case): "set it up", "wie stell ich das ein". */
const PARTICLES: ReadonlySet<string> = new Set([
  'up',
  'on',
  'off',
  'in',
  'out',
  'back',
  'down',
  'ein',
  'an',
  'ab',
  'aus',
  'auf',
  'um',
  'zu',
  'weg',
  'ran',
  'rein',
  'raus',
  'mit',
  'zurück',
  'hin',
  'her',
]);

/** The words of a text without their punctuation. */
const wordsOf = (text: string): string[] =>
  text
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((w) => w !== '');

/**
 * Whether a sentence leans on the one before it: "Wie stelle ich das ein?", "Wie komme ich da ran?",
 * "How do I set it up?". "das" before a capitalised word is an article ("Wo finde ich das Passwort?");
 * where the message shows no capitalised noun, "das" counts only last or before a verb particle.
 */
export function pointsBack(sentence: string, message = sentence): boolean {
  const words = wordsOf(sentence);
  // Whether the writer capitalises nouns: a capital inside a sentence anywhere in the message.
  const capitalises = message.split(/[.!?]+/).some((part) =>
    wordsOf(part)
      .slice(1)
      .some((w) => /^\p{Lu}/u.test(w)),
  );
  return words.some((word, i) => {
    const lower = word.toLowerCase();
    if (!POINTING_WORDS.has(lower)) return false;
    const next = words[i + 1];
    const beforeParticle = next === undefined || PARTICLES.has(next.toLowerCase());
    if (lower === 'it') return beforeParticle;
    if (lower === 'das' || lower === 'des' || lower === 'dies')
      return capitalises ? next === undefined || !/^\p{Lu}/u.test(next) : beforeParticle;
    return true;
  });
}

/**
 * Searches the knowledge base with the message and, when that is not conclusive, with its parts
 * (focusedParts), and a short follow-up ("Und wie lade ich es auf?") together with the nouns of the
 * question answered before.
 */
export async function searchQuestion(
  deps: DialogDeps,
  text: string,
  lang: 'de' | 'en',
  previous?: string,
): Promise<KnowledgeSearch> {
  text = withoutLetterFrame(text);
  // "preis?", "Und die Kosten?", "wie lange dauert das?" after an answer: an aspect of what was asked
  // before, never a topic of its own (alone, "preis?" found the price-increase entry).
  if (previous && ASPECT_ONLY.test(foldedText(text))) {
    const withPrevious = await deps.knowledge.search(`${previous} ${text}`, lang);
    if (withPrevious.confident) return withPrevious;
  }
  const found = await deps.knowledge.search(text, lang);
  // "Meine Stromrechnung der Stadtwerke ist zu hoch. An wen wende ich mich?": the last part alone would
  // find the arbitration entry, but the message is about another trade.
  if (found.confident || found.offTopic) return found;
  // A part alone loses what the message said around it, so it must stand on its own: its words fit
  // well, or the embedding model ranks it first too ("Lässt sich einrichten, dass keine fremden Anbieter
  // abbuchen? Also so eine Sperre?" is not the third-party charges the first part alone reads as). The
  // last sentence may also be one of the whole message's candidates ("Ich wechsle den Anbieter. Wia nimm
  // i mei Nummer mit?" alone reads as the IMEI).
  const candidates = new Set([found.best?.id, ...found.alternatives.map((a) => a.id)]);
  const last = lastPart(text);
  for (const part of focusedParts(text)) {
    const focused = await deps.knowledge.search(part, lang);
    if (!focused.confident || !focused.best) continue;
    const alone = focused.best.score >= FOCUSED_ALONE || focused.confirmed === true;
    if (alone || (part === last && (candidates.has(focused.best.id) || !found.best))) return focused;
  }
  const folded = foldedText(text);
  if (previous && folded.split(' ').length <= 8 && FOLLOW_UP.test(folded)) {
    const nouns = (previous.match(/(?<=\s)\p{Lu}[\p{L}-]+/gu) ?? []).join(' ');
    if (nouns) {
      const withContext = await deps.knowledge.search(`${text} ${nouns}`, lang);
      if (withContext.confident) return withContext;
    }
  }
  return found;
}

/**
 * "Ich hätte eine Frage zu meinem Vertrag", "Grüezi, ich hett e Frag zu mim Abo", "I have a question
 * about my bill": the customer announces a question and has not asked it yet (folded text).
 */
const ANNOUNCED_QUESTION =
  /^(?:(?:halo|hi|hey|gruzi|gruezi|gruezi mitenand|servus|moin|guten tag|grus got|hello) )?(?:ich |i )?(?:hab|habe|hate|hat|het|hete|hob|have|hatte|hab da|habe da) (?:e|a|eine|ne|an|noch eine|eine kurze|a kurze|kurz eine) (?:frag|frage|frog|qustion|question|anliegen|frage an euch|frage an sie)(?: (?:zu|zum|zur|wegen|bezuglich|about|regarding|on|betrefend) (?:[^ ]+ ){0,2}[^ ]+)?$/;

/**
 * Whether the message only announces a question ("Ich hätte eine Frage zur Rechnung"), also after a
 * clause that drops something else ("Vergessen S' des, i hob a Frog zu meiner Rechnung").
 */
export function announcesQuestion(text: string): boolean {
  if (text.includes('?')) return false;
  const lastClause =
    text
      .split(/[,.;:!]/)
      .filter((part) => part.trim() !== '')
      .pop() ?? '';
  return ANNOUNCED_QUESTION.test(foldedText(text)) || ANNOUNCED_QUESTION.test(foldedText(lastClause));
}

/** The entry with the hotline's number and hours: what a question for the number to call is answered with. */
export const HOTLINE_ENTRY = 'general.hotline';
/** The entry on how to cancel a contract, which is never withheld from a customer who wants to cancel. */
export const CANCEL_ENTRY = 'contract.cancel';
/** "ich will kündigen", "Vertrag kündigen", Swiss "kündige"; not "nicht kündigen", not "gekündigt". */
const WANTS_TO_CANCEL =
  /(?:^| )(?:kundigen|kundige|kundig|kuendigen|cancel my contract|cancel the contract|terminate my contract)(?= |$)/;
const NOT_CANCELLING =
  /(?:^| )(?:nicht|ned|net|nid|nod|kein|keine|not|don t|dont) (?:[a-z]+ ){0,2}(?:kundigen|kundige|cancel)(?= |$)/;

/** "I want to file a complaint", "Ich möchte eine Beschwerde einreichen" (folded): the complaint form, asked for by name. */
const WANTS_TO_COMPLAIN =
  /(?:^| )(?:(?:i want|i d like|i would like|i wish|want) to (?:file|make|lodge|submit|raise|register|log) (?:a |an )?(?:formal |oficial )?complaint|(?:ich |i )?(?:mochte|mochte gerne|mecht|mocht|will|wil|wolte|wurde gerne|wot|wott|mochti) (?:mich|mi) (?:beschweren|beschwern|beschwere)|(?:ich )?(?:mochte|mochte gerne|will|wil|wolte|wurde gerne) eine beschwerde (?:einreichen|machen|aufgeben|einlegen|abgeben))(?= |$)/;

/** Whether the customer asks for the complaint form by name. */
export function wantsToComplain(text: string): boolean {
  return WANTS_TO_COMPLAIN.test(foldedText(text));
}

/** Whether the customer wants to cancel the contract (not a cancellation already made, not a refusal). */
export function wantsToCancel(text: string): boolean {
  const folded = foldedText(text);
  return WANTS_TO_CANCEL.test(folded) && !NOT_CANCELLING.test(folded);
}
