import { TurnContext } from 'botbuilder';
import type { HandoffReason } from '../services/handoff/types';
import type { Intent, IntentResult } from '../services/nlu/types';
import type { DialogDeps } from './dialogDeps';
import { announceHandoff } from './handoff/announcement';
import { contactWithCallback, numberToReach } from './interpreter/contactReader';
import { detectCues } from './interpreter/cues';
import { describesFault } from './interpreter/matchers';
import { rememberTurnHandoff } from './handoff/turnHandoff';

/** Categories an agent can route by; "human", "greeting" and "other" name none. */
const ROUTABLE = new Set<Intent>(['billing', 'technical', 'general', 'data_change', 'complaint']);
/** Below this the message's topic is a guess the agent should not be sent by. */
const TOPIC_CONFIDENCE = 0.5;
/** The area named beside a wish for a person scores far below it ("about my bill": 0.07 against 0.93). */
const TOPIC_BESIDE_PERSON = 0.04;

/**
 * The topic of the message that hands over ("Beschwerde! Ihr habt 200 Euro abgebucht"), when no
 * dialog named one: the agent sees a category instead of "Sonstiges".
 */
function topicOf(deps: DialogDeps, text: string, assessed: () => IntentResult): Intent | undefined {
  if (!text) return undefined;
  const { intent, confidence } = assessed();
  const sure = ROUTABLE.has(intent) && confidence >= TOPIC_CONFIDENCE;
  // "Internet geht nicht, bitte sofort einen Mitarbeiter!": a reported fault is for a technician,
  // unless the message is surely about another area (a bill, a complaint, a data change).
  if (sure && intent !== 'general') return intent;
  if (describesFault(text)) return 'technical';
  if (sure) return intent;
  // "Ich will mit einem Menschen reden. Es geht um meine Vertragsverlängerung": the sentence beside the
  // wish for a person names the topic.
  for (const sentence of text.split(/(?<=[.!?;])\s+/)) {
    if (sentence === text || detectCues(sentence).has('person')) continue;
    const named = deps.triage.assess(sentence).intent;
    if (ROUTABLE.has(named.intent) && named.confidence >= TOPIC_CONFIDENCE) return named.intent;
  }
  return undefined;
}

/**
 * "jemand von der Rechnungsabteilung", "a person about my bill": the wish for a person wins the
 * message, and the area it names comes second, clearly ahead of the others. Weaker than what the
 * conversation was about before, so it is asked only after that.
 */
function topicBesidePerson(text: string, assessed: () => IntentResult): Intent | undefined {
  if (!text) return undefined;
  const { intent, ranking } = assessed();
  if (intent !== 'human') return undefined;
  const [first, second] = ranking.filter((r) => ROUTABLE.has(r.intent));
  return first && first.score >= TOPIC_BESIDE_PERSON && first.score >= 2 * (second?.score ?? 0)
    ? first.intent
    : undefined;
}

/** "… über meine Kündigung sprechen", "wegen meiner Übersiedlung", "about moving my contract": what it is about. */
const SPOKEN_OF =
  /(?:^|\s)(?:über|ueber|wegen|bezüglich|bezueglich|betreffend|about|regarding|concerning)\s+([^.!?;,]{3,120})/i;

/**
 * The area of what a wish for a person says it is about, read alone: by the intent recognizer when
 * it is sure, else by the knowledge base's confident entry ("Übersiedlung" is a move, a general
 * question). Asked before the area the wish's own words lean to: what follows "wegen" says it better.
 */
async function topicSpokenOf(deps: DialogDeps, text: string, lang: 'de' | 'en'): Promise<Intent | undefined> {
  const spokenOf = SPOKEN_OF.exec(text.slice(0, 500))?.[1];
  if (!spokenOf) return undefined;
  const named = deps.triage.assess(spokenOf).intent;
  if (ROUTABLE.has(named.intent) && named.confidence >= TOPIC_CONFIDENCE) return named.intent;
  const found = await deps.knowledge.search(spokenOf, lang);
  const category = found.confident ? found.best?.category : undefined;
  return category && ROUTABLE.has(category as Intent) ? (category as Intent) : undefined;
}

export interface EscalationOptions {
  reason: HandoffReason;
  category?: Intent;
  needsSupervisor?: boolean;
  /** Extra facts for the agent, e.g. the steps already tried. */
  facts?: string[];
  /** How to reach the customer for a callback, when the dialog already asked. */
  contact?: { phone?: string; email?: string };
  /** The opening line when the reason's own would not fit (an answer that did not help tried nothing). */
  opener?: 'matterNoted';
  /** The customer asked to be called back, not to wait in the chat. */
  callback?: boolean;
}

/**
 * Hands the conversation to a person through the HandoffRequester, then tells the customer what
 * the record says: nothing is promised before the record exists. A lost card or phone always goes
 * in as urgent, whatever triggered the handoff.
 */
export async function handOff(deps: DialogDeps, context: TurnContext, options: EscalationOptions): Promise<void> {
  const session = await deps.sessions.get(context);
  const t = await deps.sessions.t(context);
  const lang = await deps.sessions.lang(context);
  const stepTopic = session.expect?.topic && ROUTABLE.has(session.expect.topic) ? session.expect.topic : undefined;
  // What the conversation was last about, when neither the step nor this message names an area.
  const lastTopic = session.lastTopic && ROUTABLE.has(session.lastTopic) ? session.lastTopic : undefined;
  // The message that hands over is assessed at most once, and only when no earlier source names the area.
  const text = context.activity.type === 'message' ? (context.activity.text ?? '') : '';
  let intentOfText: IntentResult | undefined;
  const assessed = (): IntentResult => (intentOfText ??= deps.triage.assess(text).intent);
  const category =
    options.category ??
    session.category ??
    stepTopic ??
    topicOf(deps, text, assessed) ??
    lastTopic ??
    (await topicSpokenOf(deps, text, lang)) ??
    topicBesidePerson(text, assessed) ??
    'other';
  const reason: HandoffReason = category === 'lost_or_stolen' ? 'urgent' : options.reason;
  const cues = detectCues(text);
  // A supervisor asked for in this very message counts, whichever dialog handed over.
  const askedForSupervisor = cues.has('supervisor');
  // "Dann bitte morgen früh einen Rückruf: 0172 9988112": the way to reach them comes with the wish.
  const callWished = cues.has('callback') || cues.has('callMe');
  const contact =
    options.contact ??
    (callWished && category !== 'lost_or_stolen' ? contactWithCallback(text) : undefined) ??
    (callWished ? numberToReach(text) : undefined);
  // An irate customer goes to a supervisor too, whether they asked for a person or the bot noticed.
  const needsSupervisor = options.needsSupervisor === true || askedForSupervisor || session.lastFrustration.level >= 2;
  for (const fact of options.facts ?? []) await deps.sessions.addFact(context, fact);
  let messages: string[];
  try {
    const ticket = await deps.handoff.requestHandoff({
      conversationReference: TurnContext.getConversationReference(context.activity),
      channel: context.activity.channelId,
      ...(context.activity.from?.name ? { customerName: context.activity.from.name } : {}),
      language: lang,
      category,
      reason,
      frustration: session.lastFrustration,
      needsSupervisor,
      ...(contact ? { contact } : {}),
      ...(options.callback ? { callback: true } : {}),
      summary: { menuPath: [...session.menuPath], facts: [...session.facts], references: [...session.references] },
    });
    rememberTurnHandoff(context, ticket);
    const settings = await deps.content.settings();
    messages = announceHandoff(t, ticket, {
      reason,
      ...(options.opener && reason === options.reason ? { opener: options.opener } : {}),
      category,
      needsSupervisor,
      askedForSupervisor:
        askedForSupervisor || (options.reason === 'explicit_request' && options.needsSupervisor === true),
      references: [...session.references],
      lang,
      channel: context.activity.channelId,
      timeZone: settings.timeZone,
      now: deps.clock.now(),
    });
  } catch (err) {
    deps.logger.error(
      { conversationId: context.activity.conversation?.id, err, reason, category },
      'handoff request failed',
    );
    messages = [t(reason === 'urgent' ? 'conversation:handoff.failedUrgent' : 'conversation:handoff.failed')];
  }
  for (const text of messages) await context.sendActivity(text);
}
