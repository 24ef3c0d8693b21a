import type { Request, Response, Server } from 'restify';
import type { RouteModule } from '../server';
import { requireRole } from './authRoutes';
import type { AuthService } from '../../services/auth/authService';
import { ROLES } from '../../services/auth/roles';
import { CONTENT_KINDS } from '../../services/admin/versionModel';
import { FAQ_CATEGORIES } from '../../services/admin/validators/faq';
import { HANDOFF_PRIORITIES, MENU_DIALOGS } from '../../services/admin/validators/menu';
import { HANDOFF_STATUSES } from '../../services/handoff/handoffModel';
import { INTENTS } from '../../services/nlu/types';
import { META_PATH, MetaResponse } from './metaContract';

/** The same constants the validators and models check against, so a page offers exactly what the server accepts. */
export const META: MetaResponse = {
  intents: INTENTS,
  menuDialogs: MENU_DIALOGS,
  faqCategories: FAQ_CATEGORIES,
  menuHandoffPriorities: HANDOFF_PRIORITIES,
  handoffStatuses: HANDOFF_STATUSES,
  roles: ROLES,
  contentKinds: CONTENT_KINDS,
};

/**
 * GET /api/admin/meta for the signed-in pages (supervisor and up, like the admin pages). Under
 * /api/admin so the per-client request limit that guards token guessing applies.
 */
export class MetaRoutes implements RouteModule {
  constructor(private readonly auth: AuthService) {}

  register(server: Server): void {
    server.get(META_PATH, requireRole(this.auth, 'supervisor'), async (_req: Request, res: Response) => {
      res.header('Cache-Control', 'no-cache');
      res.send(200, META);
    });
  }
}
