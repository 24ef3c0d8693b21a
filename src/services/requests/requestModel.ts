/**
 * Service requests the conversation records for the back office (collection "servicerequests"):
 * card/phone blocks, disputed charges, changes of personal data and complaints.
 */
import { Connection, Model, Schema, Types } from 'mongoose';

export const REQUEST_TYPES = ['block', 'dispute', 'data_change', 'complaint'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Reference prefixes: BS Sperre, RK Rechnungsklärung, DA Datenänderung, BE Beschwerde. */
export const REFERENCE_PREFIX: Record<RequestType, string> = {
  block: 'BS',
  dispute: 'RK',
  data_change: 'DA',
  complaint: 'BE',
};

export interface ServiceRequestDoc {
  _id: Types.ObjectId;
  reference: string;
  type: RequestType;
  /** "withdrawn": the customer called it off before the team acted (a lost phone found again). */
  status: 'open' | 'done' | 'withdrawn';
  channel: string;
  conversationKey: string;
  language: 'de' | 'en';
  /** Structured facts for the back office; card numbers and PINs never get here. */
  details: Record<string, string | boolean>;
  /** One masked line for lists and the agent's summary. */
  summary: string;
  createdAt: Date;
  updatedAt: Date;
  responseDueAt?: Date;
  withdrawnAt?: Date;
}

const schema = new Schema<ServiceRequestDoc>(
  {
    reference: { type: String, required: true },
    type: { type: String, required: true, enum: REQUEST_TYPES },
    status: { type: String, required: true, enum: ['open', 'done', 'withdrawn'] },
    channel: String,
    conversationKey: { type: String, required: true },
    language: String,
    details: Schema.Types.Mixed,
    summary: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    responseDueAt: Date,
    withdrawnAt: Date,
  },
  { versionKey: false, collection: 'servicerequests', minimize: false },
);
// The reference is what customers quote on the phone: it must never point at two requests.
schema.index({ reference: 1 }, { unique: true });
schema.index({ type: 1, status: 1, createdAt: -1 });
schema.index({ conversationKey: 1, createdAt: -1 });

export function serviceRequestModel(connection: Connection): Model<ServiceRequestDoc> {
  return (
    (connection.models.ServiceRequest as Model<ServiceRequestDoc> | undefined) ??
    connection.model<ServiceRequestDoc>('ServiceRequest', schema)
  );
}
