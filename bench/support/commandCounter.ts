/**
 * Loaded with `--import` into a target by bench/profile.ts: counts the MongoDB commands the process
 * sends (by name) from the last SIGUSR2 on and prints them to stderr when it exits, so batching shows
 * under real load; and the documents they carry (the operations of a bulk write), the database's work.
 * PROFILE_STACKS="find handoffs,findAndModify handoffs" also counts, for those commands, the
 * project's functions that sent them (the first src/ frames of the stack), to see who asks.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const { Connection } = require('mongodb/lib/cmap/connection') as {
  Connection: { prototype: { command: (...args: unknown[]) => Promise<unknown> } };
};
const counts = new Map<string, number>();
/** Documents written or asked for per command name (a bulk write of 5 updates counts 5): the database's work. */
const documents = new Map<string, number>();
if (process.env.PROFILE_STACKS) Error.stackTraceLimit = 40;
const traced = new Set((process.env.PROFILE_STACKS ?? '').split(',').filter(Boolean));
const origins = new Map<string, number>();
const original = Connection.prototype.command;
Connection.prototype.command = function (this: unknown, ...args: unknown[]) {
  const command = args[1] as Record<string, unknown>;
  const name = Object.keys(command)[0];
  const key = `${name} ${String(command[name])}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  const ops = command.updates ?? command.documents ?? command.deletes;
  documents.set(key, (documents.get(key) ?? 0) + (Array.isArray(ops) ? ops.length : 1));
  if (traced.has(key)) {
    const frames = (new Error().stack ?? '')
      .split('\n')
      .filter((line) => line.includes('/src/') && !line.includes('node_modules'))
      .slice(0, 3)
      .map((line) =>
        line
          .trim()
          .replace(/^at /, '')
          .replace(/\(.*\/src\//, '(')
          .replace(/:\d+\)$/, ')'),
      );
    const origin = `${key} <- ${frames.join(' <- ') || '(no src frame: a batch or the driver)'}`;
    origins.set(origin, (origins.get(origin) ?? 0) + 1);
  }
  return original.apply(this, args);
};
// bench/profile.ts sends SIGUSR2 when the measured load starts, so the counts leave out start and warm-up.
process.on('SIGUSR2', () => {
  counts.clear();
  documents.clear();
  origins.clear();
});
process.on('exit', () => {
  for (const [origin, n] of [...origins].sort((a, b) => b[1] - a[1])) process.stderr.write(`  ${n}\t${origin}\n`);
  process.stderr.write(`COMMANDS ${JSON.stringify(Object.fromEntries(counts))}\n`);
  process.stderr.write(`DOCUMENTS ${JSON.stringify(Object.fromEntries(documents))}\n`);
});
