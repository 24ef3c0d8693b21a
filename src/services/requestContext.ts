import type { TurnContext } from 'botbuilder';
import type { Logger } from './logger';

/** What the HTTP layer knows about the request a piece of work runs for. */
export interface RequestContext {
  requestId: string;
  /** The access log's child logger, bound to the request id. */
  log: Logger;
}

const TURN_REQUEST = Symbol('lotse.request');

/**
 * The logic of a turn that an HTTP request carries (or started, as a WhatsApp webhook starts its
 * customer's turns): the turn's logs carry that request's id. Handed over explicitly rather than
 * through AsyncLocalStorage, whose promise hooks on Node 20 ran for every promise of every turn
 * (about 3 % of a turn's CPU samples and 12 % of its allocations) to serve these few log lines.
 */
export function underRequest(
  request: RequestContext | undefined,
  logic: (context: TurnContext) => Promise<void>,
): (context: TurnContext) => Promise<void> {
  if (!request) return logic;
  return (context) => {
    context.turnState.set(TURN_REQUEST, request);
    return logic(context);
  };
}

/** The request the turn runs for (underRequest); undefined for background turns. */
export function turnRequest(context: TurnContext): RequestContext | undefined {
  return context.turnState.get(TURN_REQUEST) as RequestContext | undefined;
}
