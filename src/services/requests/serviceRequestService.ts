import type { Connection, Model } from 'mongoose';
import { NotFoundError } from '../errors';
import { newReference } from './referenceNumber';
import { REFERENCE_PREFIX, RequestType, serviceRequestModel, ServiceRequestDoc } from './requestModel';

export interface NewServiceRequest {
  type: RequestType;
  channel: string;
  conversationKey: string;
  language: 'de' | 'en';
  details: Record<string, string | boolean>;
  summary: string;
}

export interface RecordedRequest {
  reference: string;
  type: RequestType;
  /** Complaints only: by when the customer gets an answer. */
  responseDueAt?: Date;
}

export class ReferenceExhaustedError extends Error {
  constructor(readonly type: RequestType) {
    super(`could not find a free reference number for a ${type} request`);
    this.name = 'ReferenceExhaustedError';
  }
}

/** Working days a complaint may take before the customer gets an answer. */
export const COMPLAINT_RESPONSE_WORKING_DAYS = 5;
/** Working days the check of a disputed charge may take ("innerhalb von 5 Werktagen"). */
export const DISPUTE_RESPONSE_WORKING_DAYS = 5;
const RESPONSE_WORKING_DAYS: Partial<Record<RequestType, number>> = {
  complaint: COMPLAINT_RESPONSE_WORKING_DAYS,
  dispute: DISPUTE_RESPONSE_WORKING_DAYS,
};
const MAX_REFERENCE_ATTEMPTS = 8;

/**
 * Records service requests with a short unique reference number. Uniqueness rests on the unique
 * index: a collision (rare: 31^5 numbers per prefix) is retried with a fresh number.
 */
export class ServiceRequestService {
  private readonly model: Model<ServiceRequestDoc>;

  constructor(
    connection: Connection,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.model = serviceRequestModel(connection);
  }

  async create(request: NewServiceRequest): Promise<RecordedRequest> {
    const createdAt = this.now();
    const days = RESPONSE_WORKING_DAYS[request.type];
    const responseDueAt = days === undefined ? undefined : addWorkingDays(createdAt, days);
    for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
      const reference = newReference(REFERENCE_PREFIX[request.type]);
      try {
        await this.model.create({
          ...request,
          reference,
          status: 'open',
          createdAt,
          updatedAt: createdAt,
          ...(responseDueAt ? { responseDueAt } : {}),
        });
        return { reference, type: request.type, ...(responseDueAt ? { responseDueAt } : {}) };
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    throw new ReferenceExhaustedError(request.type);
  }

  /** Adds facts to a recorded request (e.g. the replacement card the customer asked for). */
  async addDetails(reference: string, details: Record<string, string | boolean>): Promise<void> {
    const set: Record<string, unknown> = { updatedAt: this.now() };
    for (const [key, value] of Object.entries(details)) set[`details.${key.replace(/[.$]/g, '_')}`] = value;
    const result = await this.model.updateOne({ reference: String(reference) }, { $set: set });
    if (result.matchedCount === 0) throw new NotFoundError('service request', reference);
  }

  /**
   * Withdraws a request the team has not acted on yet; false when it is no longer open (the team may
   * already have blocked the card), so the customer is never told a block was called off that was not.
   */
  async withdraw(reference: string): Promise<boolean> {
    const now = this.now();
    const result = await this.model.updateOne(
      { reference: String(reference), status: 'open' },
      { $set: { status: 'withdrawn', updatedAt: now, withdrawnAt: now } },
    );
    return result.modifiedCount === 1;
  }

  async findByReference(reference: string): Promise<ServiceRequestDoc | null> {
    return this.model
      .findOne({ reference: String(reference).toUpperCase() })
      .lean<ServiceRequestDoc>()
      .exec();
  }
}

/** Monday to Friday count; weekends are skipped (public holidays are not known here). */
export function addWorkingDays(from: Date, days: number): Date {
  const out = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    out.setUTCDate(out.getUTCDate() + 1);
    const day = out.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return out;
}
