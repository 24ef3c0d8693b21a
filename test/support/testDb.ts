import { randomUUID } from 'node:crypto';

/** Base URI of the test database server (started by globalSetup or given as MONGODB_URI). */
export function testMongoBase(): string {
  const base = process.env.LOTSE_TEST_MONGODB_URI;
  if (!base) throw new Error('LOTSE_TEST_MONGODB_URI is not set: run the tests through jest (npm test)');
  return base;
}

/** A fresh database on the test server, so test files never see each other's data. */
export function testMongoUri(prefix = 't'): string {
  return `${testMongoBase()}/${prefix}_${randomUUID().slice(0, 8)}`;
}
