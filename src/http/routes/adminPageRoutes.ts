import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { RouteModule, sendError } from '../server';
import { I18nService, LANGUAGES, Lang } from '../../services/i18n/i18nService';

export const ADMIN_PUBLIC_DIR = path.resolve(__dirname, '../../../public/admin');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The admin pages (GET /admin): static HTML, script and style from public/admin, and the page's
 * texts from the "admin" locale namespace. The pages themselves only talk to the admin API.
 */
export class AdminPageRoutes implements RouteModule {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly i18n: I18nService,
    private readonly publicDir = ADMIN_PUBLIC_DIR,
  ) {}

  register(server: Server): void {
    const page = async (_req: Request, res: Response) => this.sendFile(res, 'index.html');
    server.get('/admin', page);
    server.get('/admin/', page);
    server.get('/admin/assets/:file', async (req: Request, res: Response) => {
      const file = String(req.params.file ?? '');
      // Plain file names of the folder only: no paths, no dot files.
      if (!/^[a-z0-9][a-z0-9.-]{0,60}$/i.test(file) || file.includes('..') || !CONTENT_TYPES[path.extname(file)])
        return sendError(res, 404, 'NotFound', 'No such file');
      await this.sendFile(res, file);
    });
    server.get('/admin/i18n/:lng', async (req: Request, res: Response) => {
      const lng = String(req.params.lng ?? '').replace(/\.json$/, '');
      if (!(LANGUAGES as readonly string[]).includes(lng)) return sendError(res, 404, 'NotFound', 'Unknown language');
      res.header('Cache-Control', 'no-cache');
      res.send(200, this.i18n.resources(lng as Lang).admin ?? {});
    });
  }

  private async sendFile(res: Response, file: string): Promise<void> {
    let content = this.cache.get(file);
    if (!content) {
      try {
        content = await readFile(path.join(this.publicDir, file));
      } catch {
        return sendError(res, 404, 'NotFound', 'No such file');
      }
      this.cache.set(file, content);
    }
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, content);
  }
}
