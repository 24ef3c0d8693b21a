import type { Request, Response, Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { DirectLineActivityStore } from '../../channels/directline/activityStore';
import type { DirectLineAdapter } from '../../channels/directline/directLineAdapter';
import { boundaryOf, parseMultipart } from '../../channels/directline/multipart';
import type { DirectLineTokens } from '../../channels/directline/tokenService';
import { FileRejectedError } from '../../services/files/errors';
import type { FileStore, StoredFile } from '../../services/files/fileStore';
import { underRequest } from '../../services/requestContext';
import { conversationKey } from '../../services/transcript/transcriptStore';
import { requestContextOf } from '../accessLog';
import { answering } from '../errorPolicy';
import { readLimited } from '../readBody';
import { RouteModule, sendError } from '../server';
import { clientKeyOf, sanitize } from './directLineRoutes';

/** At most this many files in one message (Web Chat lets the customer pick several). */
const MAX_FILES = 5;

/**
 * POST /v3/directline/conversations/{id}/upload: a message with files, as Microsoft's Direct Line
 * client and Web Chat's upload button send it (multipart: the activity, then the files). Each file
 * is checked and kept like a WhatsApp one; the message then runs as a turn that carries them.
 */
export class DirectLineUploadRoutes implements RouteModule {
  constructor(
    private readonly adapter: DirectLineAdapter,
    private readonly store: DirectLineActivityStore,
    private readonly tokens: DirectLineTokens,
    private readonly bot: { run(context: TurnContext): Promise<void> },
    private readonly files: FileStore,
    private readonly maxBytes: number,
  ) {}

  register(server: Server): void {
    server.post(
      '/v3/directline/conversations/:conversationId/upload',
      answering(async (req: Request, res: Response) => {
        const claims = await this.tokens.verify(req.header('authorization'), {
          conversationId: String(req.params.conversationId),
        });
        const boundary = boundaryOf(req.header('content-type'));
        if (!boundary) return sendError(res, 400, 'InvalidUpload', 'the body must be multipart/form-data');
        const body = await readLimited(req, this.maxBytes * MAX_FILES + 64 * 1024);
        if (!body) return sendError(res, 413, 'FileRejected', `at most ${MAX_FILES} files of ${this.maxBytes} bytes`);
        const parts = parseMultipart(body, boundary);
        const activityPart = parts.find((p) => p.name === 'activity');
        const fileParts = parts.filter((p) => p.name !== 'activity' && p.data.length > 0);
        if (fileParts.length === 0 || fileParts.length > MAX_FILES)
          return sendError(res, 400, 'InvalidUpload', `a message with 1 to ${MAX_FILES} files is expected`);
        let raw: unknown = { type: 'message' };
        try {
          if (activityPart) raw = JSON.parse(activityPart.data.toString('utf8'));
        } catch {
          return sendError(res, 400, 'InvalidActivity', 'the activity part must be JSON');
        }
        const { attachments: _attachments, ...withoutAttachments } = (raw ?? {}) as Record<string, unknown>;
        const activity = sanitize(withoutAttachments);
        if (typeof activity === 'string') return sendError(res, 400, 'InvalidActivity', activity);
        if (!(await this.store.exists(claims.conversationId)))
          return sendError(res, 404, 'NotFound', 'The conversation does not exist');
        const stored: StoredFile[] = [];
        try {
          for (const part of fileParts)
            stored.push(
              await this.files.put({
                data: part.data,
                name: part.filename,
                conversationKey: conversationKey('directline', claims.conversationId),
              }),
            );
        } catch (err) {
          if (err instanceof FileRejectedError) return sendError(res, 400, 'FileRejected', err.message);
          throw err;
        }
        const id = await this.adapter.receive(
          claims.conversationId,
          claims.userId,
          {
            ...activity,
            type: 'message',
            // What the customer's own bubble shows: the caption, or the names of the files.
            text: activity.text?.trim() ? activity.text : stored.map((f) => `📎 ${f.name}`).join('\n'),
            channelData: { ...(activity.channelData ?? {}), files: stored },
          },
          underRequest(requestContextOf(req), (context) => {
            // The turn sees only the caption; the files travel in channelData.
            context.activity.text = activity.text ?? '';
            return this.bot.run(context);
          }),
          clientKeyOf(raw),
        );
        res.send(200, { id });
      }),
    );
  }
}
