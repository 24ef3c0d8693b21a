import type { ConversationReference } from 'botbuilder';
import { Connection, Model, Schema } from 'mongoose';

/** Where the bot was installed: the agents' channel that new handoff cards go to. */
export interface AgentsChannel {
  /** Teams channel id (19:...@thread.tacv2); for the General channel the same as the team id. */
  channelId: string;
  teamId: string;
  teamName?: string;
  channelName?: string;
  tenantId?: string;
  serviceUrl: string;
  /** Conversation reference of the channel conversation, used to open a proactive turn. */
  reference: Partial<ConversationReference>;
  updatedAt: Date;
}

interface TeamsChannelDoc extends Omit<AgentsChannel, 'channelId'> {
  _id: string;
  active: boolean;
  installedAt: Date;
}

const schema = new Schema<TeamsChannelDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    teamName: String,
    channelName: String,
    tenantId: String,
    serviceUrl: { type: String, required: true },
    reference: { type: Schema.Types.Mixed, required: true },
    active: { type: Boolean, required: true },
    installedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'teamschannels', minimize: false },
);
schema.index({ active: 1, updatedAt: -1 });
schema.index({ teamId: 1 });

/**
 * Remembers the agents' channel from the install `conversationUpdate` (channelData.team). The most
 * recently installed or chosen active channel receives the cards; uninstalling forgets the team.
 */
export class TeamsChannelStore {
  private readonly model: Model<TeamsChannelDoc>;

  /** teamId: only that team's channel receives cards (installs elsewhere were refused, older ones are ignored). */
  constructor(
    connection: Connection,
    private readonly teamId?: string,
  ) {
    this.model =
      (connection.models.TeamsChannel as Model<TeamsChannelDoc> | undefined) ??
      connection.model<TeamsChannelDoc>('TeamsChannel', schema);
  }

  async remember(channel: Omit<AgentsChannel, 'updatedAt'>, now = new Date()): Promise<void> {
    const { channelId, ...rest } = channel;
    await this.model.updateOne(
      { _id: channelId },
      { $set: { ...rest, active: true, updatedAt: now }, $setOnInsert: { installedAt: now } },
      { upsert: true },
    );
  }

  /** The channel new handoffs are posted to, or undefined while the bot is not installed anywhere. */
  async current(): Promise<AgentsChannel | undefined> {
    const doc = await this.model
      .findOne(this.teamId === undefined ? { active: true } : { active: true, teamId: this.teamId })
      .sort({ updatedAt: -1 })
      .lean();
    return doc ? toChannel(doc) : undefined;
  }

  async forgetTeam(teamId: string): Promise<void> {
    await this.model.updateMany({ teamId }, { $set: { active: false, updatedAt: new Date() } });
  }
}

function toChannel(doc: TeamsChannelDoc): AgentsChannel {
  return {
    channelId: doc._id,
    teamId: doc.teamId,
    teamName: doc.teamName,
    channelName: doc.channelName,
    tenantId: doc.tenantId,
    serviceUrl: doc.serviceUrl,
    reference: doc.reference,
    updatedAt: doc.updatedAt,
  };
}
