import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { requestContextOf } from '../accessLog';
import { answering } from '../errorPolicy';
import { jsonBody, RouteModule, sendError } from '../server';
import type { DirectLineActivityStore } from '../../channels/directline/activityStore';
import { DirectLineAdapter } from '../../channels/directline/directLineAdapter';
import type { DirectLineTokens, IssuedToken } from '../../channels/directline/tokenService';
import type { StreamUrls } from './directLineStreamRoutes';
import { underRequest } from '../../services/requestContext';

export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

const ACCEPTED_TYPES = new Set(['message', 'event', 'typing']);
const MAX_TEXT = 5000;

/** What a browser may put into an activity; everything else (from, conversation, ids) is ours. */
export function sanitize(body: unknown): Partial<Activity> | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be an activity object';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !ACCEPTED_TYPES.has(a.type)) return 'type must be message, event or typing';
  if (a.text !== undefined && (typeof a.text !== 'string' || a.text.length > MAX_TEXT))
    return `text must be a string of at most ${MAX_TEXT} characters`;
  for (const key of ['locale', 'localTimezone', 'name', 'textFormat', 'replyToId']) {
    if (a[key] !== undefined && (typeof a[key] !== 'string' || (a[key] as string).length > 200))
      return `${key} must be a short string`;
  }
  if (
    a.channelData !== undefined &&
    (typeof a.channelData !== 'object' || a.channelData === null || Array.isArray(a.channelData))
  )
    return 'channelData must be an object';
  if (a.attachments !== undefined && (!Array.isArray(a.attachments) || a.attachments.length > 0))
    return 'attachments are not supported';
  if (a.id !== undefined && (typeof a.id !== 'string' || a.id.length > 200)) return 'id must be a short string';
  const from = typeof a.from === 'object' && a.from !== null ? (a.from as Record<string, unknown>) : {};
  return {
    type: a.type,
    text: a.text as string | undefined,
    textFormat: a.textFormat as string | undefined,
    locale: a.locale as string | undefined,
    localTimestamp: typeof a.localTimestamp === 'string' ? new Date(a.localTimestamp) : undefined,
    localTimezone: a.localTimezone as string | undefined,
    name: a.name as string | undefined,
    value: a.value,
    replyToId: a.replyToId as string | undefined,
    // Files are the channel's to name (the upload route sets them), never the page's.
    channelData: a.channelData ? withoutFiles(a.channelData as Record<string, unknown>) : undefined,
    from: { id: '', name: typeof from.name === 'string' ? from.name.slice(0, 100) : '' },
  };
}

function withoutFiles(channelData: Record<string, unknown>): Record<string, unknown> {
  const { files: _files, ...rest } = channelData;
  return rest;
}

/**
 * What makes a post the same post again: Web Chat's clientActivityID, or an id the client chose.
 * Only a short string counts; anything else is no key, and the post is simply stored.
 */
export function clientKeyOf(body: unknown): string | undefined {
  const a = body as { id?: unknown; channelData?: { clientActivityID?: unknown } };
  const key = a.channelData?.clientActivityID ?? a.id;
  return typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : undefined;
}

export function watermarkOf(raw: unknown): number | undefined {
  // Direct Line JS polls with an empty watermark first: that means "from the start".
  if (raw === undefined || raw === '' || raw === null) return 0;
  if (typeof raw === 'string' && /^\d{1,9}$/.test(raw)) return Number(raw);
  return undefined;
}

/**
 * The local Direct Line 3.0 subset Web Chat needs: tokens (generate, refresh), conversations
 * (start, resume) with a stream URL, posting activities and polling them with a watermark; the
 * stream itself is DirectLineStreamRoutes. Used when no Azure Direct Line secret is configured.
 */
export class DirectLineRoutes implements RouteModule {
  constructor(
    private readonly adapter: DirectLineAdapter,
    private readonly store: DirectLineActivityStore,
    private readonly tokens: DirectLineTokens,
    private readonly bot: TurnRunner,
    private readonly streams: StreamUrls,
  ) {}

  register(server: Server): void {
    const base = '/v3/directline';
    // Token problems are DirectLineTokenMissingError (401) and DirectLineAuthError (403): the error policy answers.
    server.post(
      `${base}/tokens/generate`,
      answering(async (req: Request, res: Response) => {
        const conversationId = DirectLineAdapter.newConversationId();
        const userId = `dl_${randomUUID()}`;
        res.send(200, await this.answer(req, await this.tokens.issue(conversationId, userId), userId, true));
      }),
    );

    server.post(
      `${base}/tokens/refresh`,
      answering(async (req: Request, res: Response) => {
        const claims = await this.tokens.verify(req.header('authorization'), { forRefresh: true });
        const issued = await this.tokens.issue(claims.conversationId, claims.userId, claims.started);
        res.send(200, await this.answer(req, issued, claims.userId, true));
      }),
    );

    server.post(
      `${base}/conversations`,
      jsonBody,
      answering(async (req: Request, res: Response) => {
        const claims = await this.tokens.verify(req.header('authorization'));
        const body = (req.body ?? {}) as { locale?: unknown };
        const locale = typeof body.locale === 'string' && body.locale.length <= 20 ? body.locale : undefined;
        const created = await this.start(req, claims.conversationId, claims.userId, locale);
        const issued = await this.tokens.issue(claims.conversationId, claims.userId, claims.started);
        res.send(created ? 201 : 200, {
          ...(await this.answer(req, issued, claims.userId, false)),
          referenceGrammarId: '',
        });
      }),
    );

    // Resuming after a reload or a lost stream: Direct Line JS asks for the conversation it knows
    // with the last watermark it saw, and opens the stream URL it gets, which resumes after it.
    server.get(
      `${base}/conversations/:conversationId`,
      answering(async (req: Request, res: Response) => {
        const claims = await this.tokens.verify(req.header('authorization'), {
          conversationId: String(req.params.conversationId),
        });
        const watermark = watermarkOf((req.query as Record<string, unknown> | undefined)?.watermark) ?? 0;
        await this.start(req, claims.conversationId, claims.userId, undefined);
        const issued = await this.tokens.issue(claims.conversationId, claims.userId, claims.started);
        res.send(200, await this.answer(req, issued, claims.userId, false, watermark));
      }),
    );

    server.post(
      `${base}/conversations/:conversationId/activities`,
      jsonBody,
      answering(async (req: Request, res: Response) => {
        const claims = await this.tokens.verify(req.header('authorization'), {
          conversationId: String(req.params.conversationId),
        });
        const activity = sanitize(req.body);
        if (typeof activity === 'string') return sendError(res, 400, 'InvalidActivity', activity);
        // A message is appended next: the existence check can be the write that append makes anyway.
        if (!(await this.store.exists(claims.conversationId, activity.type !== 'typing')))
          return sendError(res, 404, 'NotFound', 'The conversation does not exist');
        // Typing is passed on to whoever listens (never stored, never a turn).
        if (activity.type === 'typing') {
          this.adapter.customerTyping(claims.conversationId, claims.userId);
          return res.send(200, { id: '' });
        }
        const id = await this.adapter.receive(
          claims.conversationId,
          claims.userId,
          activity,
          underRequest(requestContextOf(req), (context) => this.bot.run(context)),
          clientKeyOf(req.body),
        );
        res.send(200, { id });
      }),
    );

    server.get(
      `${base}/conversations/:conversationId/activities`,
      answering(async (req: Request, res: Response) => {
        const claims = await this.tokens.verify(req.header('authorization'), {
          conversationId: String(req.params.conversationId),
        });
        const watermark = watermarkOf((req.query as Record<string, unknown> | undefined)?.watermark);
        if (watermark === undefined) return sendError(res, 400, 'InvalidWatermark', 'watermark must be a whole number');
        const page = await this.store.list(claims.conversationId, watermark);
        res.send(200, { activities: page.activities, watermark: String(page.watermark) });
      }),
    );
  }

  /** A token answer with its stream URL (and the user id where the page needs it). */
  private async answer(req: Request, issued: IssuedToken, userId: string, withUserId: boolean, watermark = 0) {
    return {
      ...issued,
      ...(withUserId ? { userId } : {}),
      streamUrl: await this.streams.streamUrl(req, issued.conversationId, userId, watermark),
    };
  }

  /** Creates the conversation on first sight and lets the bot greet; false if it existed. */
  private async start(
    req: Request,
    conversationId: string,
    userId: string,
    locale: string | undefined,
  ): Promise<boolean> {
    const created = await this.store.create(conversationId, userId);
    if (created)
      await this.adapter.startConversation(
        conversationId,
        userId,
        locale,
        underRequest(requestContextOf(req), (context) => this.bot.run(context)),
      );
    return created;
  }
}
