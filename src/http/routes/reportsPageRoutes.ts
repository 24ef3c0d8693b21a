import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { I18nService, LANGUAGES, Lang } from '../../services/i18n/i18nService';
import { RouteModule, sendError } from '../server';

export const REPORTS_PUBLIC_DIR = path.resolve(__dirname, '../../../public/reports');

const FILES: Record<string, string> = {
  'reports.js': 'application/javascript; charset=utf-8',
  'reports.css': 'text/css; charset=utf-8',
};

/**
 * The desk's reports page for supervisors: GET /agent/reports (also usable as a Teams tab), its
 * script (with chart.js bundled from node_modules at build time) and styles, and its texts (the
 * "reports" namespace with the desk's category names). The page talks only to /api/reports.
 */
export class ReportsPageRoutes implements RouteModule {
  constructor(
    private readonly i18n: I18nService,
    private readonly publicDir = REPORTS_PUBLIC_DIR,
  ) {}

  register(server: Server): void {
    const page = async (_req: Request, res: Response) => this.send(res, 'index.html', 'text/html; charset=utf-8');
    server.get('/agent/reports', page);
    server.get('/agent/reports/', page);
    server.get('/agent/reports/assets/:file', async (req: Request, res: Response) => {
      const file = String(req.params.file ?? '');
      // Only the page's own two files.
      const type = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
      if (!type) return sendError(res, 404, 'NotFound', 'No such file');
      return this.send(res, file, type);
    });
    server.get('/agent/reports/i18n/:lng', async (req: Request, res: Response) => {
      const lng = String(req.params.lng ?? '');
      if (!(LANGUAGES as readonly string[]).includes(lng)) return sendError(res, 404, 'NotFound', 'Unknown language');
      const resources = this.i18n.resources(lng as Lang);
      const agent = resources.agent as Record<string, unknown> | undefined;
      res.header('Cache-Control', 'no-cache');
      res.send(200, { ...(resources.reports ?? {}), category: agent?.category ?? {} });
    });
  }

  private async send(res: Response, file: string, type: string): Promise<void> {
    let body: Buffer;
    try {
      body = await readFile(path.join(this.publicDir, file));
    } catch {
      return sendError(res, 404, 'NotFound', 'No such file');
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, body);
  }
}
