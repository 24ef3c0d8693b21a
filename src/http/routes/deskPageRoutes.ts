import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { I18nService, LANGUAGES, Lang } from '../../services/i18n/i18nService';
import { RouteModule, sendError } from '../server';

const PUBLIC_ROOT = path.resolve(__dirname, '../../../public');

/** One page of the desk besides the desk itself (reports, training): what differs between them. */
export interface DeskPage {
  /** The path segment under /agent and the folder under public/: its files are `<name>.js` and `<name>.css`. */
  name: string;
  /** The page's texts in one language. */
  texts: (resources: Record<string, unknown>) => unknown;
}

/** The reports page for supervisors: the "reports" namespace with the desk's category names. */
export const REPORTS_PAGE: DeskPage = {
  name: 'reports',
  texts: (resources) => {
    const agent = resources.agent as Record<string, unknown> | undefined;
    return { ...((resources.reports as object | undefined) ?? {}), category: agent?.category ?? {} };
  },
};

/** The training page (the call center's Einschulung): the "training" namespace. */
export const TRAINING_PAGE: DeskPage = { name: 'training', texts: (resources) => resources.training ?? {} };

/**
 * A page of the desk: GET /agent/<name> (also usable as a Teams tab), its script and styles built
 * into public/<name>, and its texts at /agent/<name>/i18n/<lng>. The pages talk only to the API.
 */
export class DeskPageRoutes implements RouteModule {
  private readonly files: Record<string, string>;

  constructor(
    private readonly i18n: I18nService,
    private readonly page: DeskPage,
    private readonly publicDir = path.join(PUBLIC_ROOT, page.name),
  ) {
    this.files = {
      [`${page.name}.js`]: 'application/javascript; charset=utf-8',
      [`${page.name}.css`]: 'text/css; charset=utf-8',
    };
  }

  register(server: Server): void {
    const base = `/agent/${this.page.name}`;
    const index = async (_req: Request, res: Response) => this.send(res, 'index.html', 'text/html; charset=utf-8');
    server.get(base, index);
    server.get(`${base}/`, index);
    server.get(`${base}/assets/:file`, async (req: Request, res: Response) => {
      const file = String(req.params.file ?? '');
      // Only the page's own two files.
      const type = Object.hasOwn(this.files, file) ? this.files[file] : undefined;
      if (!type) return sendError(res, 404, 'NotFound', 'No such file');
      return this.send(res, file, type);
    });
    server.get(`${base}/i18n/:lng`, async (req: Request, res: Response) => {
      const lng = String(req.params.lng ?? '');
      if (!(LANGUAGES as readonly string[]).includes(lng)) return sendError(res, 404, 'NotFound', 'Unknown language');
      res.header('Cache-Control', 'no-cache');
      res.send(200, this.page.texts(this.i18n.resources(lng as Lang) as Record<string, unknown>));
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
