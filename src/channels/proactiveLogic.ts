import type { TurnContext } from 'botbuilder';

/** What a proactive turn runs on the customer's conversation. */
export type Logic = (context: TurnContext) => Promise<void>;

/**
 * The callback of `continueConversationAsync`, which botbuilder passes either third or, after an
 * audience, fourth; our own adapters implement that overload the same way.
 */
export function proactiveLogic(logicOrAudience: Logic | string, maybeLogic?: Logic): Logic {
  const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
  if (!logic) throw new Error('continueConversationAsync needs a logic callback');
  return logic;
}
