import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { I18nService, LANGUAGES, Lang } from '../../services/i18n/i18nService';
import { RouteModule, sendError } from '../server';

export const TRAINING_PUBLIC_DIR = path.resolve(__dirname, '../../../public/training');

const FILES: Record<string, string> = {
  'training.js': 'application/javascript; charset=utf-8',
  'training.css': 'text/css; charset=utf-8',
};

/**
 * The desk's training page: GET /agent/training (also a Teams tab), its script and styles, and the
 * "training" locale namespace. The page talks only to /api/training.
 */
export class TrainingPageRoutes implements RouteModule {
  constructor(
    private readonly i18n: I18nService,
    private readonly publicDir = TRAINING_PUBLIC_DIR,
  ) {}

  register(server: Server): void {
    const page = async (_req: Request, res: Response) => this.send(res, 'index.html', 'text/html; charset=utf-8');
    server.get('/agent/training', page);
    server.get('/agent/training/', page);
    server.get('/agent/training/assets/:file', async (req: Request, res: Response) => {
      const file = String(req.params.file ?? '');
      // Only the page's own two files.
      const type = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
      if (!type) return sendError(res, 404, 'NotFound', 'No such file');
      return this.send(res, file, type);
    });
    server.get('/agent/training/i18n/:lng', async (req: Request, res: Response) => {
      const lng = String(req.params.lng ?? '');
      if (!(LANGUAGES as readonly string[]).includes(lng)) return sendError(res, 404, 'NotFound', 'Unknown language');
      res.header('Cache-Control', 'no-cache');
      res.send(200, this.i18n.resources(lng as Lang).training ?? {});
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
