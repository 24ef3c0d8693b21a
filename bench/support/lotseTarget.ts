/** How the benchmark starts Lotse: its settings, and business hours that are always open. */
import type { LocalMongo } from '../../src/services/database/localMongoServer';
import { BENCH_ADMIN_TOKEN, BENCH_WHATSAPP } from '../workloads';

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
