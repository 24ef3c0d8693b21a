import { Types } from 'mongoose';
import { maskSensitive } from '../../../src/services/privacy/masking';
import type { TestApp } from '../../support/testApp';
import { startFakeBotConnector, FakeBotConnector } from './support/fakeBotConnector';
import { ADMIN, api, handoffRequest, startHandoffTestApp } from './support/handoffTestApp';

describe('the lines of a handoff conversation, each a document of its own', () => {
  let test: TestApp;
  let connector: FakeBotConnector;
  let admin: ReturnType<typeof api>;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    test = await startHandoffTestApp();
    admin = api(test.baseUrl, ADMIN);
  });
  afterAll(async () => {
    await test.close();
    await connector.close();
  });

  const storedRecord = (id: string) =>
    test.app.handoffs.store.model.collection.findOne({ _id: new Types.ObjectId(id) });

  it('keeps the record small however long the customer writes, and shows every line and its audit entry in order', async () => {
    const ticket = await test.app.handoffs.requestHandoff(handoffRequest(connector.serviceUrl));
    const id = ticket.handoffId;
    for (let i = 1; i <= 30; i++)
      await test.app.handoffs.addCustomerMessage(id, `Nachricht ${i}, IBAN DE89 3704 0044 0532 0130 00`);
    const sizeAfterThirty = JSON.stringify(await storedRecord(id)).length;
    for (let i = 31; i <= 60; i++) await test.app.handoffs.addCustomerMessage(id, `Nachricht ${i}`);
    // Sixty lines later the stored record has not grown by a line (only its timestamps changed).
    expect(JSON.stringify(await storedRecord(id)).length).toBeLessThanOrEqual(sizeAfterThirty + 2);

    expect((await admin(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(200);
    expect(
      (await admin(`/api/handoffs/${id}/messages`, { method: 'POST', body: { text: 'Guten Tag, ich bin da.' } }))
        .status,
    ).toBe(201);
    await test.app.handoffs.addCustomerMessage(id, 'Danke!');
    expect((await admin(`/api/handoffs/${id}/resolve`, { method: 'POST' })).status).toBe(200);

    const shown = (await admin(`/api/handoffs/${id}`)).body;
    const texts = shown.messages.map((m: { text: string }) => m.text);
    expect(texts).toHaveLength(62);
    // Masked before it was stored, like every line.
    expect(texts[0]).toBe(maskSensitive('Nachricht 1, IBAN DE89 3704 0044 0532 0130 00'));
    expect(texts[0]).not.toContain('3704 0044');
    expect(texts.slice(58)).toEqual(['Nachricht 59', 'Nachricht 60', 'Guten Tag, ich bin da.', 'Danke!']);
    expect(shown.messages.at(-2)).toMatchObject({ from: 'agent', name: 'Admin' });
    const actions = shown.audit.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a === 'customer_message')).toHaveLength(61);
    expect(actions.slice(-5)).toEqual(['customer_message', 'claimed', 'agent_message', 'customer_message', 'resolved']);
    expect(shown.audit.find((a: { action: string }) => a.action === 'agent_message').by).toMatchObject({
      kind: 'agent',
      role: 'admin',
    });
  });

  it('still shows the lines of a record written before, followed by the new ones', async () => {
    const ticket = await test.app.handoffs.requestHandoff(handoffRequest(connector.serviceUrl));
    const before = new Date(Date.now() - 60_000);
    await test.app.handoffs.store.model.updateOne(
      { _id: ticket.handoffId },
      { $push: { messages: { at: before, from: 'customer', text: 'Eine alte Zeile' } } },
    );
    await test.app.handoffs.addCustomerMessage(ticket.handoffId, 'Eine neue Zeile');
    const record = await test.app.handoffs.get(ticket.handoffId);
    expect(record.messages.map((m) => m.text)).toEqual(['Eine alte Zeile', 'Eine neue Zeile']);
  });

  it('exports the lines with the customer and erases them with the customer', async () => {
    const request = handoffRequest(connector.serviceUrl);
    const customerId = request.conversationReference.user!.id;
    const ticket = await test.app.handoffs.requestHandoff(request);
    await test.app.handoffs.addCustomerMessage(ticket.handoffId, 'Bitte rufen Sie mich an.');

    const exported = await admin(`/api/admin/customers/${encodeURIComponent(customerId)}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.data.handoff_messages.map((m: { text: string }) => m.text)).toEqual([
      'Bitte rufen Sie mich an.',
    ]);

    const erased = await admin(`/api/admin/customers/${encodeURIComponent(customerId)}`, { method: 'DELETE' });
    expect(erased.status).toBe(200);
    expect(erased.body.collections.handoff_messages.deleted).toBe(1);
    expect((await test.app.handoffs.get(ticket.handoffId)).messages).toEqual([]);
  });
});
