import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { RouteModule, sendError } from '../server';
import { I18nService, LANGUAGES, Lang } from '../../services/i18n/i18nService';

export const AGENT_PUBLIC_DIR = path.resolve(__dirname, '../../../public/agent');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

function teamsJsPath(): string {
  return require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');
}

/**
 * The agent desk page (GET /agent, also the Teams tab): its HTML, scripts and styles from
 * public/agent, the Teams JS SDK from node_modules (no CDN), and the desk's texts from the
 * "agent" locale namespace. The page itself talks only to the handoff API.
 */
export class AgentDeskRoutes implements RouteModule {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly i18n: I18nService,
    private readonly publicDir = AGENT_PUBLIC_DIR,
    /** Files are read once and kept; tests and development may turn that off. */
    private readonly cacheFiles = true,
  ) {}

  register(server: Server): void {
    const page = async (_req: Request, res: Response) => this.sendFile(res, path.join(this.publicDir, 'index.html'));
    server.get('/agent', page);
    server.get('/agent/', page);
    server.get('/agent/assets/:file', async (req: Request, res: Response) => {
      const file = String(req.params.file ?? '');
      // Only plain file names from the folder itself: no paths, no dot files.
      if (!/^[a-z0-9][a-z0-9.-]{0,60}$/i.test(file) || file.includes('..') || !CONTENT_TYPES[path.extname(file)]) {
        return sendError(res, 404, 'NotFound', 'No such file');
      }
      await this.sendFile(res, path.join(this.publicDir, file));
    });
    server.get('/agent/vendor/teams.js', async (_req: Request, res: Response) =>
      this.sendFile(res, teamsJsPath(), 'application/javascript; charset=utf-8'),
    );
    server.get('/agent/i18n/:lng', async (req: Request, res: Response) => {
      const lng = String(req.params.lng ?? '').replace(/\.json$/, '');
      if (!(LANGUAGES as readonly string[]).includes(lng)) return sendError(res, 404, 'NotFound', 'Unknown language');
      res.header('Cache-Control', 'no-cache');
      res.send(200, this.i18n.resources(lng as Lang).agent ?? {});
    });
  }

  private async sendFile(res: Response, file: string, contentType?: string): Promise<void> {
    let body = this.cache.get(file);
    if (!body) {
      try {
        body = await readFile(file);
      } catch {
        return sendError(res, 404, 'NotFound', 'No such file');
      }
      if (this.cacheFiles) this.cache.set(file, body);
    }
    res.setHeader('Content-Type', contentType ?? CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, body);
  }
}
