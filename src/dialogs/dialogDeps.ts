import type { I18nService } from '../services/i18n/i18nService';
import type { ContentProvider } from '../services/content/types';
import type { HandoffRequester } from '../services/handoff/types';
import type { KnowledgeBase } from '../services/knowledge/knowledgeBase';
import type { Logger } from '../services/logger';
import type { FrustrationHistory, FrustrationThresholds } from '../services/nlu/types';
import type { TriageAssessment } from '../services/nlu/triageService';
import type { ServiceRequestService } from '../services/requests/serviceRequestService';
import type { Clock } from './clock';
import type { SessionStore } from './session';

/** The recognizer as the dialogs use it (nlu/triageService implements it). */
export interface Triage {
  assess(text: string, history?: FrustrationHistory, thresholds?: FrustrationThresholds): TriageAssessment;
  /** As assess, with the embedding model asked where the words leave the intent unsure. */
  consult(text: string, history?: FrustrationHistory, thresholds?: FrustrationThresholds): Promise<TriageAssessment>;
}

export type Knowledge = Pick<KnowledgeBase, 'answer' | 'entry' | 'search' | 'modelAgrees'>;
export type RequestRecorder = Pick<ServiceRequestService, 'create' | 'addDetails' | 'withdraw' | 'findByReference'>;

/** Everything a dialog of the customer conversation may use; built once in index.ts. */
export interface DialogDeps {
  i18n: I18nService;
  content: ContentProvider;
  triage: Triage;
  knowledge: Knowledge;
  requests: RequestRecorder;
  handoff: HandoffRequester;
  clock: Clock;
  logger: Logger;
  sessions: SessionStore;
}
