import type { Request, Response } from 'restify';
import { Writable } from 'node:stream';
import { DirectLineExchangeError } from '../../src/channels/directline/errors';
import {
  CustomerServiceWindowClosedError,
  GraphApiError,
  WebhookPayloadError,
} from '../../src/channels/whatsapp/errors';
import { mongo } from 'mongoose';
import {
  answering,
  checkServerErrorsAgainst,
  route,
  sendServiceError,
  unexpectedError,
} from '../../src/http/errorPolicy';
import { AdminForbiddenError } from '../../src/services/admin/errors';
import { UnauthorizedError, ValidationError } from '../../src/services/errors';
import {
  CustomerDeliveryError,
  HandoffConflictError,
  HandoffForbiddenError,
  HandoffNotFoundError,
} from '../../src/services/handoff/errors';
import { createLogger } from '../../src/services/logger';
import { maskingDestination } from '../../src/services/privacy/logMasking';

interface Answer {
  status?: number;
  body?: { error?: { code: string; message: string } };
  headers: Record<string, string>;
}

function response(): { res: Response; answer: Answer } {
  const answer: Answer = { headers: {} };
  const res = {
    send(status: number, body: Answer['body']) {
      answer.status = status;
      answer.body = body;
    },
    header(name: string, value: string) {
      answer.headers[name] = value;
    },
  } as unknown as Response;
  return { res, answer };
}

async function answerTo(error: unknown): Promise<Answer> {
  const { res, answer } = response();
  await (route(async () => Promise.reject(error)) as unknown as (req: Request, res: Response) => Promise<void>)(
    {} as Request,
    res,
  );
  return answer;
}

describe('error policy', () => {
  afterEach(() => checkServerErrorsAgainst(async () => true));

  it('answers 503 for a server error of a database that does not answer its ping, 500 for one that does', async () => {
    // What a database shutting down under a read answers with: an error of its own, no outage named.
    const closing = () => new mongo.MongoServerError({ message: 'This store is closed', code: 0 });
    checkServerErrorsAgainst(async () => false);
    const away = await answerTo(closing());
    expect(away.status).toBe(503);
    expect(away.body?.error?.code).toBe('DatabaseUnavailable');
    checkServerErrorsAgainst(async () => true);
    expect((await answerTo(closing())).status).toBe(500);
    // A bug of ours is never blamed on the database, whatever its ping says.
    checkServerErrorsAgainst(async () => false);
    expect((await answerTo(new TypeError('x is undefined'))).status).toBe(500);
  });

  it('answers each specific error by its base class', async () => {
    expect((await answerTo(new ValidationError('text', 'must not be empty'))).status).toBe(400);
    expect((await answerTo(new HandoffForbiddenError('h1', 'only the assigned agent'))).body?.error).toEqual({
      code: 'Forbidden',
      message: 'only the assigned agent',
    });
    expect((await answerTo(new AdminForbiddenError('questions', 'admins only'))).status).toBe(403);
    expect((await answerTo(new HandoffNotFoundError('h1'))).status).toBe(404);
    expect((await answerTo(new HandoffConflictError('h1', 'claimed by someone else'))).status).toBe(409);
  });

  it('answers a failed delivery with 502 and keeps the upstream details out of the answer', async () => {
    const answer = await answerTo(new CustomerDeliveryError('h1', new Error('Graph API 131047 for +491701234567')));
    expect(answer.status).toBe(502);
    expect(answer.body?.error?.code).toBe('CustomerUnreachable');
    expect(answer.body?.error?.message).not.toContain('131047');
  });

  it("answers the channels' errors by their base classes, with the channel's own codes", async () => {
    expect((await answerTo(new UnauthorizedError('A token is required'))).status).toBe(401);
    expect((await answerTo(new WebhookPayloadError('Unexpected token x'))).body?.error).toEqual({
      code: 'InvalidPayload',
      message: 'Not a WhatsApp webhook: Unexpected token x',
    });
    expect((await answerTo(new CustomerServiceWindowClosedError('4917012345678'))).status).toBe(409);
    const azure = await answerTo(new DirectLineExchangeError(500, 'Azure says: secret expired'));
    expect(azure.status).toBe(503);
    expect(azure.body?.error?.code).toBe('DirectLineUnavailable');
    expect(azure.body?.error?.message).not.toContain('Azure says');
    const graph = await answerTo(new GraphApiError(400, 131047, 'Re-engagement message', 1));
    expect(graph.status).toBe(502);
    expect(graph.body?.error?.message).not.toContain('131047');
  });

  it("gives a handler that answers itself the policy's answer when it throws", async () => {
    const { res, answer } = response();
    const handler = answering(async () => {
      throw new CustomerServiceWindowClosedError('4917012345678');
    }) as unknown as (req: Request, res: Response) => Promise<void>;
    await handler({} as Request, res);
    expect(answer.status).toBe(409);
    expect(answer.body?.error?.code).toBe('Conflict');
  });

  it('answers anything unexpected with a bare 500 and hands the error to the log', async () => {
    const { res, answer } = response();
    const bug = new TypeError('cannot read properties of undefined');
    sendServiceError(res, bug);
    expect(answer.status).toBe(500);
    expect(answer.body?.error?.message).toBe('Internal error');
    expect(unexpectedError(res)).toBe(bug);
  });

  it('sets the cache header on successful answers only', async () => {
    const { res, answer } = response();
    await (
      route(async () => [200, { ok: true }], { cacheControl: 'no-store' }) as unknown as (
        req: Request,
        res: Response,
      ) => Promise<void>
    )({} as Request, res);
    expect(answer).toEqual({ status: 200, body: { ok: true }, headers: { 'Cache-Control': 'no-store' } });
  });

  it("logs errors with type, message, stack and cause, never an HTTP client's credentials", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const failure = Object.assign(new Error('request failed with 401', { cause: new Error('token expired') }), {
      statusCode: 401,
      request: { headers: { authorization: 'Bearer abc.def.ghi' } },
      accessToken: 'abc.def.ghi',
    });
    createLogger('info', sink).error({ err: new CustomerDeliveryError('h1', failure) }, 'delivery failed');
    const logged = JSON.parse(lines[0]) as { err: Record<string, unknown> };
    expect(logged.err.type).toBe('CustomerDeliveryError');
    expect(logged.err.handoffId).toBe('h1');
    expect(String(logged.err.stack)).toContain('errorPolicy.test');
    expect(String(logged.err.message)).toContain('request failed with 401');
    expect(JSON.stringify(logged.err.cause)).toContain('token expired');
    expect((logged.err.cause as Record<string, unknown>).statusCode).toBe(401);
    expect(lines[0]).not.toContain('abc.def.ghi');
  });

  it('masks phone numbers in a logged error: its message, stack and own properties', () => {
    const lines: string[] = [];
    const sink = { write: (line: string) => lines.push(line) };
    const logger = createLogger('info', maskingDestination(sink));
    logger.warn({ err: new CustomerServiceWindowClosedError('4917012345678') }, 'nothing sent');
    const logged = JSON.parse(lines[0]) as { err: Record<string, unknown> };
    expect(logged.err.type).toBe('CustomerServiceWindowClosedError');
    expect(String(logged.err.waId)).toMatch(/^49\*+78$/);
    expect(lines[0]).not.toContain('4917012345678');
  });
});
