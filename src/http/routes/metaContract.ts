/**
 * GET /api/admin/meta: the enumerations the server works with, for the browser pages (admin pages
 * and agent desk), so that no page keeps its own copy of a list. Labels come from the locales.
 * Dependency-free on purpose: the browser code (web/) type-checks against this file too.
 */
export interface MetaResponse {
  /** Every intent the recognizer knows; a menu option that hands off may file under any of them. */
  intents: readonly string[];
  /** Dialogs a menu option may start. */
  menuDialogs: readonly string[];
  /** Categories of knowledge-base entries. */
  faqCategories: readonly string[];
  /** Priorities a menu option that hands off may set. */
  menuHandoffPriorities: readonly string[];
  /** Statuses of a handoff, from waiting to closed. */
  handoffStatuses: readonly string[];
  /** Roles of API users, lowest first. */
  roles: readonly string[];
  /** Kinds of admin-edited content in the history. */
  contentKinds: readonly string[];
}

export const META_PATH = '/api/admin/meta';
