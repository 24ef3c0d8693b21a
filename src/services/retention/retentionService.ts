import { createHash } from 'node:crypto';
import type { Connection, mongo } from 'mongoose';
import { NotFoundError } from '../errors';
import type { Logger } from '../logger';
import type { CustomerRef, Document, Filter, RetentionAction, RetentionRule } from './retentionRules';

export interface RetentionOptions {
  /** Documents older than this many days are purged or anonymised. */
  days: number;
  /** Minutes between scheduled sweeps; 0: no schedule (sweep() can still be called). */
  sweepMinutes: number;
  /** Delay of the first scheduled sweep after start, so a starting instance settles first. Default one minute. */
  firstSweepDelayMs?: number;
  /** Documents handled per query, so a large backlog never loads at once. */
  batchSize?: number;
  /**
   * Writes this instance still holds back (batched transcript lines), finished before an erasure so
   * that a line written a moment later cannot bring an erased conversation back.
   */
  beforeErase?: () => Promise<void>;
  /** Clean-up after each sweep, e.g. file contents whose metadata the rules deleted. */
  afterSweep?: () => Promise<unknown>;
}

export interface SweepReport {
  cutoff: Date;
  collections: Record<string, { deleted: number; anonymised: number }>;
}

export interface CustomerExport {
  customerId: string;
  exportedAt: Date;
  conversations: string[];
  /** Every stored document about the customer, by collection. */
  data: Record<string, Document[]>;
}

/** Told after a customer's data is erased, e.g. to revoke the tokens of their conversations. */
export type ErasureHook = (customer: CustomerRef) => Promise<void>;

export interface ErasureReport {
  customerId: string;
  erasedAt: Date;
  collections: Record<string, { deleted: number; anonymised: number }>;
}

/**
 * Data protection: a scheduled sweep purges or anonymises what is older than the retention period
 * (TTL indexes where the server honours them speed this up; the sweep is the guarantee), and one
 * customer's data can be exported or erased. Every step is idempotent, so any number of instances
 * may sweep at the same time.
 */
export class RetentionService {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<SweepReport>;

  constructor(
    private readonly connection: Connection,
    private readonly rules: RetentionRule[],
    private readonly options: RetentionOptions,
    private readonly logger: Logger,
    private readonly erasureHooks: ErasureHook[] = [],
  ) {}

  /** Creates TTL indexes where possible and starts the schedule; the first sweep runs soon after. */
  start(): void {
    if (this.options.sweepMinutes <= 0 || this.timer) return;
    const run = () => {
      this.sweep().catch((err: Error) =>
        this.logger.warn({ err }, 'retention sweep failed; retrying at the next interval'),
      );
    };
    this.timer = setTimeout(() => {
      this.timer = setInterval(run, this.options.sweepMinutes * 60_000);
      this.timer.unref();
      void this.ensureTtlIndexes().finally(run);
    }, this.options.firstSweepDelayMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    // clearInterval clears timeouts too.
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping?.catch(() => undefined);
  }

  /**
   * Asks the server to expire deleted-after-retention collections by itself. Servers without TTL
   * support, or an existing index on the same field with other options, leave it to the sweep.
   * Returns the collections that now have a retention TTL index.
   */
  async ensureTtlIndexes(): Promise<string[]> {
    const created: string[] = [];
    const seconds = this.options.days * 86_400;
    for (const rule of this.rules) {
      if (rule.action !== 'delete') continue;
      const name = `retention_${rule.dateField}_ttl`;
      try {
        const collection = this.connection.collection(rule.collection);
        const existing = (await collection.indexes().catch(() => [])).find((index) => index.name === name);
        if (existing && existing.expireAfterSeconds !== seconds) {
          // RETENTION_DAYS changed since the index was made: collMod on MongoDB, rebuild elsewhere.
          await this.connection
            .db!.command({ collMod: rule.collection, index: { name, expireAfterSeconds: seconds } })
            .catch(async () => {
              await collection.dropIndex(name);
              await collection.createIndex({ [rule.dateField]: 1 }, { expireAfterSeconds: seconds, name });
            });
        } else if (!existing) {
          await collection.createIndex({ [rule.dateField]: 1 }, { expireAfterSeconds: seconds, name });
        }
        created.push(rule.collection);
      } catch (err) {
        this.logger.info(
          { collection: rule.collection, err },
          'no retention TTL index; the sweep purges this collection',
        );
      }
    }
    return created;
  }

  /** One pass over every rule; concurrent calls share the pass in flight. */
  sweep(now = new Date()): Promise<SweepReport> {
    this.sweeping ??= this.sweepOnce(now).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(now: Date): Promise<SweepReport> {
    const cutoff = new Date(now.getTime() - this.options.days * 86_400_000);
    const report: SweepReport = { cutoff, collections: {} };
    for (const rule of this.rules) {
      const filter: Filter = { ...(rule.sweepOnly ?? {}), [rule.dateField]: { $lt: cutoff } };
      report.collections[rule.collection] = await this.apply(rule.collection, rule.action, filter, now);
    }
    await this.options.afterSweep?.();
    const touched = Object.entries(report.collections).filter(([, c]) => c.deleted + c.anonymised > 0);
    if (touched.length > 0) this.logger.info({ cutoff, collections: Object.fromEntries(touched) }, 'retention sweep');
    return report;
  }

  /** Everything stored about one customer; NotFoundError when there is nothing. */
  async exportCustomer(customerId: string): Promise<CustomerExport> {
    const customer = await this.resolve(customerId);
    const data: Record<string, Document[]> = {};
    for (const rule of this.rules) {
      const filter = rule.customerFilter(customer);
      if (!filter) continue;
      const docs = await this.connection
        .collection(rule.collection)
        .find(filter as mongo.Filter<Document>)
        .toArray();
      if (docs.length > 0) data[rule.collection] = docs.map(readable);
    }
    if (Object.keys(data).length === 0) throw new NotFoundError('Customer data for', customerId);
    return { customerId, exportedAt: new Date(), conversations: customer.conversationKeys, data };
  }

  /** Deletes (or, where figures must stay, anonymises) everything about one customer. Idempotent. */
  async eraseCustomer(customerId: string): Promise<ErasureReport> {
    await this.options.beforeErase?.();
    const customer = await this.resolve(customerId);
    const erasedAt = new Date();
    const report: ErasureReport = { customerId, erasedAt, collections: {} };
    // Collections that reveal the customer's conversations go last, so an interrupted erasure can
    // be repeated and still finds everything.
    const ordered = [...this.rules.filter((r) => !r.discover), ...this.rules.filter((r) => r.discover)];
    for (const rule of ordered) {
      const filter = rule.customerFilter(customer);
      if (!filter) continue;
      report.collections[rule.collection] = await this.apply(
        rule.collection,
        rule.erase ?? rule.action,
        filter,
        erasedAt,
      );
    }
    for (const hook of this.erasureHooks) await hook(customer);
    this.logger.info({ customer: fingerprint(customerId), collections: report.collections }, 'customer data erased');
    return report;
  }

  /** The customer's conversations and handoffs, from every collection that links them. */
  private async resolve(customerId: string): Promise<CustomerRef> {
    const customer: CustomerRef = { customerId, conversationKeys: [], handoffIds: [] };
    for (const rule of this.rules) {
      if (!rule.discover) continue;
      const found = await rule.discover(customerId, (filter, projection) =>
        this.connection
          .collection(rule.collection)
          .find(filter as mongo.Filter<Document>, { projection })
          .toArray(),
      );
      customer.conversationKeys.push(...(found.conversationKeys ?? []));
      customer.handoffIds.push(...(found.handoffIds ?? []));
    }
    customer.conversationKeys = [...new Set(customer.conversationKeys)];
    customer.handoffIds = [...new Set(customer.handoffIds)];
    return customer;
  }

  private async apply(
    name: string,
    action: RetentionAction,
    filter: Filter,
    now: Date,
  ): Promise<{ deleted: number; anonymised: number }> {
    const collection = this.connection.collection(name);
    if (action === 'delete') {
      const result = await collection.deleteMany(filter as mongo.Filter<Document>);
      return { deleted: result.deletedCount ?? 0, anonymised: 0 };
    }
    const anonymise = action.anonymise;
    const pending: Filter = { $and: [filter, { anonymisedAt: { $exists: false } }] };
    const batchSize = this.options.batchSize ?? 500;
    let anonymised = 0;
    for (;;) {
      const docs = await collection
        .find(pending as mongo.Filter<Document>)
        .limit(batchSize)
        .toArray();
      for (const doc of docs) {
        const update = anonymise(doc);
        // The anonymisedAt guard makes a second sweep (or instance) a no-op for this document.
        const result = await collection.updateOne(
          { _id: doc._id, anonymisedAt: { $exists: false } } as mongo.Filter<Document>,
          { $set: { ...(update.$set ?? {}), anonymisedAt: now }, ...(update.$unset ? { $unset: update.$unset } : {}) },
        );
        anonymised += result.modifiedCount;
      }
      if (docs.length < batchSize) return { deleted: 0, anonymised };
    }
  }
}

/** Stored JSON strings (bot state, raw webhook bodies) are shown as the objects they are. */
function readable(doc: Document): Document {
  const out: Document = { ...doc };
  for (const field of ['data', 'raw']) {
    if (typeof out[field] !== 'string') continue;
    try {
      out[field] = JSON.parse(out[field] as string);
    } catch {
      // not JSON: keep the text
    }
  }
  return out;
}

/** A stable, non-reversible tag for logs: a wa_id is a phone number. */
function fingerprint(customerId: string): string {
  return createHash('sha256').update(customerId).digest('hex').slice(0, 12);
}
