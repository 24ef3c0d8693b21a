import { Connection, Model, Schema } from 'mongoose';
import type { ReplyAssessment } from './replyFeedback';

export interface TrainingTurn {
  role: 'customer' | 'agent';
  text: string;
  at: Date;
  /** Agent turns only. */
  assessment?: ReplyAssessment;
}

export type TrainingOutcome = 'calmed' | 'escalated' | 'timeout';

export interface TrainingSessionDoc {
  _id: string;
  scenario: string;
  /** Who practises: an API principal id, or "teams:<aad id>" for a personal chat. */
  owner: string;
  /** The Teams personal chat the session runs in, if any. */
  conversationId?: string;
  mood: number;
  turns: TrainingTurn[];
  done: boolean;
  outcome?: TrainingOutcome;
  createdAt: Date;
  updatedAt: Date;
}

const turnSchema = new Schema<TrainingTurn>(
  {
    role: { type: String, required: true, enum: ['customer', 'agent'] },
    text: { type: String, required: true },
    at: { type: Date, required: true },
    assessment: { type: Schema.Types.Mixed },
  },
  { _id: false },
);

const sessionSchema = new Schema<TrainingSessionDoc>(
  {
    _id: { type: String, required: true },
    scenario: { type: String, required: true },
    owner: { type: String, required: true },
    conversationId: { type: String },
    mood: { type: Number, required: true },
    turns: { type: [turnSchema], default: [] },
    done: { type: Boolean, required: true, default: false },
    outcome: { type: String, enum: ['calmed', 'escalated', 'timeout'] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // Its own collection: practice never shows up among real handoffs, queues or reports.
  { versionKey: false, collection: 'trainingsessions' },
);
sessionSchema.index({ conversationId: 1, done: 1 }, { sparse: true });
// Practice transcripts are kept for a month, then removed by MongoDB.
sessionSchema.index({ updatedAt: 1 }, { expireAfterSeconds: 30 * 86_400 });

export function trainingModel(connection: Connection): Model<TrainingSessionDoc> {
  return (
    (connection.models.TrainingSession as Model<TrainingSessionDoc> | undefined) ??
    connection.model<TrainingSessionDoc>('TrainingSession', sessionSchema)
  );
}
