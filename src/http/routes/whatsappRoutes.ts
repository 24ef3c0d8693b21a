import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { WhatsAppConfig } from '../../config';
import { requestContextOf } from '../accessLog';
import { answering } from '../errorPolicy';
import { MAX_BODY_BYTES, RouteModule, sendError } from '../server';
import type { Logger } from '../../services/logger';
import type { WhatsAppInboundProcessor } from '../../channels/whatsapp/inboundProcessor';
import { isValidSignature } from '../../channels/whatsapp/signature';
import { parseWebhookText } from '../../channels/whatsapp/webhookPayload';
import { jsonTextDepth, MAX_JSON_DEPTH } from '../jsonDepth';

/** Compares in constant time: digests of equal length, so neither content nor length leaks. */
function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Why a body could not be read: answered as it is, before any signature check. */
interface BodyProblem {
  status: 400 | 413;
  code: string;
  message: string;
}

const TOO_LARGE: BodyProblem = {
  status: 413,
  code: 'PayloadTooLarge',
  message: `the body is larger than ${MAX_BODY_BYTES} bytes`,
};

/** The request's body exactly as sent: the signature covers these bytes, not a re-serialization. */
function readRawBody(req: Request, limit: number): Promise<Buffer | BodyProblem> {
  return new Promise((resolve) => {
    const declared = Number(req.header('content-length'));
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return resolve(TOO_LARGE);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve({ status: 400, code: 'BadRequest', message: 'The body could not be read' }));
  });
}

/** GET /api/whatsapp (Meta's verify handshake) and POST /api/whatsapp (signed webhooks). */
export class WhatsAppRoutes implements RouteModule {
  constructor(
    private readonly config: WhatsAppConfig,
    private readonly processor: WhatsAppInboundProcessor,
    private readonly logger: Logger,
  ) {}

  register(server: Server): void {
    server.get('/api/whatsapp', async (req: Request, res: Response) => {
      const query = (req.query ?? {}) as Record<string, unknown>;
      const token = query['hub.verify_token'];
      const challenge = query['hub.challenge'];
      if (
        query['hub.mode'] === 'subscribe' &&
        sameSecret(token, this.config.verifyToken) &&
        typeof challenge === 'string'
      ) {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.sendRaw(200, challenge);
        return;
      }
      this.logger.warn('WhatsApp verify handshake with a wrong token refused');
      sendError(res, 403, 'Forbidden', 'The verify token does not match');
    });

    server.post(
      '/api/whatsapp',
      answering(async (req: Request, res: Response) => {
        const raw = await readRawBody(req, MAX_BODY_BYTES);
        if (!Buffer.isBuffer(raw)) return sendError(res, raw.status, raw.code, raw.message);
        if (!isValidSignature(this.config.appSecret, raw, req.header('x-hub-signature-256'))) {
          this.logger.warn(
            { configured: this.config.appSecret !== '' },
            'WhatsApp webhook with a missing or wrong signature refused',
          );
          return sendError(res, 401, 'InvalidSignature', 'X-Hub-Signature-256 is missing or does not match the body');
        }
        const text = raw.toString('utf8');
        // Meta redelivers anything that is not 2xx or 4xx; a body that would overflow the stack is a 400.
        if (jsonTextDepth(text) > MAX_JSON_DEPTH)
          return sendError(
            res,
            400,
            'InvalidPayload',
            `Not a WhatsApp webhook: nested deeper than ${MAX_JSON_DEPTH} levels`,
          );
        // Not a webhook: a 400 (WebhookPayloadError); not stored: the error policy's answer, and Meta redelivers.
        const webhook = parseWebhookText(text);
        const customers = await this.processor.accept(webhook).catch((err: unknown) => {
          this.logger.error({ err }, 'WhatsApp webhook not stored; Meta will redeliver');
          throw err;
        });
        res.send(200, { status: 'received' });
        this.processor.kick(customers, requestContextOf(req));
      }),
    );
  }
}
