import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { answering } from '../errorPolicy';
import { RouteModule, sendError } from '../server';
import type { AzureDirectLineTokenExchange } from '../../channels/directline/azureTokenExchange';
import type { I18nService, Lang } from '../../services/i18n/i18nService';
import type { Logger } from '../../services/logger';

export const PUBLIC_DIR = path.resolve(__dirname, '../../../public');

export interface Identity {
  companyName: string;
  botName: string;
}

/** Web Chat's UMD bundle in node_modules; the package's export map hides dist/, so go via its entry. */
function webChatBundlePath(): string {
  const entry = require.resolve('botframework-webchat');
  return path.join(
    entry.slice(0, entry.lastIndexOf(`${path.sep}botframework-webchat${path.sep}`)),
    'botframework-webchat',
    'dist',
    'webchat.js',
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Static assets of the page, read once: small, and shipped with the service. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/webchat/app.js': { file: 'webchat/app.js', type: 'application/javascript; charset=utf-8' },
  '/webchat/app.css': { file: 'webchat/app.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

/**
 * The customer web page at `/`: Microsoft's Web Chat, served from node_modules (no CDN), in German,
 * branded with the company's name. Without an Azure secret it talks to our own Direct Line; with
 * one, POST /api/webchat/token trades the secret for a token on the server.
 */
export class WebChatRoutes implements RouteModule {
  private readonly template = readFileSync(path.join(PUBLIC_DIR, 'index.html'), 'utf8');
  private readonly assets = new Map(
    Object.entries(ASSETS).map(([route, a]) => [
      route,
      { body: readFileSync(path.join(PUBLIC_DIR, a.file)), type: a.type },
    ]),
  );
  private readonly webChatBundle = webChatBundlePath();
  private bundle?: Buffer;

  constructor(
    private readonly identity: () => Promise<Identity>,
    private readonly i18n: I18nService,
    private readonly azure: AzureDirectLineTokenExchange,
    private readonly logger: Logger,
    /** Links in the page's footer (IMPRINT_URL, PRIVACY_URL); empty: not shown. */
    private readonly links: { imprintUrl: string; privacyUrl: string } = { imprintUrl: '', privacyUrl: '' },
  ) {}

  register(server: Server): void {
    server.get('/', async (req: Request, res: Response) => {
      const html = await this.render(pageLanguage(req.header('accept-language')));
      res.setHeader('Vary', 'Accept-Language');
      if (this.azure.configured) this.allowAzureDirectLine(res);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.sendRaw(200, html);
    });
    for (const [route, asset] of this.assets) {
      server.get(route, async (_req: Request, res: Response) => {
        res.setHeader('Content-Type', asset.type);
        res.setHeader('Cache-Control', 'public, max-age=300');
        res.sendRaw(200, asset.body);
      });
    }
    server.get('/vendor/webchat.js', async (_req: Request, res: Response) => {
      this.bundle ??= readFileSync(this.webChatBundle);
      res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.sendRaw(200, this.bundle);
    });
    server.post(
      '/api/webchat/token',
      answering(async (_req: Request, res: Response) => {
        if (!this.azure.configured)
          return sendError(
            res,
            404,
            'NotConfigured',
            'This service uses its own Direct Line endpoint: POST /v3/directline/tokens/generate',
          );
        res.setHeader('Cache-Control', 'no-store');
        // A DirectLineExchangeError: 503 DirectLineUnavailable, Azure's answer only in the log.
        const token = await this.azure.generate().catch((err: unknown) => {
          this.logger.error({ err }, 'Direct Line token exchange failed');
          throw err;
        });
        res.send(200, token);
      }),
    );
  }

  /** With Azure Direct Line the page must reach Azure (HTTPS polling and its WebSocket stream). */
  private allowAzureDirectLine(res: Response): void {
    const policy = res.getHeader('Content-Security-Policy');
    if (typeof policy !== 'string') return;
    const host = new URL(this.azure.domain).host;
    res.setHeader(
      'Content-Security-Policy',
      policy.replace("connect-src 'self'", `connect-src 'self' https://${host} wss://${host}`),
    );
  }

  private async render(lang: Lang): Promise<string> {
    const { companyName, botName } = await this.identity();
    const t = this.i18n.t(lang);
    const { imprintUrl, privacyUrl } = this.links;
    const vars = { company: companyName, bot: botName };
    const local = !this.azure.configured;
    const values: Record<string, string> = {
      lang,
      locale: lang === 'en' ? 'en-US' : 'de-DE',
      imprint: t('channels:web.imprint'),
      privacyPolicy: t('channels:web.privacyPolicy'),
      imprintUrl,
      privacyUrl,
      imprintHidden: imprintUrl ? '' : ' hidden',
      privacyHidden: privacyUrl ? '' : ' hidden',
      linksHidden: imprintUrl || privacyUrl ? '' : ' hidden',
      title: t('channels:web.title', vars),
      heading: t('channels:web.heading', vars),
      intro: t('channels:web.intro', vars),
      chatLabel: t('channels:web.chatLabel', vars),
      loading: t('channels:web.loading'),
      unavailable: t('channels:web.unavailable'),
      noscript: t('channels:web.noscript'),
      privacy: t('channels:web.privacy'),
      restart: t('channels:web.restart'),
      botInitials: t('channels:web.botInitials'),
      userInitials: t('channels:web.userInitials'),
      company: companyName,
      mode: local ? 'local' : 'azure',
      tokenUrl: local ? '/v3/directline/tokens/generate' : '/api/webchat/token',
      domain: local ? '' : this.azure.domain,
    };
    return this.template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => escapeHtml(values[key] ?? ''));
  }
}

/** German unless the browser prefers English to German ("en-GB,en;q=0.9,de;q=0.8" -> en). */
export function pageLanguage(acceptLanguage: string | undefined): Lang {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((r) => r.primary === 'de' || r.primary === 'en')
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.primary === 'en' ? 'en' : 'de';
}
