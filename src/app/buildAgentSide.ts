/** Agents in Teams: the card per handoff in the agents' channel, claims, the thread relay. */
import { buildCannedResponses } from './buildCannedResponses';
import type { CloudAdapter } from 'botbuilder';
import type { Connection } from 'mongoose';
import { AgentBot } from '../bots/agentBot';
import { TeamsAgentDirectory } from '../channels/teams/teamsAgentDirectory';
import { TeamsChannelStore } from '../channels/teams/teamsChannelStore';
import { TeamsNotifier } from '../channels/teams/teamsNotifier';
import { TeamsThreadStore } from '../channels/teams/teamsThreadStore';
import type { Config } from '../config';
import type { HandoffService } from '../services/handoff/handoffService';
import type { I18nService } from '../services/i18n/i18nService';
import type { Logger } from '../services/logger';
import { TeamsTrainingChat } from '../services/training/teamsTrainingChat';
import { buildTraining } from './buildTraining';

export interface AgentSide {
  bot: AgentBot;
  notifier: TeamsNotifier;
  /** Whether the agents' team is configured; without it no card goes anywhere. */
  bound: boolean;
}

export function buildAgentSide(
  config: Config,
  connection: Connection,
  adapter: CloudAdapter,
  handoffs: HandoffService,
  i18n: I18nService,
  logger: Logger,
): AgentSide {
  const binding =
    config.teamsTenantId && config.teamsAgentTeamId
      ? { tenantId: config.teamsTenantId, teamId: config.teamsAgentTeamId }
      : undefined;
  const channels = new TeamsChannelStore(connection, config.teamsAgentTeamId);
  const threads = new TeamsThreadStore(connection);
  const notifier = new TeamsNotifier(adapter, handoffs, channels, threads, i18n, logger, {
    botAppId: config.microsoftAppId,
    botName: config.botName,
    language: config.defaultLanguage,
    timeZone: config.timeZone,
  });
  const directory = new TeamsAgentDirectory(config.teamsSupervisorIds);
  if (config.microsoftAppId && directory.everyoneSupervises)
    logger.warn('TEAMS_SUPERVISOR_IDS is empty: every agent in Teams may take supervisor handoffs');
  const bot = new AgentBot({
    binding,
    desk: handoffs,
    channels,
    threads,
    notifier,
    directory,
    canned: buildCannedResponses(connection),
    i18n,
    language: config.defaultLanguage,
    logger,
    training: new TeamsTrainingChat(
      buildTraining(config, connection, i18n),
      i18n,
      config.teamsTenantId,
      logger,
      config.defaultLanguage,
    ),
  });
  return { bot, notifier, bound: binding !== undefined };
}
