import { signatureFor } from '../../../src/channels/whatsapp/signature';

/** Meta-format webhook bodies, as the Cloud API sends them. */
export const PHONE_NUMBER_ID = '109876543210';
export const APP_SECRET = 'test-app-secret';
export const ACCESS_TOKEN = 'test-access-token';
export const VERIFY_TOKEN = 'test-verify-token';

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

export function webhook(value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '100200300400500',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '4930123456', phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function inbound(from: string, message: Record<string, unknown>, timestamp = nowSeconds()): Record<string, unknown> {
  return webhook({
    contacts: [{ profile: { name: 'Erika Mustermann' }, wa_id: from }],
    messages: [{ from, timestamp, ...message }],
  });
}

export const textMessage = (from: string, id: string, body: string, timestamp?: string) =>
  inbound(from, { id, type: 'text', text: { body } }, timestamp);

export const buttonReply = (from: string, id: string, replyId: string, title: string) =>
  inbound(from, {
    id,
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id: replyId, title } },
  });

export const listReply = (from: string, id: string, replyId: string, title: string) =>
  inbound(from, {
    id,
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: replyId, title, description: '' } },
  });

export const imageMessage = (from: string, id: string) =>
  inbound(from, {
    id,
    type: 'image',
    image: { caption: 'Mein Router', mime_type: 'image/jpeg', sha256: 'abc', id: 'media-1' },
  });

export const statusUpdate = (wamid: string, recipient: string, status: string, timestamp = nowSeconds()) =>
  webhook({
    statuses: [
      {
        id: wamid,
        status,
        timestamp,
        recipient_id: recipient,
        conversation: { id: 'c1', origin: { type: 'service' } },
        pricing: { billable: true, category: 'service' },
      },
    ],
  });

/** POSTs a body to /api/whatsapp, signed with the app secret unless told otherwise. */
export async function postWebhook(
  baseUrl: string,
  body: unknown,
  signature: string | null = 'valid',
): Promise<Response> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature === 'valid') headers['x-hub-signature-256'] = signatureFor(APP_SECRET, raw);
  else if (signature !== null) headers['x-hub-signature-256'] = signature;
  return fetch(`${baseUrl}/api/whatsapp`, { method: 'POST', headers, body: raw });
}

type Falsy = false | null | undefined | 0 | '';

/** Polls until the probe returns something truthy, and returns it. */
export async function waitFor<T>(
  probe: () => T | Falsy | Promise<T | Falsy>,
  what: string,
  timeoutMs = 10000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value as T;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The WhatsApp settings every test that runs a real service against the fake Graph API needs. */
export function whatsappTestEnv(graphUrl: string): Record<string, string> {
  return {
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_API_URL: graphUrl,
    WHATSAPP_SEND_SPACING_MS: '0',
    WHATSAPP_RETRY_BASE_MS: '20',
  };
}
