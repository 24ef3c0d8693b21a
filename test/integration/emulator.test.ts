import { randomUUID } from 'node:crypto';
import { ADMIN, api, createUser, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';
import { FakeBotConnector, startFakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import type { TestApp } from '../support/testApp';

/**
 * What the README promises for Bot Framework Emulator: without MicrosoftAppId nothing is
 * authenticated, the Emulator's activities (channel "emulator", normal delivery to its own local
 * serviceUrl) get the greeting, and a handoff from there reaches the desk and the agent's message
 * comes back.
 */
describe('Bot Framework Emulator on loopback, without authentication', () => {
  let test: TestApp;
  let emulator: FakeBotConnector;
  beforeAll(async () => {
    test = await startHandoffTestApp();
    emulator = await startFakeBotConnector();
  });
  afterAll(async () => {
    await test.close();
    await emulator.close();
  });

  const conversationId = `emu-${randomUUID()}`;
  const post = (activity: Record<string, unknown>) =>
    fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'emulator',
        serviceUrl: emulator.serviceUrl,
        conversation: { id: conversationId },
        from: { id: 'emulator-user', name: 'User' },
        recipient: { id: 'lotse-bot', name: 'Bot' },
        locale: 'de-DE',
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        ...activity,
      }),
    });

  it('greets when the Emulator opens a conversation and hands over to the desk', async () => {
    const opened = await post({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'lotse-bot' }, { id: 'emulator-user' }],
    });
    expect(opened.status).toBeLessThan(300);
    await emulator.waitFor(() => emulator.textsFor(conversationId).length > 0);
    expect(emulator.textsFor(conversationId)[0]).toContain(test.app.config.companyName);

    expect(
      (await post({ type: 'message', text: 'Ich möchte sofort mit einem Menschen sprechen' })).status,
    ).toBeLessThan(300);
    const agent = await createUser(test.baseUrl, 'Emma Emulator', 'agent');
    let queued: { id: string; customer: { channel: string } } | undefined;
    for (let i = 0; i < 200 && !queued; i++) {
      const list = await api(test.baseUrl, ADMIN)('/api/handoffs?status=queued');
      queued = (list.body.items as { id: string; customer: { channel: string } }[]).find(
        (h) => h.customer.channel === 'emulator',
      );
      if (!queued) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(queued).toBeDefined();
    const desk = api(test.baseUrl, agent);
    expect((await desk(`/api/handoffs/${queued!.id}/claim`, { method: 'POST' })).status).toBe(200);
    const reply = 'Guten Tag, hier ist Emma. Wie kann ich Ihnen helfen?';
    expect((await desk(`/api/handoffs/${queued!.id}/messages`, { method: 'POST', body: { text: reply } })).status).toBe(
      201,
    );
    await emulator.waitFor(() => emulator.textsFor(conversationId).some((text) => text.includes(reply)));
  });
});
