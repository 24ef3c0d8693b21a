import { isGoodbye } from './invariants';
import type { Expectation, Outcome } from './script';
import type { Facts, Line } from './transcript';

const REQUEST_INTENT: Record<string, string> = {
  block: 'lost_or_stolen',
  dispute: 'billing',
  data_change: 'data_change',
  complaint: 'complaint',
};

/** What the conversation actually ended as, from the database and the transcript. */
export function actualOutcome(lines: Line[], facts: Facts): Outcome | 'nothing' {
  if (facts.handoffs.some((h) => h.needsSupervisor)) return 'supervisor';
  if (facts.handoffs.length > 0) return 'handed_off';
  if (standing(facts).length > 0) return 'request_recorded';
  const lastBot = [...lines].reverse().find((l) => l.from === 'bot');
  if (lastBot && isGoodbye(lastBot.text)) return 'closed';
  if (facts.knowledgeLines.size > 0) return 'answered';
  return 'nothing';
}

/** Why the outcome is not the expected one, or undefined when it is. */
export function outcomeProblem(expect: Expectation, lines: Line[], facts: Facts): string | undefined {
  const outcome = outcomeOnly(expect, lines, facts);
  if (outcome) return outcome;
  if (expect.rated && !facts.handoffs.some((h) => h.rating !== undefined))
    return 'the satisfaction answer was not stored as a rating';
  if (expect.contact && !facts.handoffs.some((h) => h.hasContact))
    return 'no phone number or e-mail address was stored for the callback';
  if (expect.contact === false && facts.handoffs.some((h) => h.hasContact))
    return 'a phone number or e-mail address is stored for the callback';
  return undefined;
}

/** The requests still standing: one the customer withdrew (a lost phone found again) is no request recorded. */
function standing(facts: Facts): Facts['requests'] {
  return facts.requests.filter((r) => r.status !== 'withdrawn');
}

function outcomeOnly(expect: Expectation, lines: Line[], facts: Facts): string | undefined {
  const { handoffs } = facts;
  const requests = standing(facts);
  const lastBot = [...lines].reverse().find((l) => l.from === 'bot');
  const describe = () =>
    `got ${actualOutcome(lines, facts)} (handoffs: ${handoffs.map((h) => `${h.category}/${h.mode}/${h.needsSupervisor ? 'supervisor' : 'agent'}`).join(', ') || 'none'}; requests: ${requests.map((r) => r.type).join(', ') || 'none'}; knowledge answers: ${facts.knowledgeLines.size})`;
  const category = (actual: string[]) =>
    expect.category && !actual.includes(expect.category)
      ? `category ${expect.category} expected, got ${actual.join(', ') || 'none'}`
      : undefined;
  switch (expect.outcome) {
    case 'handed_off':
      if (handoffs.length === 0) return `a handoff expected, ${describe()}`;
      if (handoffs.some((h) => h.needsSupervisor))
        return `a normal agent expected, but the handoff asks for a supervisor`;
      return category(handoffs.map((h) => h.category));
    case 'supervisor':
      if (!handoffs.some((h) => h.needsSupervisor)) return `a supervisor handoff expected, ${describe()}`;
      return category(handoffs.map((h) => h.category));
    case 'request_recorded':
      if (handoffs.length > 0) return `a request without handoff expected, ${describe()}`;
      if (!requests.some((r) => r.reference !== ''))
        return `a service request with a reference expected, ${describe()}`;
      // A script may name the request type (block) or the intent it belongs to (lost_or_stolen).
      return category(requests.flatMap((r) => [r.type, REQUEST_INTENT[r.type] ?? r.type]));
    case 'answered':
      if (handoffs.length > 0 || requests.length > 0)
        return `a knowledge answer without handoff or request expected, ${describe()}`;
      if (facts.knowledgeLines.size === 0) return `a knowledge answer expected, ${describe()}`;
      return category([...facts.knowledgeLines.values()].map((k) => k.category));
    case 'closed':
      // The topic a closed conversation was about is not recorded anywhere; only the ending is checked.
      if (handoffs.length > 0 || requests.length > 0)
        return `a closed conversation without handoff or request expected, ${describe()}`;
      if (!lastBot || !isGoodbye(lastBot.text))
        return `the last bot message should be a goodbye, got "${(lastBot?.text ?? '').slice(0, 160)}"`;
      return undefined;
  }
}
