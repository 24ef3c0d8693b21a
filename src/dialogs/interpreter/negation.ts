import { saysStillGone } from './blockCallOff';
import type { Expectation } from './expectation';
import { foldedText, wordsPattern } from './cues';
import { describesFault, detectProblem, urgesBlock } from './matchers';
import { insistsOnHelp, startsWithNo, yesNo } from './yesNo';

/** "Ich habe mich geirrt", "das ist doch nicht so wichtig": the customer takes it back. */
const WITHDRAWAL = wordsPattern([
  'habe mich geirrt',
  'hab mich geirrt',
  'mich vertan',
  'stimmt doch',
  'doch nicht',
  'nicht so wichtig',
  'lassen sie mal',
  'lassen sie es',
  'vergessen sie',
  'schon gut',
  'hat sich erledigt',
  'wiedergefunden',
  'wieder gefunden',
  'doch gefunden',
  'found it',
  'never mind',
  'my mistake',
  'forget it',
  // "Okay, die Nummer rufe ich gleich an": the customer takes the other way offered.
  'rufe ich gleich an',
  'rufe ich jetzt an',
  'rufe ich dann an',
  'rufe ich selbst an',
  'dann rufe ich',
  'ruf ich gleich an',
  'i will call them',
  'i ll call them',
  'i ll call the number',
  'i will call the number',
]);

/** "Vergessen Sie das Internet", "lassen wir das", "andere Frage": the customer leaves the current topic. */
const DROPS_TOPIC = wordsPattern([
  'vergessen sie',
  'vergessen s',
  'vergesst',
  'vergiss',
  'lassen wir das',
  'lass ma des',
  'lassen wirs',
  'anderes thema',
  'andere frage',
  'ganz was anderes',
  'never mind',
  'forget',
  'different question',
  'another question',
]);

/** Whether the message drops the topic of the current step to ask something else. */
export function dropsTopic(text: string): boolean {
  return DROPS_TOPIC.test(foldedText(text));
}

/** "Eigentlich habe ich kein Internet, das ist wichtiger": the customer turns to another matter. */
const CHANGE_OF_MIND = wordsPattern([
  'eigentlich',
  'wichtiger',
  'dringender',
  'vielmehr',
  'stattdessen',
  'actually',
  'instead',
  'more important',
  'more urgent',
]);

/** Whether the message leaves the current matter for another one. */
export function changesMind(text: string): boolean {
  return dropsTopic(text) || CHANGE_OF_MIND.test(foldedText(text));
}

/** "weiß ich nicht", "hab ich gerade nicht zur Hand", "später": the value cannot be given now. */
const DEFERS = wordsPattern([
  'weiß ich nicht',
  'weiss ich nicht',
  'hab ich nicht',
  'habe ich nicht',
  'hab ich grad nicht',
  'habe ich gerade nicht',
  'nicht zur hand',
  'nicht dabei',
  'später',
  'nicht im chat',
  'keine ahnung',
  'morgen nochmal',
  'morgen noch mal',
  'ein andermal',
  'nochmal machen',
  'noch mal machen',
  'i don t have it',
  'don t know',
  'later',
]);

/** Whether the customer cannot give the value the step asks for now. */
export function defers(text: string): boolean {
  return DEFERS.test(foldedText(text));
}

/** "no" directly followed by a word, without a comma: "no signal", "no mobile data". */
const NO_THING = /^no ([a-z]+)/;
/** Words after "no" that still refuse: "no thanks", "no need", "no way". */
const NOT_A_THING = new Set(['thanks', 'thank', 'need', 'way', 'not', 'i', 'it', 'that', 'this', 'more', 'problem']);

/** "no signal at home since yesterday": an English fault report, not a refusal ("No, not that"). */
export function reportsMissing(text: string): boolean {
  const noThing = NO_THING.exec(text.trim().toLowerCase());
  return (
    noThing !== null && !NOT_A_THING.has(noThing[1]) && (detectProblem(text) !== undefined || describesFault(text))
  );
}

/** Whether the message refuses what the step assumed ("Nein, keine Adressänderung", "Ich habe mich geirrt"). */
export function isNegation(expect: Expectation, text: string): boolean {
  if (expect.kind === 'yesNo' || expect.acceptsYesNo) return false;
  // "NEIN, natürlich nicht, sonst würde ich ja nicht schreiben": a no that insists on help withdraws nothing.
  if (insistsOnHelp(text)) return false;
  // "nein, es ist nicht wieder aufgetaucht" in the blocking form answers "is it back?", it stops nothing.
  if (expect.topic === 'lost_or_stolen' && saysStillGone(text)) return false;
  if (WITHDRAWAL.test(foldedText(text))) return true;
  if (reportsMissing(text)) return false;
  const answer = yesNo(text);
  if (answer === 'no') return true;
  if (startsWithNo(text)) return !text.includes('?');
  if (!/^(?:kein|keine|keinen|nicht|not|no)(?= )/.test(foldedText(text))) return false;
  // "Kein Internet, am Router blinkt die DSL-Lampe rot" reports a fault; it refuses nothing.
  return !text.includes('?') && detectProblem(text) === undefined;
}

/** Where the wish begins in "Ach nee, doch nicht, ich wollte eigentlich wissen …". */
const WISH_START =
  /(?:^|[\s,])(ich wollte|ich will|ich möchte|ich moechte|ich wollt|eigentlich|sondern|i wanted|i want|actually)\s/i;

/** What follows "Nein, keine Adressänderung." when it says what is wanted instead; empty otherwise. */
export function afterNegation(text: string): string {
  const sentences = text.split(/[.!;]\s+/);
  const rest = sentences.slice(1).join('. ').trim();
  if (foldedText(rest).split(' ').filter(Boolean).length >= 3) return rest;
  const wish = WISH_START.exec(text);
  const fromWish = wish ? text.slice(wish.index).replace(/^[\s,]+/, '') : '';
  return foldedText(fromWish).split(' ').filter(Boolean).length >= 4 ? fromWish : '';
}

/**
 * No date of birth or customer number to give for a block: "Nein", "hab ich grad nicht zur Hand", or
 * "ja bitte sperren vielen dank". The block is recorded with the name; the team checks who it is.
 */
export function givesNoIdentifier(text: string): boolean {
  return yesNo(text) === 'no' || defers(text) || urgesBlock(text);
}
