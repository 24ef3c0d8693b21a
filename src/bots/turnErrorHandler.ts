import type { TurnContext } from 'botbuilder';
import type { I18nService } from '../services/i18n/i18nService';
import { isConnectivityError } from '../services/database/errors';
import type { Logger } from '../services/logger';
import { turnLogger } from './turnContext';

/**
 * onTurnError: logs with the conversation id and apologises in the customer's language. State is
 * saved only at the end of a successful turn, so nothing of the failed turn is half-saved.
 */
export function createTurnErrorHandler(logger: Logger, i18n: I18nService) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const log = turnLogger(context, logger.child({ conversationId: context.activity?.conversation?.id }));
    log.error({ err: error }, 'turn failed');
    if (context.activity?.type !== 'message' && context.activity?.type !== 'conversationUpdate') return;
    const t = i18n.t(context.activity.locale);
    const key =
      isConnectivityError(error) || error.name === 'DatabaseUnavailableError'
        ? 'common:error.unavailable'
        : 'common:error.turn';
    try {
      await context.sendActivity(t(key));
    } catch (sendError) {
      log.error({ err: sendError }, 'could not send the apology');
    }
  };
}
