import type { HandoffReason } from '../../services/handoff/types';
import type { KnowledgeAnswer } from '../../services/knowledge/knowledgeBase';
import type { Intent } from '../../services/nlu/types';

/** What the turn interpreter decided a customer message is (docs/CONVERSATION.md). */
export type Decision =
  /** Not a message (e.g. conversationUpdate while a dialog runs). */
  | { kind: 'ignore' }
  /** The step's answer: the waiting prompt takes it. */
  | { kind: 'answer' }
  /** The interpreter has replied (help, privacy, a knowledge answer); the step is asked again, briefly. */
  | { kind: 'reask' }
  /** The language changed: the step is asked again in the new language. */
  | { kind: 'language' }
  | { kind: 'miss'; problemKey?: string }
  /** "Sie verstehen mich nicht": frustration at the step, not an invalid value. */
  | { kind: 'protest' }
  | { kind: 'menu' }
  | { kind: 'cancel' }
  | { kind: 'back' }
  | { kind: 'close' }
  /** Thanks without a goodbye, when the step is done: offer to end. */
  | { kind: 'thanks' }
  /** The interpreter settled the matter (a block called off) and said so: what else the customer needs. */
  | { kind: 'settled' }
  /** `answer`: an abusive customer's question the knowledge base answers surely, sent before the person. */
  | {
      kind: 'handoff';
      reason: HandoffReason;
      needsSupervisor: boolean;
      urgent: boolean;
      answer?: KnowledgeAnswer;
      /** "Rufen Sie mich zurück": a callback, not a wait in the chat. */
      callback?: boolean;
    }
  /**
   * An angry customer who asks something the knowledge base answers surely: the answer first, then a
   * person (a supervisor when irate) is offered, one "Ja" away.
   */
  | { kind: 'soothe'; answer: KnowledgeAnswer; needsSupervisor: boolean }
  | { kind: 'urgent'; text: string }
  /** Another request; without an intent the message is routed like free text at the menu. */
  | { kind: 'switch'; intent?: Intent; text: string }
  /** "Nein, keine Adressänderung": the dialog assumed wrongly; `text` when the message goes on to say what is wanted. */
  | { kind: 'negation'; text: string; later?: boolean };
