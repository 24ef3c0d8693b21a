import {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  InvokeResponse,
  TeamsActivityHandler,
  TeamsChannelData,
  TurnContext,
} from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Principal } from '../services/auth/roles';
import {
  CustomerDeliveryError,
  HandoffConflictError,
  HandoffForbiddenError,
  HandoffNotFoundError,
} from '../services/handoff/errors';
import type { HandoffListItem } from '../services/handoff/handoffModel';
import type { I18nService } from '../services/i18n/i18nService';
import type { Logger } from '../services/logger';
import { UnacceptableContentError, ValidationError } from '../services/errors';
import { ADAPTIVE_CARD_CONTENT_TYPE, CardNotice, CLAIM_VERB, readClaimData } from '../channels/teams/cards';
import type { HandoffDesk } from '../channels/teams/handoffDesk';
import type { TeamsAgentDirectory } from '../channels/teams/teamsAgentDirectory';
import type { TeamsChannelStore } from '../channels/teams/teamsChannelStore';
import type { TeamsNotifier } from '../channels/teams/teamsNotifier';
import type { TeamsThreadStore } from '../channels/teams/teamsThreadStore';
import { readReplyData, replyCheckCard } from '../channels/teams/replyCheckCard';
import { parseThreadCommand } from '../channels/teams/threadCommands';
import { AgentToolData, readAgentToolData } from '../channels/teams/agentToolsCard';
import { CannedResponseSource, cannedOutcome } from '../channels/teams/cannedCommand';
import { TURN_LOGGER, turnLogger } from './turnContext';

/** The one Teams tenant and team whose members are the agents. */
export interface TeamsBinding {
  tenantId: string;
  teamId: string;
}

export interface AgentBotDeps {
  /** Absent: the Teams agent side is off, every Teams activity is ignored. */
  binding?: TeamsBinding;
  desk: HandoffDesk;
  channels: TeamsChannelStore;
  threads: TeamsThreadStore;
  notifier: TeamsNotifier;
  directory: TeamsAgentDirectory;
  i18n: I18nService;
  /** Language of everything agents read. */
  language: 'de' | 'en';
  logger: Logger;
  /** Practice in a personal chat ("training"); true when it took the activity. */
  training?: { handle(context: TurnContext): Promise<boolean> };
  /** Canned responses for "/t" in a thread. */
  canned?: CannedResponseSource;
}

type ClaimOutcome =
  | { kind: 'won'; handoff: HandoffListItem }
  | { kind: 'taken'; handoff: HandoffListItem }
  | { kind: 'supervisorOnly'; handoff: HandoffListItem }
  | { kind: 'notFound' };

/**
 * Agent side in Microsoft Teams. Remembers the agents' channel on install, turns the card's
 * "Übernehmen" (Action.Execute invoke or Action.Submit fallback) into a claim, and relays what an
 * agent writes in a handoff's thread (with an @mention of the bot) to the customer, apart from the
 * thread commands "ende", "supervisor" and "notiz: …". Holds no rules: the handoff service decides.
 */
export class AgentBot extends TeamsActivityHandler {
  private readonly t: TFunction;

  constructor(private readonly deps: AgentBotDeps) {
    super();
    this.t = deps.i18n.t(deps.language);

    this.onConversationUpdate(async (context, next) => {
      await this.rememberOrForgetChannel(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const log = this.deps.logger.child({ conversationId: context.activity.conversation?.id, channel: 'msteams' });
    context.turnState.set(TURN_LOGGER, log);
    if (this.deps.training && (await this.deps.training.handle(context))) return;
    const place = this.placeOf(context);
    if (!place.ok) {
      // Another team, another tenant, a personal chat, or no binding at all: nothing here is an agent.
      log.warn(
        { teamId: place.teamId, tenantId: place.tenantId, type: context.activity.type, reason: place.reason },
        "Teams activity outside the agents' team ignored",
      );
      if (context.activity.type === 'invoke') {
        await context.sendActivity({
          type: 'invokeResponse',
          value: { status: 403, body: invokeError(403, 'Forbidden', "only members of the agents' team may do this") },
        });
      }
      return;
    }
    await super.run(context);
  }

  /** Whether the activity comes from the agents' team in the agents' tenant. */
  private placeOf(context: TurnContext): { ok: boolean; teamId?: string; tenantId?: string; reason?: string } {
    const activity = context.activity;
    const data = (activity.channelData ?? {}) as TeamsChannelData;
    const teamId = data.team?.id;
    const tenantId = (
      data.tenant?.id ?? (activity.conversation as { tenantId?: string } | undefined)?.tenantId
    )?.toLowerCase();
    const binding = this.deps.binding;
    if (!binding) return { ok: false, teamId, tenantId, reason: 'TEAMS_TENANT_ID and TEAMS_AGENT_TEAM_ID are not set' };
    if (tenantId !== binding.tenantId.toLowerCase()) return { ok: false, teamId, tenantId, reason: 'other tenant' };
    if (teamId !== binding.teamId)
      return { ok: false, teamId, tenantId, reason: teamId ? 'other team' : 'not in a team channel' };
    return { ok: true, teamId, tenantId };
  }

  // ------------------------------------------------------------------ install

  private async rememberOrForgetChannel(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const data = (activity.channelData ?? {}) as TeamsChannelData;
    const botId = activity.recipient?.id;
    const team = data.team;
    if (!team?.id) return;
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === botId);
    const botRemoved = (activity.membersRemoved ?? []).some((m) => m.id === botId);
    const log = turnLogger(context, this.deps.logger);
    if (botRemoved || data.eventType === 'teamDeleted' || data.eventType === 'teamArchived') {
      await this.deps.channels.forgetTeam(team.id);
      log.info({ teamId: team.id }, 'bot removed from team; its channel gets no more cards');
      return;
    }
    if (!botAdded) return;
    const reference = TurnContext.getConversationReference(activity);
    await this.deps.channels.remember({
      channelId: data.channel?.id ?? team.id,
      teamId: team.id,
      teamName: team.name,
      channelName: data.channel?.name,
      tenantId: data.tenant?.id,
      serviceUrl: activity.serviceUrl,
      reference,
    });
    log.info({ teamId: team.id }, 'bot installed in team; handoff cards go to its channel');
    // Cards of customers who were already waiting.
    void this.deps.notifier.catchUp();
  }

  // ------------------------------------------------------------------ card buttons

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: unknown } | undefined;
    if (
      context.activity.name === 'adaptiveCard/action' &&
      (!value || typeof value.action !== 'object' || value.action === null)
    ) {
      return { status: 400, body: invokeError(400, 'BadRequest', 'value.action is required') };
    }
    return super.onInvokeActivity(context);
  }

  /** Action.Execute: the answer's card replaces the card for everyone who sees it. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb;
    if (verb !== CLAIM_VERB) return invokeError(400, 'NotSupported', `unknown verb ${String(verb).slice(0, 40)}`);
    const claim = readClaimData(invokeValue.action.data, verb);
    if (!claim) return invokeError(400, 'BadRequest', 'data.handoffId is required');
    const principal = this.deps.directory.principalOf(context.activity.from);
    if (!principal) return invokeError(401, 'Unauthorized', 'the sender has no Teams identity');
    const outcome = await this.claim(context, claim.handoffId, principal);
    if (outcome.kind === 'notFound') return invokeError(404, 'NotFound', 'no such handoff');
    return {
      statusCode: 200,
      type: ADAPTIVE_CARD_CONTENT_TYPE,
      value: this.deps.notifier.card(outcome.handoff, noticeFor(outcome)) as Record<string, unknown>,
    };
  }

  /** Action.Submit (clients without Universal Actions): a message with value and replyToId. */
  private async claimFromSubmit(context: TurnContext, handoffId: string): Promise<void> {
    const principal = this.deps.directory.principalOf(context.activity.from);
    if (!principal) return;
    const outcome = await this.claim(context, handoffId, principal);
    // The winner's card update and thread line come from the 'claimed' event (TeamsNotifier).
    if (outcome.kind === 'taken') {
      const { agent, status } = outcome.handoff;
      await context.sendActivity(
        status === 'assigned' && agent
          ? this.t('agent:card.alreadyTaken', { name: agent.name })
          : this.t('agent:thread.closed'),
      );
    } else if (outcome.kind === 'supervisorOnly') await context.sendActivity(this.t('agent:thread.supervisorOnly'));
    else if (outcome.kind === 'notFound') await context.sendActivity(this.t('agent:thread.unknownThread'));
  }

  private async claim(context: TurnContext, handoffId: string, principal: Principal): Promise<ClaimOutcome> {
    const log = turnLogger(context, this.deps.logger).child({ handoffId, agentId: principal.id });
    try {
      const record = await this.deps.desk.claim(handoffId, principal);
      return { kind: 'won', handoff: this.deps.desk.listItem(record) };
    } catch (err) {
      if (err instanceof HandoffNotFoundError) return { kind: 'notFound' };
      if (err instanceof HandoffConflictError || err instanceof HandoffForbiddenError) {
        log.info({ reason: err.name }, 'claim from Teams lost');
        const current = this.deps.desk.listItem(await this.deps.desk.get(handoffId));
        return { kind: err instanceof HandoffForbiddenError ? 'supervisorOnly' : 'taken', handoff: current };
      }
      throw err;
    }
  }

  // ------------------------------------------------------------------ thread messages

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const submitted = readClaimData(activity.value);
    if (submitted) return this.claimFromSubmit(context, submitted.handoffId);
    const reply = readReplyData(activity.value);
    if (reply) {
      const principal = this.deps.directory.principalOf(activity.from);
      if (!principal) return;
      return this.relay(context, reply.handoffId, principal, reply.text, reply.force, true);
    }
    const tool = readAgentToolData(activity.value);
    if (tool) return this.runTool(context, tool);

    const data = (activity.channelData ?? {}) as TeamsChannelData;
    if (activity.conversation?.conversationType === 'personal' || !data.team) {
      await context.sendActivity(this.t('agent:thread.notInChannel'));
      return;
    }
    // In a channel the bot is only addressed when @mentioned; strip the mention before use.
    const mentioned = (activity.entities ?? []).some(
      (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
    );
    if (!mentioned) return;
    const text = TurnContext.removeRecipientMention(activity)
      .replace(/&nbsp;/g, ' ')
      .trim();
    if (text === '') return;

    const principal = this.deps.directory.principalOf(activity.from);
    if (!principal) return;
    const thread = await this.deps.threads.byConversation(activity.conversation?.id, activity.replyToId);
    if (!thread) {
      const command = parseThreadCommand(text);
      await context.sendActivity(this.t(command.kind === 'help' ? 'agent:thread.help' : 'agent:thread.unknownThread'));
      return;
    }
    await this.runCommand(context, thread.handoffId, principal, text);
  }

  /** A card button (an opening line, a hand-back) runs as the thread command it stands for. */
  private async runTool(context: TurnContext, tool: AgentToolData): Promise<void> {
    const principal = this.deps.directory.principalOf(context.activity.from);
    if (!principal) return;
    const text = tool.kind === 'say' ? tool.text : `ende ${tool.target}`;
    await this.runCommand(context, tool.handoffId, principal, text);
  }

  private async runCommand(context: TurnContext, handoffId: string, principal: Principal, text: string): Promise<void> {
    const { desk } = this.deps;
    const command = parseThreadCommand(text);
    const log = turnLogger(context, this.deps.logger).child({ handoffId, agentId: principal.id });
    try {
      switch (command.kind) {
        case 'message':
          return this.relay(context, handoffId, principal, command.text, false, false);
        case 'note':
          if (command.text === '') {
            await context.sendActivity(this.t('agent:thread.emptyNote'));
            return;
          }
          await desk.addNote(handoffId, principal, command.text);
          await context.sendActivity(this.t('agent:thread.noteSaved'));
          return;
        case 'end':
          // The thread line and the card update come from the 'resolved' event.
          await desk.resolve(handoffId, principal, command.target);
          return;
        case 'transfer':
          await desk.transfer(handoffId, principal);
          return;
        case 'claim':
          return this.claimFromSubmit(context, handoffId);
        case 'help':
          await context.sendActivity(this.t('agent:thread.help'));
          return;
        case 'canned': {
          const outcome = await cannedOutcome(this.deps.canned, await desk.get(handoffId), command.name, this.t);
          if ('send' in outcome) return this.relay(context, handoffId, principal, outcome.send, false, false);
          await context.sendActivity(outcome.reply);
          return;
        }
      }
    } catch (err) {
      const answer = await this.explain(err, handoffId);
      if (!answer) throw err;
      log.info({ err, command: command.kind }, 'thread command refused');
      await context.sendActivity(answer);
    }
  }

  /**
   * An agent's reply to the customer. One that breaks the reply rules is held: the agent gets the hint
   * with the formal suggestion and two buttons; `confirm` says "Gesendet." after a button click.
   */
  private async relay(
    context: TurnContext,
    handoffId: string,
    principal: Principal,
    text: string,
    force: boolean,
    confirm: boolean,
  ): Promise<void> {
    try {
      await this.deps.desk.sendAgentMessage(handoffId, principal, text, force);
      if (confirm) await context.sendActivity(this.t('agent:replyCheck.sent'));
    } catch (err) {
      if (!(err instanceof UnacceptableContentError)) {
        const answer = await this.explain(err, handoffId);
        if (!answer) throw err;
        await context.sendActivity(answer);
        return;
      }
      turnLogger(context, this.deps.logger).info({ handoffId, rule: err.code }, 'agent reply held by the check');
      const card = replyCheckCard(this.t, handoffId, err.code, text, err.suggestion ?? text);
      await context.sendActivity({ attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
    }
  }

  /** The agent-facing sentence for an expected refusal; undefined for real failures. */
  private async explain(err: unknown, handoffId: string): Promise<string | undefined> {
    if (err instanceof HandoffNotFoundError) return this.t('agent:thread.unknownThread');
    if (err instanceof CustomerDeliveryError || err instanceof ValidationError) return this.t('agent:thread.failed');
    if (err instanceof HandoffForbiddenError || err instanceof HandoffConflictError) {
      const current = await this.deps.desk.get(handoffId);
      if (current.status === 'queued') return this.t('agent:thread.notClaimed');
      if (current.status === 'assigned') return this.t('agent:thread.notYours', { name: current.agent?.name ?? '' });
      return this.t('agent:thread.closed');
    }
    return undefined;
  }
}

function noticeFor(outcome: ClaimOutcome): CardNotice | undefined {
  if (outcome.kind === 'taken' && outcome.handoff.agent)
    return { kind: 'alreadyTaken', name: outcome.handoff.agent.name };
  if (outcome.kind === 'supervisorOnly') return { kind: 'supervisorOnly' };
  return undefined;
}

function invokeError(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } };
}
