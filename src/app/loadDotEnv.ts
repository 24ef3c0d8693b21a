import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads `.env` from the working directory into the environment when the file is there (`npm start`
 * in a checkout), before the configuration is loaded. Variables already set win over the file, so a
 * container's or a shell's settings are never overridden. No dependency: Node's own loader.
 */
export function loadDotEnv(directory = process.cwd()): string | undefined {
  const file = path.join(directory, '.env');
  if (!existsSync(file) || typeof process.loadEnvFile !== 'function') return undefined;
  process.loadEnvFile(file);
  return file;
}
