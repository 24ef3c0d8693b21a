import type { TurnContext } from 'botbuilder';
import type { Logger } from '../services/logger';
import { RequestContext, turnRequest } from '../services/requestContext';

/** Keys under which a turn carries its per-turn collaborators in turnState. */
export const TURN_LOGGER = Symbol('lotse.logger');
const TURN_LOGGER_BINDINGS = Symbol('lotse.loggerBindings');

interface PendingLogger {
  parent: Logger;
  /** The HTTP request the turn runs for: its logger (made on first use) is the parent then. */
  request: RequestContext | undefined;
  bindings: Record<string, unknown>;
}

/**
 * Gives the turn a logger bound to the conversation, created only when the turn logs: most turns
 * never do, and a pino child costs a serialisation of its bindings. A turn that an HTTP request
 * drives logs under that request's id (the request's child logger).
 */
export function bindTurnLogger(context: TurnContext, parent: Logger, bindings: Record<string, unknown>): void {
  const pending: PendingLogger = { parent, request: turnRequest(context), bindings };
  context.turnState.set(TURN_LOGGER_BINDINGS, pending);
}

/** The turn's logger, bound to the conversation id; falls back to the given root logger. */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  const ready = context.turnState.get(TURN_LOGGER) as Logger | undefined;
  if (ready) return ready;
  const pending = context.turnState.get(TURN_LOGGER_BINDINGS) as PendingLogger | undefined;
  if (!pending) return fallback;
  const logger = (pending.request?.log ?? pending.parent).child(pending.bindings);
  context.turnState.set(TURN_LOGGER, logger);
  return logger;
}
