/** How the benchmark starts Lotse: its settings, its Node flags, and business hours that are always open. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LocalMongo } from '../../src/services/database/localMongoServer';
import { BENCH_ADMIN_TOKEN, BENCH_WHATSAPP } from '../workloads';
import { ROOT } from './target';

/**
 * The heap flags `npm start` gives Lotse (package.json), so the benchmark measures the process as it
 * is started. Without a limit V8 takes a quarter of the machine's memory as its heap budget and, on
 * a large machine, lets the old generation grow to about four times the live heap before a full
 * collection (the memory test's RSS then depends on where in that cycle it is read); with a 1 GB
 * budget the growth stays near 1.6 times, at the same CPU per turn.
 */
export function lotseNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.match(/--max-old-space-size=\d+/g) ?? [];
}

export function lotseEnv(mongo: LocalMongo, db: string, graphUrl?: string): Record<string, string> {
  return {
    MONGODB_URI: `${mongo.uri}/${db}`,
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    RATE_LIMIT_PER_MINUTE: '0',
    ADMIN_API_TOKEN: BENCH_ADMIN_TOKEN,
    DIRECT_LINE_TOKEN_SECRET: 'bench-direct-line-token-secret-0123456789abcdef',
    // Each run starts on an empty database: indexing the knowledge phrasings with the embedding model
    // (once per database in production) would be measured as load.
    EMBEDDINGS: 'off',
    ...(graphUrl
      ? {
          WHATSAPP_APP_SECRET: BENCH_WHATSAPP.appSecret,
          WHATSAPP_ACCESS_TOKEN: BENCH_WHATSAPP.accessToken,
          WHATSAPP_PHONE_NUMBER_ID: BENCH_WHATSAPP.phoneNumberId,
          WHATSAPP_VERIFY_TOKEN: BENCH_WHATSAPP.verifyToken,
          WHATSAPP_API_URL: graphUrl,
          // Meta's pacing per customer is a wait, not work: the bench measures the work.
          WHATSAPP_SEND_SPACING_MS: '0',
        }
      : {}),
  };
}

/** People on duty around the clock, so a customer asking for a person waits live at any hour of the run. */
export async function openAroundTheClock(baseUrl: string): Promise<void> {
  const headers = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const url = `${baseUrl}/api/admin/settings`;
  const current = (await (await fetch(url, { headers })).json()) as { settings: Record<string, unknown> };
  const weekly = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [String(i + 1), ['00:00', '24:00']]));
  const res = await fetch(url, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ settings: { ...current.settings, businessHours: { weekly, holidays: [] } } }),
  });
  if (res.status !== 200) throw new Error(`business hours not saved: HTTP ${res.status} ${await res.text()}`);
}
