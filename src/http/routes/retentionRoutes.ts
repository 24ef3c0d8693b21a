import type { Request, Response, Server } from 'restify';
import { requireRole } from './authRoutes';
import type { AuthService } from '../../services/auth/authService';
import { ValidationError } from '../../services/errors';
import { answering } from '../errorPolicy';
import { route, RouteModule } from '../server';
import type { RetentionService } from '../../services/retention/retentionService';

/**
 * Data protection for admins: GET /api/admin/customers/{customerId}/export,
 * DELETE /api/admin/customers/{customerId}, POST /api/admin/retention/sweep.
 */
export class RetentionRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly retention: RetentionService,
  ) {}

  register(server: Server): void {
    const admin = requireRole(this.auth, 'admin');
    server.get(
      '/api/admin/customers/:customerId/export',
      admin,
      answering(async (req: Request, res: Response) => {
        const exported = await this.retention.exportCustomer(requireCustomerId(req.params.customerId));
        res.header('Content-Disposition', 'attachment; filename="customer-export.json"');
        res.send(200, exported);
      }),
    );
    server.del(
      '/api/admin/customers/:customerId',
      admin,
      route(async (req) => [200, await this.retention.eraseCustomer(requireCustomerId(req.params.customerId))]),
    );
    server.post(
      '/api/admin/retention/sweep',
      admin,
      route(async () => [200, await this.retention.sweep()]),
    );
  }
}

/** A channel user id: a wa_id (digits), a Web Chat or Bot Framework user id. */
function requireCustomerId(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:@+-]{0,127}$/.test(value)) {
    throw new ValidationError('customerId', 'is not a valid channel user id');
  }
  return value;
}
