import type { Request, Response, Server } from 'restify';
import type { AuthService } from '../../services/auth/authService';
import type { FileStore } from '../../services/files/fileStore';
import type { HandoffService } from '../../services/handoff/handoffService';
import type { FileLinks } from '../../services/files/fileLinks';
import { answering } from '../errorPolicy';
import { readLimited } from '../readBody';
import { route, RouteModule, sendError } from '../server';
import { principalOf, requireRole } from './authRoutes';

/**
 * The files customers sent, for agents: GET /api/handoffs/{id}/files lists those of the handoff's
 * conversation (sent while waiting, during the handoff, or before it), GET /api/files/{id} answers
 * one as a download. Agents, supervisors and admins; never cached.
 */
export class FileRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly files: FileStore,
    private readonly handoffs: Pick<HandoffService, 'get' | 'sendAgentFile'>,
    private readonly links: FileLinks,
    private readonly maxBytes: number,
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
    // The agent sends a file: the raw bytes as the body, the name as ?name=; the reply is the stored file.
    server.post(
      '/api/handoffs/:id/files',
      agent,
      answering(async (req: Request, res: Response) => {
        const data = await readLimited(req, this.maxBytes);
        if (!data) return sendError(res, 413, 'FileRejected', `the file is larger than ${this.maxBytes} bytes`);
        const name = typeof req.query?.name === 'string' ? req.query.name : undefined;
        const file = await this.handoffs.sendAgentFile(String(req.params.id), principalOf(req), data, name);
        res.send(201, file);
      }),
    );
    // The customer's link to a file an agent sent: no login, a signed expiry instead.
    server.get(
      '/files/:id',
      answering(async (req: Request, res: Response) => {
        const id = String(req.params.id);
        const query = (req.query ?? {}) as Record<string, unknown>;
        if (!(await this.links.valid(id, query.exp, query.sig)))
          return sendError(res, 403, 'LinkInvalid', 'this link is not valid (any more)');
        await this.download(id, res, 'inline');
      }),
    );
    server.get(
      '/api/files/:id',
      agent,
      answering(async (req: Request, res: Response) => this.download(String(req.params.id), res, 'attachment')),
    );
  }

  private async download(id: string, res: Response, disposition: 'inline' | 'attachment'): Promise<void> {
    const { file, content } = await this.files.open(id);
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      // Agents download (never rendered in the desk's own origin); a customer's link shows an image in the chat.
      'Content-Disposition': `${disposition}; filename="${file.name.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'no-store',
    });
    content.on('error', (err) => res.destroy(err));
    content.pipe(res);
  }
}
