import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../support/testApp';
import { FakeConnector } from './fakeConnector';
import { AGENTS_CHANNEL_ID, BOT, TEAM_ID } from './teamsHarness';

describe('the service wires the Teams agent side', () => {
  let app: TestApp;
  const connector = new FakeConnector();
  let connectorUrl: string;

  beforeAll(async () => {
    connectorUrl = await connector.start();
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', TEAMS_TENANT_ID: 't', TEAMS_AGENT_TEAM_ID: TEAM_ID });
  });
  afterAll(async () => {
    await app?.close();
    await connector.stop();
  });

  it('routes msteams traffic to the agent bot and posts a new handoff to the installed channel', async () => {
    const install = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'conversationUpdate',
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        id: randomUUID(),
        from: { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna' },
        recipient: BOT,
        conversation: { id: AGENTS_CHANNEL_ID, conversationType: 'channel', isGroup: true },
        membersAdded: [BOT],
        channelData: {
          team: { id: TEAM_ID, name: 'Kundenservice' },
          channel: { id: AGENTS_CHANNEL_ID },
          tenant: { id: 't' },
        },
      }),
    });
    expect(install.status).toBe(200);
    const ticket = await app.app.handoffs.requestHandoff({
      conversationReference: {
        channelId: 'directline',
        serviceUrl: 'http://127.0.0.1:9',
        conversation: { id: `c-${randomUUID()}`, isGroup: false, conversationType: 'personal', name: '' },
        user: { id: 'u', name: 'Kunde' },
      },
      channel: 'directline',
      language: 'de',
      category: 'technical',
      reason: 'explicit_request',
      frustration: { level: 0, score: 0.1 },
      summary: { menuPath: [], facts: [], references: [] },
    });
    await connector.waitFor(
      (r) => r.method === 'POST' && r.path === '/v3/conversations' && JSON.stringify(r.body).includes(ticket.handoffId),
      5000,
      'the card',
    );
    const desk = await fetch(`${app.baseUrl}/agent`);
    expect(desk.status).toBe(200);
  });
});
