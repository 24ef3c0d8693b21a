import type { Request, Response, Server } from 'restify';
import type { AuthService } from '../../services/auth/authService';
import type { FileStore } from '../../services/files/fileStore';
import type { HandoffService } from '../../services/handoff/handoffService';
import { answering } from '../errorPolicy';
import { route, RouteModule } from '../server';
import { requireRole } from './authRoutes';

/**
 * The files customers sent, for agents: GET /api/handoffs/{id}/files lists those of the handoff's
 * conversation (sent while waiting, during the handoff, or before it), GET /api/files/{id} answers
 * one as a download. Agents, supervisors and admins; never cached.
 */
export class FileRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly files: FileStore,
    private readonly handoffs: Pick<HandoffService, 'get'>,
  ) {}

  register(server: Server): void {
    const agent = requireRole(this.auth, 'agent');
    server.get(
      '/api/handoffs/:id/files',
      agent,
      route(
        async (req) => {
          const handoff = await this.handoffs.get(String(req.params.id));
          return [200, { items: await this.files.list([handoff.customer.conversationKey]) }];
        },
        { cacheControl: 'no-store' },
      ),
    );
    server.get(
      '/api/files/:id',
      agent,
      answering(async (req: Request, res: Response) => {
        const { file, content } = await this.files.open(String(req.params.id));
        res.writeHead(200, {
          'Content-Type': file.contentType,
          'Content-Length': String(file.size),
          // An attachment, never rendered in the desk's own origin.
          'Content-Disposition': `attachment; filename="${file.name.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'Cache-Control': 'no-store',
        });
        content.on('error', (err) => res.destroy(err));
        content.pipe(res);
      }),
    );
  }
}
