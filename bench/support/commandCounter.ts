/**
 * Loaded with `--import` into a target by bench/profile.ts: counts the MongoDB commands the process
 * sends (by name) and prints them to stderr when it exits, so batching shows under real load.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const { Connection } = require('mongodb/lib/cmap/connection') as {
  Connection: { prototype: { command: (...args: unknown[]) => Promise<unknown> } };
};
const counts = new Map<string, number>();
const original = Connection.prototype.command;
Connection.prototype.command = function (this: unknown, ...args: unknown[]) {
  const command = args[1] as Record<string, unknown>;
  const name = Object.keys(command)[0];
  const key = `${name} ${String(command[name])}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return original.apply(this, args);
};
process.on('exit', () => {
  process.stderr.write(`COMMANDS ${JSON.stringify(Object.fromEntries(counts))}\n`);
});
