import { Database } from '../../../src/services/database/database';
import { createLogger } from '../../../src/services/logger';
import { REFERENCE_PATTERN } from '../../../src/services/requests/referenceNumber';
import { serviceRequestModel } from '../../../src/services/requests/requestModel';
import { addWorkingDays, ServiceRequestService } from '../../../src/services/requests/serviceRequestService';
import { NotFoundError } from '../../../src/services/errors';
import { testMongoUri } from '../../support/testDb';

const logger = createLogger('silent');
let database: Database;
let service: ServiceRequestService;
const base = {
  channel: 'directline',
  conversationKey: 'directline:c1',
  language: 'de' as const,
  details: { description: 'x' },
  summary: 'x',
};

beforeAll(async () => {
  database = new Database(testMongoUri('requests'), logger);
  await database.connect();
  service = new ServiceRequestService(database.connection, () => new Date('2025-03-14T09:00:00Z'));
  await serviceRequestModel(database.connection).init();
});
afterAll(() => database.close());

describe('ServiceRequestService', () => {
  it.each([
    ['block', 'BS'],
    ['dispute', 'RK'],
    ['data_change', 'DA'],
    ['complaint', 'BE'],
  ] as const)('gives a %s request a readable reference starting with %s', async (type, prefix) => {
    const { reference } = await service.create({ ...base, type });
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(reference.startsWith(`${prefix}-`)).toBe(true);
    expect(reference.slice(3)).not.toMatch(/[01OIL]/);
    expect((await service.findByReference(reference.toLowerCase()))?.type).toBe(type);
  });

  it('never stores two requests under one reference', async () => {
    const model = serviceRequestModel(database.connection);
    const { reference } = await service.create({ ...base, type: 'block' });
    const now = new Date();
    await expect(
      model.create({ ...base, type: 'block', reference, status: 'open', createdAt: now, updatedAt: now }),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it('gives complaints a response deadline five working days ahead, skipping the weekend', async () => {
    const { responseDueAt } = await service.create({ ...base, type: 'complaint' });
    expect(responseDueAt?.toISOString()).toBe('2025-03-21T09:00:00.000Z');
    expect(addWorkingDays(new Date('2025-03-15T09:00:00Z'), 1).toISOString()).toBe('2025-03-17T09:00:00.000Z');
  });

  it('adds details to a recorded request and refuses an unknown reference', async () => {
    const { reference } = await service.create({ ...base, type: 'block' });
    await service.addDetails(reference, { replacement: true });
    expect((await service.findByReference(reference))?.details).toMatchObject({ replacement: true });
    await expect(service.addDetails('BS-ZZZZZ', { replacement: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('withdraws an open request once, and never one the team has already acted on', async () => {
    const { reference } = await service.create({ ...base, type: 'block' });
    expect(await service.withdraw(reference)).toBe(true);
    expect(await service.findByReference(reference)).toMatchObject({ status: 'withdrawn' });
    expect(await service.withdraw(reference)).toBe(false);

    const done = await service.create({ ...base, type: 'block' });
    await serviceRequestModel(database.connection).updateOne({ reference: done.reference }, { status: 'done' });
    expect(await service.withdraw(done.reference)).toBe(false);
    expect(await service.findByReference(done.reference)).toMatchObject({ status: 'done' });
  });
});
