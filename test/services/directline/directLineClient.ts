import type { Activity } from 'botbuilder';

/** A minimal Direct Line 3.0 client, speaking to the service the way Direct Line JS does. */
export class DirectLineClient {
  watermark = '';
  constructor(
    readonly baseUrl: string,
    public token: string,
    public conversationId: string,
  ) {}

  static async start(baseUrl: string): Promise<DirectLineClient> {
    const generated = await call(baseUrl, 'POST', '/v3/directline/tokens/generate');
    if (generated.status !== 200) throw new Error(`generate answered ${generated.status}`);
    const client = new DirectLineClient(
      baseUrl,
      generated.json.token as string,
      generated.json.conversationId as string,
    );
    const started = await call(baseUrl, 'POST', '/v3/directline/conversations', client.token, {
      user: { id: 'ignored' },
      locale: 'de-DE',
    });
    if (started.status !== 201) throw new Error(`start answered ${started.status}`);
    return client;
  }

  async post(activity: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
    return call(
      this.baseUrl,
      'POST',
      `/v3/directline/conversations/${this.conversationId}/activities`,
      this.token,
      activity,
    );
  }

  async say(text: string, clientActivityID = `c-${Math.random().toString(36).slice(2)}`): Promise<string> {
    const res = await this.post({
      type: 'message',
      text,
      from: { id: 'spoofed', name: 'Kunde' },
      locale: 'de-DE',
      channelData: { clientActivityID },
    });
    if (res.status !== 200) throw new Error(`post answered ${res.status}: ${JSON.stringify(res.json)}`);
    return res.json.id as string;
  }

  /** Activities since the last poll. */
  async poll(): Promise<Partial<Activity>[]> {
    const res = await call(
      this.baseUrl,
      'GET',
      `/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
      this.token,
    );
    if (res.status !== 200) throw new Error(`poll answered ${res.status}`);
    this.watermark = res.json.watermark as string;
    return res.json.activities as Partial<Activity>[];
  }
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json };
}

export const botMessages = (activities: Partial<Activity>[]) =>
  activities.filter((a) => a.type === 'message' && a.from?.role === 'bot');
