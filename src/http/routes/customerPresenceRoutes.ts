import type { Request, Response, Server } from 'restify';
import type { CustomerPresence } from '../../services/abandonment/customerPresence';
import type { Logger } from '../../services/logger';
import type { RouteModule } from '../server';

const READ = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,128})\/activities(\?|$)/;

/**
 * Notes every successful Direct Line read (GET …/activities answered 200) as a sign that the
 * customer's page is open; abandonment looks at it. Adds no route of its own.
 */
export class CustomerPresenceRoutes implements RouteModule {
  constructor(
    private readonly presence: CustomerPresence,
    private readonly logger: Logger,
  ) {}

  register(server: Server): void {
    server.pre((req: Request, res: Response, next: () => void) => {
      const match = req.method === 'GET' ? READ.exec(req.url ?? '') : null;
      if (match) {
        const key = `directline:${match[1]}`;
        res.once('finish', () => {
          if (res.statusCode !== 200) return;
          this.presence
            .noteRead(key)
            .catch((err: unknown) => this.logger.warn({ err, conversationId: key }, 'read not noted'));
        });
      }
      next();
    });
  }
}
