/** One line of a scripted conversation as the customer saw it. */
export interface Line {
  from: 'customer' | 'bot' | 'agent';
  text: string;
  /** The app clock when the line was recorded (ms). */
  at: number;
  /** People were on duty (business hours) at that moment. */
  onDuty: boolean;
  /** Titles of suggested actions or card buttons offered with the message. */
  actions: string[];
  /** Sent outside a customer turn (claim, resolve, queue updates, the agent). */
  proactive: boolean;
  /** The last bot message of its turn: the one the customer answers. */
  lastOfTurn: boolean;
}

export interface HandoffFact {
  id: string;
  status: string;
  mode: string;
  category: string;
  priority: number;
  reason: string;
  needsSupervisor: boolean;
  /** The satisfaction rating stored on the record, if the customer gave one. */
  rating?: number;
  /** A phone number or e-mail address stored for a callback. */
  hasContact: boolean;
}

export interface RequestFact {
  reference: string;
  type: string;
  status: string;
}

/** What the conversation left behind in the database, and the knowledge texts to recognise answers. */
export interface Facts {
  handoffs: HandoffFact[];
  requests: RequestFact[];
  /** Indexes of bot lines that carry a knowledge-base answer or a troubleshooting step, with the category. */
  knowledgeLines: Map<number, { category: string; germanFallback: boolean }>;
}

export interface RunRecord {
  lines: Line[];
  facts: Facts;
  /** Steps the runner could not perform (an agent step with no handoff waiting) and failed reply checks. */
  stepProblems: string[];
  /** The bot's reply at the first failed reply check. */
  firstFailedReply?: string;
}

export function botLines(lines: Line[]): { line: Line; index: number }[] {
  return lines.map((line, index) => ({ line, index })).filter((x) => x.line.from === 'bot');
}

/** A readable transcript for failure messages. */
export function render(lines: Line[]): string {
  return lines
    .map(
      (l) =>
        `${l.from === 'customer' ? 'K' : l.from === 'agent' ? 'A' : 'B'}${l.proactive ? '*' : ' '} ${l.text.replace(/\s+/g, ' ').slice(0, 220)}${l.actions.length ? ` [${l.actions.join(' | ')}]` : ''}`,
    )
    .join('\n');
}
