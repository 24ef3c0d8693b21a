import type { Api } from './api';
import { META_PATH, type MetaResponse } from '../../src/http/routes/metaContract';

export type Meta = MetaResponse;

/** Until the server answered: nothing to offer. */
export const EMPTY_META: Meta = {
  intents: [],
  menuDialogs: [],
  faqCategories: [],
  menuHandoffPriorities: [],
  handoffStatuses: [],
  roles: [],
  contentKinds: [],
};

/** The server's enumerations (intents, categories, statuses, roles, ...); needs a signed-in supervisor or admin. */
export function loadMeta(api: Api): Promise<Meta> {
  return api<Meta>('GET', META_PATH);
}
