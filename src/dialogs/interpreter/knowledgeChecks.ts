import type { TurnContext } from 'botbuilder';
import type { KnowledgeAnswer } from '../../services/knowledge/knowledgeBase';
import type { DialogDeps } from '../dialogDeps';
import { foldedText } from './cues';
import {
  asksAboutOtherBlock,
  asksForTheNumber,
  HOTLINE_ENTRY,
  isQuestion,
  LOST_WORDS,
  questionBesidesPerson,
  searchQuestion,
} from './questions';

/** The sure answer to a question asked besides the wish for a person, to send before the handoff. */
export async function answerBesidesPerson(
  deps: DialogDeps,
  context: TurnContext,
  text: string,
): Promise<KnowledgeAnswer | undefined> {
  // "Wo steht die Telefonnummer, unter der ich einen Menschen erreiche?": the hotline's number, beside the person.
  if (asksForTheNumber(text)) return deps.knowledge.entry(HOTLINE_ENTRY, await deps.sessions.lang(context));
  const asked = questionBesidesPerson(text);
  if (!asked) return undefined;
  const found = await searchQuestion(deps, asked, await deps.sessions.lang(context));
  return found.confident && found.best?.category !== 'lost_or_stolen' ? found.best : undefined;
}

/**
 * The knowledge base answers this surely: with words that match well, or with the embedding model
 * ranking the same entry first ("Bitte nennen Sie mir Ihre Postanschrift" matches its entry at 0.78).
 */
export async function knowsWell(deps: DialogDeps, context: TurnContext, text: string): Promise<boolean> {
  const session = await deps.sessions.get(context);
  const lang = await deps.sessions.lang(context);
  const found = await searchQuestion(deps, text, lang, session.lastQuestion);
  return (
    found.confident &&
    ((found.best?.score ?? 0) >= 0.8 || found.confirmed === true) &&
    found.best?.category !== 'lost_or_stolen'
  );
}

/** "Wie sperre ich Abos von Drittanbietern?": a question about another kind of block, not a loss. */
export async function asksAboutAnotherBlock(deps: DialogDeps, context: TurnContext, text: string): Promise<boolean> {
  if (!isQuestion(text) || LOST_WORDS.test(foldedText(text))) return false;
  const session = await deps.sessions.get(context);
  const lang = await deps.sessions.lang(context);
  return asksAboutOtherBlock(text, await searchQuestion(deps, text, lang, session.lastQuestion));
}
