import { EventFactory, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { I18nService } from '../../services/i18n/i18nService';
import type { StoredFile } from '../../services/files/fileStore';
import type { Logger } from '../../services/logger';
import { HandoffConflictError } from '../../services/handoff/errors';
import {
  ConversationHandoffState,
  HANDOFF_EVENT_CHANNELS,
  HandoffService,
} from '../../services/handoff/handoffService';
import type { HandoffMark } from '../../services/state/handoffMarks';
import { conversationKey } from '../../services/transcript/transcriptStore';
import { detectCues } from '../../dialogs/interpreter/cues';
import { readRating } from './surveyReader';
import { HandBackTarget, parseHandBackTarget } from '../../services/handoff/handBackTargets';
import { turnHandoff } from '../../dialogs/handoff/turnHandoff';
import { WaitingListener, WaitingListenerDeps } from './waitingListener';

/** The conversation's handoff mark as the turn's state read found it (state/handoffMarks). */
export interface HandoffMarkReader {
  current(context: TurnContext): Promise<HandoffMark | undefined>;
  clear(context: TurnContext, seen: HandoffMark): Promise<void>;
}

/**
 * What the customer bot does with a turn after asking the gate; `resume`: the agent handed the
 * customer back to this dialog (or the menu), whose first question the customer was already sent.
 */
export type GateDecision = 'continue' | 'handled' | { resume: HandBackTarget };

/** The turn's handoff query, started beside the state read (CustomerHandoffGate.prefetch). */
const PREFETCHED = Symbol('lotse.prefetchedHandoffState');
/** Conversations remembered as having an active handoff; the least recently seen are forgotten first. */
const MAX_REMEMBERED = 10_000;

/** Without triage and knowledge wired, a waiting customer is still heard for cues and the queue. */
const CALM: WaitingListenerDeps = { frustration: () => ({ level: 0 }), now: () => new Date() };

/**
 * The customer side of a handoff, run before and after the dialogs of every customer turn:
 * while queued the WaitingListener hears the customer; while assigned the bot is silent and only
 * relays; after the agent resolved, it takes the one answer to the satisfaction question, in
 * digits or words. The gate never touches the session, so the dialogs' `session.greeted` survives
 * a handoff and the customer is not greeted in full again.
 */
export class CustomerHandoffGate {
  private readonly listener: WaitingListener;
  /** Conversations whose last turn here found (or created) an active handoff: a hint, never the truth. */
  private readonly withHandoff = new Map<string, true>();

  constructor(
    private readonly handoffs: HandoffService,
    private readonly i18n: I18nService,
    private readonly logger: Logger,
    /** Without marks every turn asks the queue; with them only turns of marked conversations do. */
    private readonly marks?: HandoffMarkReader,
    listening: WaitingListenerDeps = CALM,
  ) {
    this.listener = new WaitingListener(handoffs, listening);
  }

  /**
   * Before the turn's state is read: in a conversation whose last turn here had an active handoff,
   * the query beforeTurn would make after the read (a customer's message) starts now. Resolves
   * true when it found the active handoff: then the record decides the turn and the state need not
   * be read (whatever touches it later in the turn reads it then); undefined when nothing started.
   */
  prefetch(context: TurnContext): Promise<boolean> | undefined {
    const activity = context.activity;
    if (!this.marks || !isMessage(activity) || storedFilesOf(activity).length > 0) return undefined;
    const key = conversationKey(activity.channelId, activity.conversation?.id);
    if (!this.withHandoff.has(key)) return undefined;
    const pending = this.handoffs.conversationState(key, { message: true });
    // Awaited by beforeTurn, or never (a turn that failed before it): a failure then is nobody's to report.
    pending.catch(() => undefined);
    context.turnState.set(PREFETCHED, pending);
    return pending.then((state) => state.active !== undefined);
  }

  /** 'handled': the dialogs must not run this turn. resetDialogs starts the bot afresh next time. */
  async beforeTurn(context: TurnContext, resetDialogs: () => Promise<void>): Promise<GateDecision> {
    const activity = context.activity;
    const key = conversationKey(activity.channelId, activity.conversation?.id);
    const files = storedFilesOf(activity);
    if (files.length > 0) return this.fileTurn(context, key, files);
    const prefetched = await (context.turnState.get(PREFETCHED) as Promise<ConversationHandoffState> | undefined);
    // The prefetched query found the active handoff: a handoff never exists unmarked, so the mark
    // (in the state, which such a turn does not read) adds nothing.
    const mark = this.marks && !prefetched?.active ? await this.marks.current(context) : undefined;
    // Unmarked: no handoff was ever requested here (the queue marks before it creates one).
    if (this.marks && !mark && !prefetched?.active) return 'continue';
    // Marked: the record decides, as an agent on another instance may have claimed or resolved it.
    // A message the record will keep has its time set on an active record by the same query (only
    // in marked conversations: elsewhere that query would mostly find nothing and a second one follow).
    const message = (mark !== undefined || prefetched?.active !== undefined) && isMessage(activity);
    const state = message && prefetched ? prefetched : await this.handoffs.conversationState(key, { message });
    this.remember(key, state.active !== undefined);
    if (state.handBack && activity.type === 'message') {
      const target = parseHandBackTarget(state.handBack.handBack?.target ?? '');
      if (target && (await this.handoffs.takeHandBack(state.handBack.id))) return { resume: target };
      return 'continue';
    }
    if (mark && !state.active && !state.surveyPending) {
      this.marks!.clear(context, mark).catch((err: Error) =>
        this.logger.warn({ conversationId: key, err }, 'handoff mark not cleared'),
      );
      return 'continue';
    }
    const t = this.i18n.t(state.active?.customer.language ?? state.surveyPending?.customer.language ?? activity.locale);
    const text = activity.type === 'message' ? (activity.text ?? '').trim() : '';

    if (state.active) {
      const handoff = state.active;
      const touched = state.messageAt ? { head: handoff, at: state.messageAt } : undefined;
      if (activity.type !== 'message') return 'handled';
      if (text === '' && !activity.value) return 'handled';
      try {
        if (handoff.status === 'queued') {
          const replies = await this.listener.hear(context, handoff, t, resetDialogs, touched);
          if (replies.length) await context.sendActivities(replies);
          return 'handled';
        }
        // Assigned: silent. The agent sees the message through the record and the event.
        await this.handoffs.addCustomerMessage(handoff.id, text || JSON.stringify(activity.value), touched);
        return 'handled';
      } catch (err) {
        // Ended a moment ago (resolved, claimed while cancelling): the bot takes the turn again.
        if (!(err instanceof HandoffConflictError)) throw err;
        this.logger.info({ conversationId: key, handoffId: handoff.id }, 'handoff changed during the turn');
        return 'continue';
      }
    }

    if (state.surveyPending && activity.type === 'message') {
      const rating = readRating(text);
      if (rating !== undefined) {
        await this.handoffs.recordSurvey(state.surveyPending.id, rating);
        await context.sendActivity(t(rating <= 2 ? 'handoff:survey.thanksLow' : 'handoff:survey.thanks'));
        return 'handled';
      }
      // The customer moved on: the question stays unanswered and is not asked again.
      await this.handoffs.recordSurvey(state.surveyPending.id, null);
      const cues = detectCues(text);
      if (cues.has('closing') || (cues.has('thanks') && cues.size === 1)) {
        await context.sendActivity(t('handoff:survey.goodbye'));
        return 'handled';
      }
    }
    return 'continue';
  }

  private remember(key: string, active: boolean): void {
    this.withHandoff.delete(key);
    if (!active) return;
    this.withHandoff.set(key, true);
    if (this.withHandoff.size > MAX_REMEMBERED) this.withHandoff.delete(this.withHandoff.keys().next().value as string);
  }

  /**
   * A file the channel stored for this conversation: with a handoff under way it goes to the agent
   * as a line of the conversation; otherwise it is kept (the agent of a later handoff sees the
   * conversation's files) and a caption goes on to the dialogs as text.
   */
  private async fileTurn(context: TurnContext, key: string, files: StoredFile[]): Promise<GateDecision> {
    const state = await this.handoffs.conversationState(key);
    const t = this.i18n.t(state.active?.customer.language ?? context.activity.locale);
    const agentT = this.i18n.t(undefined);
    const caption = (context.activity.text ?? '').trim();
    if (state.active) {
      const lines = files.map((file) =>
        agentT('agent:file.line', {
          name: file.name,
          kind: agentT(`agent:file.kinds.${file.contentType}`),
          size: Math.max(1, Math.round(file.size / 1024)),
        }),
      );
      await this.handoffs.addCustomerMessage(state.active.id, [...lines, ...(caption ? [caption] : [])].join('\n'));
      await context.sendActivity(t('handoff:file.received'));
      return 'handled';
    }
    await context.sendActivity(t('handoff:file.kept'));
    return caption ? 'continue' : 'handled';
  }

  /** Hands the conversation to the queue after a dialog created a handoff (handOff announced it). */
  async afterTurn(context: TurnContext, resetDialogs: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    const ticket = turnHandoff(context);
    if (!ticket || ticket.created === false) return;
    this.remember(conversationKey(activity.channelId, activity.conversation?.id), true);
    await resetDialogs();
    if (!HANDOFF_EVENT_CHANNELS.includes(activity.channelId)) return;
    // Just created: its lines are the transcript it was inserted with (none of its own yet).
    const record = ticket.record ?? (await this.handoffs.get(ticket.handoffId));
    const transcript = record.transcript.map((line): Partial<Activity> => ({
      type: 'message',
      text: line.text,
      timestamp: line.at,
      from: { id: line.from, name: line.from, role: line.from === 'customer' ? 'user' : 'bot' },
    }));
    const handoffContext = {
      handoffId: record.id,
      category: record.category,
      priority: record.priority,
      reason: record.reason,
      summary: record.summary.text,
    };
    await context.sendActivity(
      EventFactory.createHandoffInitiation(context, handoffContext, { activities: transcript as Activity[] }),
    );
  }
}

/** A customer's message the handoff record keeps (text, or a card's value). */
function isMessage(activity: Activity): boolean {
  return activity.type === 'message' && ((activity.text ?? '').trim() !== '' || !!activity.value);
}

/** The files a channel stored for this turn (channelData.files, set by the channel, never by a client). */
function storedFilesOf(activity: Activity): StoredFile[] {
  const files = (activity.channelData as { files?: unknown } | undefined)?.files;
  if (activity.type !== 'message' || !Array.isArray(files)) return [];
  return files.filter(
    (f): f is StoredFile =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as StoredFile).id === 'string' &&
      typeof (f as StoredFile).name === 'string',
  );
}
