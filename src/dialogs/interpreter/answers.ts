import type { I18nService } from '../../services/i18n/i18nService';
import { foldTokens, normalizeText } from '../../services/nlu/normalize';
import type { AnswerKind, Expectation, PhraseChoice } from './expectation';
import { renderPhrase } from './expectation';
import { detectField, detectLostItem, detectProblem } from './matchers';
import {
  parseAddress,
  parseCustomerNumber,
  parseDate,
  parseEmail,
  parseIban,
  parseLastFour,
  parseMoveDate,
  namesAddressPart,
  readName,
  parsePhone,
} from './slots';
import { isUnsure, startsWithNo, yesNo } from './yesNo';
import { defers, reportsMissing } from './negation';

/**
 * "weiß ich noch nicht genau", "steht noch nicht fest", "not sure yet" (folded): a date not known yet;
 * "keine Ahnung", "don't know" are defers() already.
 */
const NOT_KNOWN_YET =
  /(?:^| )(?:weis (?:ich )?(?:noch )?(?:nicht|ned|net|nid)|(?:noch )?(?:nicht|ned) (?:sicher|klar|fest)|steht noch nicht|noch unklar|noch ofen|not sure|dont know|not yet)(?= |$)/;

function notKnownYet(text: string): boolean {
  return NOT_KNOWN_YET.test(foldTokens(text).join(' '));
}

/** What a correction's value follows: "ach moment, ohne Bindestrich: Julia Schmidt Özdemir". */
export function correctionCandidates(text: string): string[] {
  const colon = text.lastIndexOf(':');
  return colon >= 0 && colon < text.length - 1 ? [text.slice(colon + 1).trim(), text] : [text];
}

/** A read-back answered with a corrected value of its slot instead of a yes or no. */
function correctionIn(kind: AnswerKind, text: string, now: Date, i18n: I18nService): boolean {
  if (kind === 'address' && namesAddressPart(text)) return true;
  return correctionCandidates(text).some(
    (candidate) => checkAnswer({ kind, lines: [], misses: 0 }, candidate, now, i18n).ok,
  );
}

export type AnswerCheck = { ok: true } | { ok: false; problemKey?: string };

/** The choice a message picks: its digit or value, or its title in German or English. */
export function pickPhraseChoice(
  text: string,
  choices: PhraseChoice[] | undefined,
  i18n: I18nService,
): PhraseChoice | undefined {
  const raw = text.trim();
  const digit = /^(\d{1,2})[.)]?$/.exec(raw)?.[1];
  const normalized = normalizeText(raw);
  if (!normalized) return undefined;
  return (choices ?? []).find(
    (c) =>
      c.value === raw ||
      (digit !== undefined && c.value === digit) ||
      normalizeText(c.value) === normalized ||
      (['de', 'en'] as const).some((lang) => normalizeText(renderPhrase(c.title, i18n.t(lang), lang)) === normalized),
  );
}

const MATCHERS = {
  problem: detectProblem,
  field: detectField,
  lostItem: detectLostItem,
} as const;

/**
 * Whether a message is a clean answer to the step: a choice, a plain yes/no, a readable value.
 * Open and free-text steps have no clean form beyond their choices; the interpreter decides those.
 */
export function checkAnswer(expect: Expectation, text: string, now: Date, i18n: I18nService): AnswerCheck {
  if (pickPhraseChoice(text, expect.choices, i18n)) return { ok: true };
  if (expect.allowPhone && parsePhone(text)) return { ok: true };
  switch (expect.kind) {
    case 'yesNo':
      if (yesNo(text) !== undefined) return { ok: true };
      return expect.corrects && correctionIn(expect.corrects, text, now, i18n) ? { ok: true } : { ok: false };
    case 'choice':
      // "Nein, keine Adressänderung" names the field only to refuse it.
      // "Kein Internet" at "Was funktioniert nicht?" is the problem itself, though.
      if (startsWithNo(text) && !(expect.matcher === 'problem' && reportsMissing(text))) return { ok: false };
      if (expect.matcher !== 'problem' && /^(?:kein|keine|keinen|nicht)(?= )/.test(normalizeText(text)))
        return { ok: false };
      return expect.matcher && MATCHERS[expect.matcher](text) !== undefined ? { ok: true } : { ok: false };
    case 'open':
      return expect.acceptsYesNo && yesNo(text) !== undefined ? { ok: true } : { ok: false };
    case 'text':
      return { ok: false };
    case 'name':
      return readName(text) ? { ok: true } : { ok: false, problemKey: expect.problem };
    case 'identifier':
      return parseDate(text, now) || parseCustomerNumber(text) || (expect.allowLastFour && parseLastFour(text))
        ? { ok: true }
        : { ok: false, problemKey: expect.problem };
    case 'email':
      return parseEmail(text) ? { ok: true } : { ok: false, problemKey: expect.problem };
    case 'phone':
      return parsePhone(text) ? { ok: true } : { ok: false, problemKey: expect.problem };
    case 'address':
      return parseAddress(text) ? { ok: true } : { ok: false, problemKey: expect.problem };
    case 'moveDate':
      return parseMoveDate(text, now) || notKnownYet(text) || isUnsure(text) || defers(text) || yesNo(text) === 'no'
        ? { ok: true }
        : { ok: false, problemKey: expect.problem };
    case 'iban': {
      const iban = parseIban(text);
      return 'iban' in iban
        ? { ok: true }
        : { ok: false, problemKey: `conversation:dataChange.problems.${iban.problem}` };
    }
  }
}
