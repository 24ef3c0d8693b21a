import type { HandoffService } from '../../services/handoff/handoffService';

/** What the Teams side uses of the handoff queue; tests may hand in the real service or a fake. */
export type HandoffDesk = Pick<
  HandoffService,
  | 'events'
  | 'get'
  | 'claim'
  | 'sendAgentMessage'
  | 'resolve'
  | 'transfer'
  | 'addNote'
  | 'listItem'
  | 'listUnnotified'
  | 'claimNotification'
  | 'setTeamsThread'
>;
