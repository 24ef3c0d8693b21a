/**
 * The recent lines of each conversation (collection "transcripts", one document per conversation),
 * masked with maskSensitive before they are stored. The handoff copies them into its record so the
 * agent sees what happened before.
 */
import { Connection, Model, Schema } from 'mongoose';
import { maskSensitive } from '../privacy/masking';

export interface TranscriptLine {
  at: Date;
  from: 'customer' | 'bot' | 'agent';
  text: string;
}

interface TranscriptDoc {
  _id: string;
  lines: TranscriptLine[];
  updatedAt: Date;
}

const schema = new Schema<TranscriptDoc>(
  {
    _id: { type: String, required: true },
    lines: [new Schema<TranscriptLine>({ at: Date, from: String, text: String }, { _id: false })],
    updatedAt: Date,
  },
  { versionKey: false, collection: 'transcripts' },
);
schema.index({ updatedAt: 1 }, { expireAfterSeconds: 30 * 24 * 3600 });

/** Longest text kept per line; longer lines are cut, the transcript is a summary aid, not an archive. */
const MAX_LINE = 2000;

/** channelId + ":" + conversation id: the key of a conversation across channels. */
export function conversationKey(channelId: string | undefined, conversationId: string | undefined): string {
  return `${channelId ?? 'unknown'}:${conversationId ?? 'unknown'}`;
}

export class TranscriptStore {
  private readonly model: Model<TranscriptDoc>;

  constructor(
    connection: Connection,
    /** Lines kept per conversation. */
    private readonly keep = 30,
  ) {
    this.model = (connection.models.Transcript as Model<TranscriptDoc> | undefined) ?? connection.model<TranscriptDoc>('Transcript', schema);
  }

  /** Appends lines (masked here, whatever the caller passed) and keeps only the most recent ones. */
  async append(key: string, lines: TranscriptLine[]): Promise<void> {
    const masked = lines
      .filter((l) => l.text.trim() !== '')
      .map((l) => ({ at: l.at, from: l.from, text: maskSensitive(l.text.slice(0, MAX_LINE)) }));
    if (masked.length === 0) return;
    await this.model.updateOne(
      { _id: key },
      { $push: { lines: { $each: masked, $slice: -this.keep } }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
  }

  /** The most recent lines, oldest first. */
  async recent(key: string, limit = this.keep): Promise<TranscriptLine[]> {
    const doc = await this.model.findById(key, { lines: 1 }).lean();
    return (doc?.lines ?? []).slice(-limit).map((l) => ({ at: l.at, from: l.from, text: l.text }));
  }
}
