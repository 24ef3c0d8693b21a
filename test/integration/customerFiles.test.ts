import { I18nService } from '../../src/services/i18n/i18nService';
import { ADMIN, api, createUser, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';
import { FakeGraphApi, startFakeGraphApi } from '../services/whatsapp/fakeGraphApi';
import { postWebhook, textMessage, waitFor, webhook, whatsappTestEnv } from '../services/whatsapp/metaPayloads';
import type { TestApp } from '../support/testApp';

const t = new I18nService('de').t('de');
/** The first bytes decide the type: a real JPEG header, a real PDF header. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1500, 1)]);
const NOT_AN_IMAGE = Buffer.from('MZ this is an executable pretending to be a picture');

const media = (from: string, id: string, type: 'image' | 'document', mediaId: string, extra: object = {}) =>
  webhook({
    contacts: [{ profile: { name: 'Erika Mustermann' }, wa_id: from }],
    messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type, [type]: { id: mediaId, ...extra } }],
  });

type Sent = { to?: string; text?: { body?: string } };

describe('files from WhatsApp customers reach the agent, checked and kept in GridFS', () => {
  let test: TestApp;
  let graph: FakeGraphApi;
  let agent: ReturnType<typeof api>;
  let agentToken: string;
  const texts = (to: string, from = 0) =>
    graph.requests
      .slice(from)
      .map((r) => r.body as Sent)
      .filter((b) => b.to === to)
      .map((b) => b.text?.body ?? '');

  beforeAll(async () => {
    graph = await startFakeGraphApi();
    test = await startHandoffTestApp({ ...whatsappTestEnv(graph.url), FILE_MAX_BYTES: '4096' });
    agentToken = await createUser(test.baseUrl, 'Anna Agent', 'agent');
    agent = api(test.baseUrl, agentToken);
  });
  afterAll(async () => {
    await test.close();
    await graph.close();
  });

  async function waitingHandoff(customer: string): Promise<string> {
    await postWebhook(
      test.baseUrl,
      textMessage(customer, `wamid.${customer}.1`, 'Ich möchte mit einem Mitarbeiter sprechen'),
    );
    const item = await waitFor(async () => {
      const list = await agent('/api/handoffs?status=queued');
      return (list.body.items as Array<{ id: string; customer: { channel: string } }>).find(
        (h) => h.customer.channel === 'whatsapp' && !seen.has(h.id),
      );
    }, 'the queued handoff');
    seen.add(item.id);
    return item.id;
  }
  const seen = new Set<string>();

  it('passes a photo sent while waiting to the agent, who lists and downloads it', async () => {
    const customer = '4917600011122';
    const handoffId = await waitingHandoff(customer);
    graph.addMedia('media-photo', JPEG, 'image/jpeg');
    const before = graph.requests.length;
    await postWebhook(
      test.baseUrl,
      media(customer, 'wamid.f1', 'image', 'media-photo', { caption: 'So sieht der Router aus' }),
    );
    await waitFor(() => texts(customer, before).includes(t('handoff:file.received')), 'the confirmation');

    const list = await agent(`/api/handoffs/${handoffId}/files`);
    expect(list.status).toBe(200);
    const [file] = list.body.items as Array<{ id: string; name: string; contentType: string; size: number }>;
    expect(file).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length });
    expect(file.name).toMatch(/\.jpg$/);
    // The agent reads a line with the file and the caption in the conversation.
    const record = (await agent(`/api/handoffs/${handoffId}`)).body as { messages: Array<{ text: string }> };
    expect(record.messages.map((m) => m.text).join('\n')).toContain('So sieht der Router aus');
    expect(record.messages.map((m) => m.text).join('\n')).toContain(file.name);

    const download = await fetch(`${test.baseUrl}/api/files/${file.id}`, {
      headers: { authorization: `Bearer ${await createUser(test.baseUrl, 'Ben Agent', 'agent')}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await download.arrayBuffer()).equals(JPEG)).toBe(true);
    // Without a token there is nothing to see.
    expect((await fetch(`${test.baseUrl}/api/files/${file.id}`)).status).toBe(401);
    expect((await agent('/api/files/not-an-id')).status).toBe(404);
  });

  it('keeps a document sent before any handoff for the agent who takes the case later', async () => {
    const customer = '4917600033344';
    graph.addMedia('media-pdf', PDF, 'application/pdf');
    const before = graph.requests.length;
    await postWebhook(
      test.baseUrl,
      media(customer, 'wamid.d1', 'document', 'media-pdf', { filename: '../../Rechnung März.pdf' }),
    );
    await waitFor(() => texts(customer, before).includes(t('handoff:file.kept')), 'the note that the file is kept');
    const handoffId = await waitingHandoff(customer);
    const files = (await agent(`/api/handoffs/${handoffId}/files`)).body.items as Array<{
      name: string;
      contentType: string;
    }>;
    expect(files).toEqual([expect.objectContaining({ name: 'Rechnung März.pdf', contentType: 'application/pdf' })]);
  });

  it('refuses what is not an image or PDF by its content, and what is too large, with a clear answer', async () => {
    const customer = '4917600055566';
    graph.addMedia('media-fake', NOT_AN_IMAGE, 'image/jpeg');
    graph.addMedia('media-big', Buffer.concat([JPEG, JPEG]), 'image/jpeg');
    let before = graph.requests.length;
    await postWebhook(test.baseUrl, media(customer, 'wamid.r1', 'image', 'media-fake'));
    await waitFor(() => texts(customer, before).includes(t('channels:files.rejected.type')), 'the refusal by type');
    before = graph.requests.length;
    await postWebhook(test.baseUrl, media(customer, 'wamid.r2', 'image', 'media-big'));
    await waitFor(() => texts(customer, before).includes(t('channels:files.rejected.tooLarge')), 'the refusal by size');
    before = graph.requests.length;
    await postWebhook(test.baseUrl, media(customer, 'wamid.r3', 'image', 'media-gone'));
    await waitFor(
      () => texts(customer, before).includes(t('channels:files.rejected.unavailable')),
      'the answer for media Meta no longer has',
    );
  });

  it('lists files in the customer export without their content and erases them with the customer', async () => {
    const customer = '4917600077788';
    graph.addMedia('media-erase', JPEG, 'image/jpeg');
    const before = graph.requests.length;
    await postWebhook(test.baseUrl, media(customer, 'wamid.e1', 'image', 'media-erase'));
    await waitFor(() => texts(customer, before).includes(t('handoff:file.kept')), 'the file kept');
    const admin = api(test.baseUrl, ADMIN);
    const exported = await admin(`/api/admin/customers/${customer}/export`);
    expect(exported.status).toBe(200);
    const kept = JSON.stringify(exported.body);
    expect(kept).toContain('customer_files.files');
    expect(kept).toContain('image/jpeg');
    expect(kept).not.toContain(JPEG.subarray(0, 64).toString('base64'));

    expect((await admin(`/api/admin/customers/${customer}`, { method: 'DELETE' })).status).toBe(200);
    const db = test.app.database.connection.db!;
    const left = await db
      .collection('customer_files.files')
      .countDocuments({ 'metadata.conversationKey': `whatsapp:${customer}` });
    expect(left).toBe(0);
    const chunksOfOthers = await db.collection('customer_files.chunks').distinct('files_id');
    const files = await db.collection('customer_files.files').distinct('_id');
    expect(chunksOfOthers.map(String).every((id: string) => files.map(String).includes(id))).toBe(true);
  });

  it('lets the agent send a PDF back: WhatsApp gets it by a signed link that nobody can stretch', async () => {
    const customer = '4917600099900';
    const handoffId = await waitingHandoff(customer);
    const send = (id: string) =>
      fetch(`${test.baseUrl}/api/handoffs/${id}/files?name=Gutschrift.pdf`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/pdf' },
        body: new Uint8Array(PDF),
      });
    // Only once the agent has the case.
    expect((await send(handoffId)).status).toBe(409);
    expect((await agent(`/api/handoffs/${handoffId}/claim`, { method: 'POST' })).status).toBe(200);
    const before = graph.requests.length;
    const sent = await send(handoffId);
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ name: 'Gutschrift.pdf', contentType: 'application/pdf' });

    const document = await waitFor(
      () =>
        graph.requests
          .slice(before)
          .map((r) => r.body as { to?: string; type?: string; document?: { link: string; filename?: string } })
          .find((b) => b.to === customer && b.type === 'document'),
      'the document message',
    );
    expect(document.document?.filename).toBe('Gutschrift.pdf');
    const link = new URL(document.document!.link);
    const fetched = await fetch(`${test.baseUrl}${link.pathname}${link.search}`);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
    const stretched = new URL(link.href);
    stretched.searchParams.set('exp', String(Number(link.searchParams.get('exp')) + 86_400_000));
    expect((await fetch(`${test.baseUrl}${stretched.pathname}${stretched.search}`)).status).toBe(403);
    // A file that is no image or PDF is refused before anything reaches the customer.
    const refused = await fetch(`${test.baseUrl}/api/handoffs/${handoffId}/files?name=x.exe`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(NOT_AN_IMAGE),
    });
    expect(refused.status).toBe(400);
  });
});
