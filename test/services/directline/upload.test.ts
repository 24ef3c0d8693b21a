import type { Activity } from 'botbuilder';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { ADMIN, api, startHandoffTestApp } from '../handoff/support/handoffTestApp';
import type { TestApp } from '../../support/testApp';
import { botMessages, DirectLineClient } from './directLineClient';

const t = new I18nService('de').t('de');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 3)]);

/** The multipart body Microsoft's Direct Line client builds for a message with files. */
function form(activity: object, files: Array<{ name: string; type: string; data: Buffer }>): FormData {
  const body = new FormData();
  body.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
  for (const f of files) body.append('file', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  return body;
}

describe("Direct Line uploads (Web Chat's upload button)", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startHandoffTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  const upload = (client: DirectLineClient, body: FormData | string, contentType?: string) =>
    fetch(`${test.baseUrl}/v3/directline/conversations/${client.conversationId}/upload?userId=x`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });

  async function until(
    client: DirectLineClient,
    ok: (seen: Partial<Activity>[]) => boolean,
  ): Promise<Partial<Activity>[]> {
    const seen: Partial<Activity>[] = [];
    for (let i = 0; i < 200; i++) {
      seen.push(...(await client.poll()));
      if (ok(seen)) return seen;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`not seen: ${JSON.stringify(seen.map((a) => a.text))}`);
  }

  it('keeps an uploaded PDF for the agent who then takes the case, and says so', async () => {
    const client = await DirectLineClient.start(test.baseUrl);
    await until(client, (seen) => botMessages(seen).length > 0);
    const res = await upload(
      client,
      form(
        { type: 'message', from: { id: 'x' }, attachments: [{ contentType: 'application/pdf', name: 'Rechnung.pdf' }] },
        [{ name: 'Rechnung.pdf', type: 'application/pdf', data: PDF }],
      ),
    );
    expect(res.status).toBe(200);
    const seen = await until(client, (s) => s.some((a) => a.text === t('handoff:file.kept')));
    // The customer's own bubble names the file.
    expect(seen.some((a) => a.from?.role === 'user' && a.text === '📎 Rechnung.pdf')).toBe(true);

    await client.say('Ich möchte bitte mit einem Mitarbeiter sprechen');
    const admin = api(test.baseUrl, ADMIN);
    const queued = (await admin('/api/handoffs?status=queued')).body.items as Array<{ id: string }>;
    const files = await Promise.all(queued.map(async (h) => (await admin(`/api/handoffs/${h.id}/files`)).body.items));
    expect(files.flat()).toEqual([
      expect.objectContaining({ name: 'Rechnung.pdf', contentType: 'application/pdf', size: PDF.length }),
    ]);
  });

  it('refuses what is not multipart, a message without a file, and a file that is no image or PDF', async () => {
    const client = await DirectLineClient.start(test.baseUrl);
    const notMultipart = await upload(client, '{"type":"message"}', 'application/json');
    expect(notMultipart.status).toBe(400);
    const noFile = await upload(client, form({ type: 'message', text: 'Hallo' }, []));
    expect(noFile.status).toBe(400);
    const fake = await upload(
      client,
      form({ type: 'message' }, [{ name: 'bild.jpg', type: 'image/jpeg', data: Buffer.from('not a picture at all') }]),
    );
    expect(fake.status).toBe(400);
    expect(((await fake.json()) as { error: { code: string } }).error.code).toBe('FileRejected');
    const stranger = await fetch(`${test.baseUrl}/v3/directline/conversations/${client.conversationId}/upload`, {
      method: 'POST',
      body: form({ type: 'message' }, [{ name: 'a.pdf', type: 'application/pdf', data: PDF }]),
    });
    expect(stranger.status).toBe(401);
  });
});
