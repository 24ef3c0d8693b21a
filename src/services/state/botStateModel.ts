import { Connection, Model, Schema } from 'mongoose';

/** Property under which MongoStorage hands a conversation's handoff mark to the turn (never saved from there). */
export const HANDOFF_MARK_FIELD = 'handoffMark';

/** "This conversation may have an open handoff": see HandoffMarks. */
export interface HandoffMark {
  token: string;
  at: Date;
}

export interface StateDoc {
  _id: string;
  /** The state serialized as JSON, like botbuilder's MemoryStorage, so keys with "." or "$" are safe. */
  data?: string;
  eTag?: string;
  updatedAt: Date;
  /** Set by the handoff queue, outside the eTag: see HandoffMarks. */
  handoffMark?: HandoffMark;
}

const stateSchema = new Schema<StateDoc>(
  {
    _id: { type: String, required: true },
    data: { type: String },
    eTag: { type: String },
    updatedAt: { type: Date, required: true },
    handoffMark: { type: Object },
  },
  { versionKey: false, collection: 'botstate' },
);
stateSchema.index({ updatedAt: 1 });

/** The botstate model on a connection (also used by HandoffMarks). */
export function botStateModel(connection: Connection): Model<StateDoc> {
  return (
    (connection.models.BotState as Model<StateDoc> | undefined) ?? connection.model<StateDoc>('BotState', stateSchema)
  );
}
