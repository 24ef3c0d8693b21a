/** `npm run db`: the local MongoDB-compatible server in the foreground (MONGO_PORT, default 27017). */
import path from 'node:path';
import { loadConfig } from '../config';
import { startLocalMongo } from '../services/database/localMongoServer';

async function main(): Promise<void> {
  const config = loadConfig();
  const memory = process.argv.includes('--memory');
  const local = await startLocalMongo({
    port: config.mongoPort,
    dataFile: memory ? undefined : path.resolve(config.dataDir, 'lotse.mv'),
    inheritOutput: true,
  });
  process.stdout.write(`Local database ready: ${local.uri}/lotse (Ctrl+C stops it)\n`);
  const stop = () => void local.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  local.process.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
