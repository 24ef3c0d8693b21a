import { Types } from 'mongoose';
import { Database } from '../../../src/services/database/database';
import { NotFoundError } from '../../../src/services/errors';
import { createLogger } from '../../../src/services/logger';
import { DEFAULT_RETENTION_RULES } from '../../../src/services/retention/retentionRules';
import { RetentionService } from '../../../src/services/retention/retentionService';
import { testMongoUri } from '../../support/testDb';
import { age, prepareModels, seedWebChatCustomer, seedWhatsAppCustomer } from './fixtures';

const logger = createLogger('silent');
let database: Database;
let retention: RetentionService;

beforeAll(async () => {
  database = new Database(testMongoUri('retention'), logger);
  await database.connect();
  await prepareModels(database.connection);
  retention = new RetentionService(
    database.connection,
    DEFAULT_RETENTION_RULES,
    { days: 90, sweepMinutes: 0, batchSize: 2 },
    logger,
  );
});

afterAll(() => database.close());

const col = (name: string) => database.connection.collection(name);
const countFor = async (waId: string) => ({
  inbound: await col('whatsapp_inbound').countDocuments({ waId }),
  contacts: await col('whatsapp_contacts').countDocuments({ _id: waId } as never),
  statuses: await col('whatsapp_statuses').countDocuments({ recipientId: waId }),
  botstate: await col('botstate').countDocuments({
    _id: { $in: [`whatsapp/conversations/${waId}/`, `whatsapp/users/${waId}/`] },
  } as never),
  transcripts: await col('transcripts').countDocuments({ _id: `whatsapp:${waId}` } as never),
});

describe('retention sweep', () => {
  it('purges or anonymises what is older than RETENTION_DAYS and leaves recent data alone', async () => {
    const old = await seedWhatsAppCustomer(database.connection, '4915100000001');
    const recent = await seedWhatsAppCustomer(database.connection, '4915100000002');
    await age(database.connection, old, 91);
    await age(database.connection, recent, 89);

    const report = await retention.sweep();

    expect(await countFor(old.waId)).toEqual({ inbound: 0, contacts: 0, statuses: 0, botstate: 0, transcripts: 0 });
    expect(await countFor(recent.waId)).toEqual({ inbound: 1, contacts: 1, statuses: 1, botstate: 2, transcripts: 1 });
    // The inbound message of the old customer is still there (against redelivery), without body, name or number.
    const inbound = await col('whatsapp_inbound').findOne({ _id: old.wamid } as never);
    expect(inbound).toMatchObject({ raw: '', waId: 'erased', status: 'done' });
    expect(inbound?.name).toBeUndefined();

    const handoff = await col('handoffs').findOne({ _id: new Types.ObjectId(old.handoffId) });
    expect(handoff).toMatchObject({
      status: 'resolved',
      category: 'lost_or_stolen',
      priority: 0,
      transcript: [],
      messages: [],
      summary: { text: '', facts: [], references: [] },
    });
    expect(handoff?.customer.userId).toBeUndefined();
    expect(handoff?.customer.conversationReference).toBeUndefined();
    expect(JSON.stringify(handoff)).not.toContain('Erika');
    expect(JSON.stringify(handoff)).not.toContain(old.waId);

    const request = await col('servicerequests').findOne({ _id: new Types.ObjectId(old.requestId) });
    expect(request).toMatchObject({ type: 'block', status: 'done', details: {}, summary: '' });
    expect(JSON.stringify(request)).not.toContain('Erika');

    const recentHandoff = await col('handoffs').findOne({ _id: new Types.ObjectId(recent.handoffId) });
    expect(recentHandoff?.customer.userId).toBe(recent.waId);
    expect(report.collections.transcripts.deleted).toBeGreaterThanOrEqual(1);
    expect(report.collections.handoffs.anonymised).toBeGreaterThanOrEqual(1);
  });

  it('is idempotent: a second sweep, as another instance would run it, changes nothing', async () => {
    const customer = await seedWhatsAppCustomer(database.connection, '4915100000003');
    await age(database.connection, customer, 120);
    await retention.sweep();
    const handoffBefore = await col('handoffs').findOne({ _id: new Types.ObjectId(customer.handoffId) });

    const [a, b] = await Promise.all([
      retention.sweep(),
      new RetentionService(database.connection, DEFAULT_RETENTION_RULES, { days: 90, sweepMinutes: 0 }, logger).sweep(),
    ]);

    for (const report of [a, b]) {
      for (const counts of Object.values(report.collections)) expect(counts).toEqual({ deleted: 0, anonymised: 0 });
    }
    expect(await col('handoffs').findOne({ _id: new Types.ObjectId(customer.handoffId) })).toEqual(handoffBefore);
  });

  it('never touches a handoff that is still waiting or being served, however old', async () => {
    const waiting = await seedWhatsAppCustomer(database.connection, '4915100000004', 'queued');
    await age(database.connection, waiting, 200);
    await retention.sweep();
    const handoff = await col('handoffs').findOne({ _id: new Types.ObjectId(waiting.handoffId) });
    expect(handoff).toMatchObject({ status: 'queued', customer: { userId: waiting.waId, name: 'Erika Mustermann' } });
  });

  it('runs on a schedule once started and stops cleanly', async () => {
    const customer = await seedWhatsAppCustomer(database.connection, '4915100000005');
    await age(database.connection, customer, 95);
    const scheduled = new RetentionService(
      database.connection,
      DEFAULT_RETENTION_RULES,
      { days: 90, sweepMinutes: 60, firstSweepDelayMs: 10 },
      logger,
    );
    scheduled.start();
    const deadline = Date.now() + 10_000;
    while ((await countFor(customer.waId)).transcripts > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await scheduled.stop();
    expect(await countFor(customer.waId)).toEqual({
      inbound: 0,
      contacts: 0,
      statuses: 0,
      botstate: 0,
      transcripts: 0,
    });
  });

  it('asks the server for TTL indexes with the retention period on purged collections', async () => {
    const created = await retention.ensureTtlIndexes();
    expect(created).toContain('whatsapp_statuses');
    const indexes = await col('whatsapp_statuses').indexes();
    expect(indexes.find((i) => i.name === 'retention_updatedAt_ttl')?.expireAfterSeconds).toBe(90 * 86_400);
  });

  it('moves the TTL index to a new RETENTION_DAYS', async () => {
    await retention.ensureTtlIndexes();
    const shorter = new RetentionService(
      database.connection,
      DEFAULT_RETENTION_RULES,
      { days: 30, sweepMinutes: 0 },
      logger,
    );
    expect(await shorter.ensureTtlIndexes()).toContain('whatsapp_statuses');
    const indexes = await col('whatsapp_statuses').indexes();
    expect(indexes.find((i) => i.name === 'retention_updatedAt_ttl')?.expireAfterSeconds).toBe(30 * 86_400);
    await retention.ensureTtlIndexes();
  });
});

describe('export and erasure of one customer', () => {
  it('exports everything stored about the customer and nothing about anyone else', async () => {
    const erika = await seedWhatsAppCustomer(database.connection, '4915100000010');
    const other = await seedWhatsAppCustomer(database.connection, '4915100000011');

    const exported = await retention.exportCustomer(erika.waId);

    expect(exported.customerId).toBe(erika.waId);
    expect(exported.conversations).toEqual([erika.conversationKey]);
    expect(Object.keys(exported.data).sort()).toEqual([
      'botstate',
      'handoffs',
      'servicerequests',
      'transcripts',
      'whatsapp_contacts',
      'whatsapp_inbound',
      'whatsapp_statuses',
    ]);
    expect(exported.data.whatsapp_inbound[0].raw).toEqual({ from: erika.waId, text: { body: 'Meine Karte ist weg' } });
    expect(exported.data.botstate.map((d) => d._id).sort()).toEqual([
      `whatsapp/conversations/${erika.waId}/`,
      `whatsapp/users/${erika.waId}/`,
    ]);
    expect(JSON.stringify(exported)).not.toContain(other.waId);
  });

  it('erases the customer: nothing left to export, statistics kept anonymously, others untouched', async () => {
    const erika = await seedWhatsAppCustomer(database.connection, '4915100000020', 'queued');
    const other = await seedWhatsAppCustomer(database.connection, '4915100000021');

    const report = await retention.eraseCustomer(erika.waId);

    expect(report.collections.transcripts.deleted).toBe(1);
    expect(report.collections.handoffs.anonymised).toBe(1);
    await expect(retention.exportCustomer(erika.waId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await countFor(erika.waId)).toEqual({ inbound: 0, contacts: 0, statuses: 0, botstate: 0, transcripts: 0 });
    const handoff = await col('handoffs').findOne({ _id: new Types.ObjectId(erika.handoffId) });
    // An erased customer is no longer waiting; the record stays for the figures only.
    expect(handoff).toMatchObject({ status: 'cancelled', category: 'lost_or_stolen' });
    expect(handoff?.activeKey).toBeUndefined();
    expect(JSON.stringify(handoff)).not.toContain(erika.waId);
    expect(await col('servicerequests').countDocuments({ conversationKey: erika.conversationKey })).toBe(0);

    expect(await countFor(other.waId)).toEqual({ inbound: 1, contacts: 1, statuses: 1, botstate: 2, transcripts: 1 });
    expect((await retention.exportCustomer(other.waId)).data.handoffs).toHaveLength(1);
  });

  it('erasing twice is harmless', async () => {
    const erika = await seedWhatsAppCustomer(database.connection, '4915100000030');
    await retention.eraseCustomer(erika.waId);
    const again = await retention.eraseCustomer(erika.waId);
    for (const counts of Object.values(again.collections)) expect(counts).toEqual({ deleted: 0, anonymised: 0 });
  });

  it('finds a web chat customer by their user id through the local Direct Line and erases them', async () => {
    const max = await seedWebChatCustomer(database.connection, 'webuser-max');
    const other = await seedWebChatCustomer(database.connection, 'webuser-other');

    const exported = await retention.exportCustomer('webuser-max');
    expect(exported.conversations).toEqual([`directline:${max.conversationId}`]);
    expect(exported.data.directline_activities).toHaveLength(2);
    expect(exported.data.transcripts).toHaveLength(1);
    expect(exported.data.botstate.map((d) => d._id)).toEqual([`directline/conversations/${max.conversationId}/`]);
    expect(JSON.stringify(exported)).not.toContain(other.conversationId);

    await retention.eraseCustomer('webuser-max');
    await expect(retention.exportCustomer('webuser-max')).rejects.toBeInstanceOf(NotFoundError);
    expect(await col('directline_activities').countDocuments({ conversationId: max.conversationId })).toBe(0);
    expect(await col('directline_activities').countDocuments({ conversationId: other.conversationId })).toBe(2);
  });

  it('reports a customer it knows nothing about as not found', async () => {
    await expect(retention.exportCustomer('4915199999999')).rejects.toBeInstanceOf(NotFoundError);
  });
});
