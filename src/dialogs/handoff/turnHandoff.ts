import type { TurnContext } from 'botbuilder';
import type { HandoffTicket } from '../../services/handoff/types';

/**
 * The handoff a dialog created in the current turn, kept in the turn's own state (never across
 * turns or conversations): handOff() writes it, the customer bot's gate reads it after the dialogs.
 */
const TURN_HANDOFF = Symbol('lotse.turnHandoff');

export function rememberTurnHandoff(context: TurnContext, ticket: HandoffTicket): void {
  context.turnState.set(TURN_HANDOFF, ticket);
}

export function turnHandoff(context: TurnContext): HandoffTicket | undefined {
  return context.turnState.get(TURN_HANDOFF) as HandoffTicket | undefined;
}
