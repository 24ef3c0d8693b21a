import type { Server } from 'restify';
import { requireRole } from './authRoutes';
import type { AuthService } from '../../services/auth/authService';
import { route, RouteModule } from '../server';
import type { HandoffService } from '../../services/handoff/handoffService';
import type { I18nService } from '../../services/i18n/i18nService';
import { openingLines } from '../../services/handoff/deescalationLines';

/**
 * GET /api/handoffs/{id}/suggestions → { "lines": [...] }: the opening lines for this handoff's
 * category and mood, in the customer's language (agents and up). Sending one is an ordinary
 * POST /api/handoffs/{id}/messages.
 */
export class AgentToolRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly handoffs: HandoffService,
    private readonly i18n: I18nService,
  ) {}

  register(server: Server): void {
    server.get(
      '/api/handoffs/:id/suggestions',
      requireRole(this.auth, 'agent'),
      route(async (req) => {
        const record = await this.handoffs.get(String(req.params.id));
        const t = this.i18n.t(record.customer.language);
        return [200, { lines: openingLines(t, record.category, record.frustration?.level) }];
      }),
    );
  }
}
