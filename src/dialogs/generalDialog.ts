import type { DialogDeps } from './dialogDeps';
import { KnowledgeTopicDialog } from './knowledgeTopicDialog';

/** General questions: opening hours, contract term and cancellation, delivery status, documents. */
export class GeneralDialog extends KnowledgeTopicDialog {
  static readonly ID = 'general';

  constructor(deps: DialogDeps) {
    super(deps, { id: GeneralDialog.ID, category: 'general', askKey: 'conversation:general.ask' });
  }
}
