/** Shapes of the handoff API's answers as the desk uses them (contract: /api/openapi.json). */

export interface Me {
  id: string;
  name: string;
  role: string;
}

export interface HandoffItem {
  id: string;
  /** 0 urgent ... 3 normal; also the CSS class p0..p3. */
  priority: number;
  priorityName: string;
  category: string;
  status: string;
  customer: { name?: string; channel: string; language?: string };
  agent?: { id: string; name: string };
  frustration?: { level?: number };
  summary?: { text?: string };
  waitingSeconds: number | null;
  /** WhatsApp only: when the customer's 24-hour reply window closes (ISO). */
  windowClosesAt?: string;
}

export interface ConversationLine {
  from: string;
  name?: string;
  text: string;
}

export interface Note {
  by?: { name?: string };
  text: string;
}

export interface HandoffDetail extends HandoffItem {
  transcript?: ConversationLine[];
  messages?: ConversationLine[];
  notes?: Note[];
}

export interface HandoffList {
  items: HandoffItem[];
}

export interface Stats {
  waitingNow: number;
  longestWaitSeconds: number | null;
  handoffsToday: number;
  averageTimeToClaimSeconds: number | null;
  satisfactionAverage: number | null;
  satisfactionCount: number;
}
