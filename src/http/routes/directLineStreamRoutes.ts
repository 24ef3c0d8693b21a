import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Request, Server } from 'restify';
import WebSocket from 'ws';
import type { DirectLineStreams } from '../../channels/directline/directLineStreams';
import type { DirectLineTokens } from '../../channels/directline/tokenService';
import type { Logger } from '../../services/logger';
import type { RouteModule } from '../server';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,128})\/stream$/;

/** Builds the stream URL handed out with a token or conversation. */
export interface StreamUrls {
  streamUrl(req: Request, conversationId: string, userId: string, watermark: number): Promise<string>;
}

export interface StreamRouteOptions {
  /** PUBLIC_URL: an https one means the service is reached through TLS, so the stream is wss. */
  publicUrl: string;
  /** Believe X-Forwarded-Proto (a proxy in front that is trusted, TRUST_PROXY). */
  trustForwardedProto: boolean;
}

/**
 * `GET /v3/directline/conversations/{id}/stream?watermark=…&t=…` as a WebSocket upgrade: the
 * ticket in `t` (short-lived, one conversation) is checked before the upgrade, then the
 * conversation's stream serves the socket. The stream URL is absolute, as Direct Line clients
 * expect, on the host the client called.
 */
export class DirectLineStreamRoutes implements RouteModule, StreamUrls {
  // Clients only send empty keep-alive messages; nothing bigger is read.
  private readonly sockets = new WebSocket.Server({ noServer: true, maxPayload: 1024 });

  constructor(
    private readonly tokens: DirectLineTokens,
    private readonly streams: DirectLineStreams,
    private readonly logger: Logger,
    private readonly options: StreamRouteOptions,
  ) {}

  register(server: Server): void {
    server.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      this.upgrade(req, socket, head).catch((err: unknown) => {
        this.logger.error({ err }, 'Direct Line stream upgrade failed');
        refuse(socket, 500);
      });
    });
  }

  async streamUrl(req: Request, conversationId: string, userId: string, watermark: number): Promise<string> {
    const ticket = await this.tokens.issueStreamTicket(conversationId, userId);
    const path = `/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream`;
    return `${this.origin(req)}${path}?watermark=${watermark}&t=${ticket}`;
  }

  private origin(req: Request): string {
    const publicUrl = new URL(this.options.publicUrl);
    const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim();
    const secure =
      (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true ||
      publicUrl.protocol === 'https:' ||
      (this.options.trustForwardedProto && forwarded === 'https');
    const host = typeof req.headers.host === 'string' && req.headers.host !== '' ? req.headers.host : publicUrl.host;
    return `${secure ? 'wss' : 'ws'}://${host}`;
  }

  private async upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stream.invalid');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404);
    const conversationId = match[1];
    const claims = await this.tokens
      .verifyStreamTicket(url.searchParams.get('t') ?? '', conversationId)
      .catch(() => undefined);
    if (!claims) return refuse(socket, 403);
    const raw = url.searchParams.get('watermark') ?? '';
    const watermark = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    this.sockets.handleUpgrade(req, socket, head, (ws) => this.streams.attach(ws, claims.conversationId, watermark));
  }
}

/** Answers a refused upgrade with a plain HTTP status and hangs up. */
function refuse(socket: Socket, status: 403 | 404 | 500): void {
  if (socket.destroyed) return;
  const text = { 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
