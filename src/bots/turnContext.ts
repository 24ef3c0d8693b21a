import type { TurnContext } from 'botbuilder';
import type { Logger } from '../services/logger';

/** Keys under which a turn carries its per-turn collaborators in turnState. */
export const TURN_LOGGER = Symbol('lotse.logger');

/** The turn's logger, bound to the conversation id; falls back to the given root logger. */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
}
