/**
 * `npx tsx bench/dbOps.ts`: counts the MongoDB commands of each customer turn (driver command
 * monitoring), walking the benchmark's script once through a real Lotse in this process. Work
 * that leaves the turn (the transcript written behind the answer) is counted with the turn it
 * belongs to by waiting a moment before the next message.
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { buildApp } from '../src/index';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/services/logger';
import { startLocalMongo } from '../src/services/database/localMongoServer';
import { CUSTOMER_SCRIPT } from './script';
import { activity, driveLoad } from './support/load';

/** Commands the process issues on its own (readiness ping, pollers), not per turn. */
const BACKGROUND = new Set([
  'ping',
  'hello',
  'isMaster',
  'ismaster',
  'endSessions',
  'createIndexes',
  'listIndexes',
  'buildInfo',
]);

async function main(): Promise<void> {
  const mongo = process.env.MONGODB_URI ? undefined : await startLocalMongo({});
  const base = process.env.MONGODB_URI ?? `${mongo!.uri}/bench_dbops_${Date.now()}`;
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    ADMIN_API_TOKEN: '',
  });
  const app = buildApp(config, `${base}${base.includes('?') ? '&' : '?'}monitorCommands=true`, createLogger('warn'));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.start();
  // The sweepers and pollers of the handoff service are not part of a turn.
  app.handoffs.stop();
  const { port } = app.server.address() as AddressInfo;
  let current: string[] = [];
  app.database.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
    if (BACKGROUND.has(event.commandName)) return;
    const collection = String((event.command as Record<string, unknown>)[event.commandName] ?? '');
    current.push(`${event.commandName} ${collection}`);
  });

  const conversationId = `dbops-${randomUUID()}`;
  const userId = `kunde-${randomUUID().slice(0, 8)}`;
  const rows: { text: string; ops: string[] }[] = [];
  for (const text of [...CUSTOMER_SCRIPT, ...CUSTOMER_SCRIPT]) {
    current = [];
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: activity(conversationId, userId, text),
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    await res.text();
    await new Promise((r) => setTimeout(r, 150));
    rows.push({ text, ops: current });
  }
  const second = rows.slice(CUSTOMER_SCRIPT.length);
  for (const [i, row] of rows.entries()) {
    if (i === CUSTOMER_SCRIPT.length) process.stdout.write('-- second walk through the script, same conversation\n');
    process.stdout.write(`${String(row.ops.length).padStart(2)}  ${row.text.padEnd(50)}  ${row.ops.join(', ')}\n`);
  }
  const total = rows.reduce((n, r) => n + r.ops.length, 0);
  const steady = second.reduce((n, r) => n + r.ops.length, 0);
  process.stdout.write(
    `\nDB commands per turn: ${(total / rows.length).toFixed(2)} overall, ${(steady / second.length).toFixed(2)} on the second walk\n`,
  );

  const stateDocs = await app.database.connection
    .db!.collection<{ _id: string; data?: string }>('botstate')
    .find({ _id: { $regex: conversationId } })
    .toArray();
  for (const doc of stateDocs) process.stdout.write(`state ${doc._id}: ${doc.data?.length ?? 0} characters\n`);
  if (process.argv.includes('--show-state')) for (const doc of stateDocs) process.stdout.write(`${doc.data}\n`);

  // Under load, batching lets turns share commands.
  for (const concurrency of [1, 10]) {
    current = [];
    const result = await driveLoad({
      baseUrl: `http://127.0.0.1:${port}`,
      concurrency,
      conversations: 50,
      script: CUSTOMER_SCRIPT,
      label: `dbops-c${concurrency}`,
    });
    await new Promise((r) => setTimeout(r, 300));
    const byName = new Map<string, number>();
    for (const op of current) byName.set(op, (byName.get(op) ?? 0) + 1);
    const detail = [...byName.entries()].map(([op, n]) => `${op} ${(n / result.turns).toFixed(2)}`).join(', ');
    process.stdout.write(
      `concurrency ${concurrency}: ${(current.length / result.turns).toFixed(2)} DB commands per turn over ${result.turns} turns (${detail})\n`,
    );
  }
  await app.stop();
  await mongo?.stop();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
