import { conversation, startTestApp, TestApp } from '../../support/testApp';
import { api, tokenFor } from './adminClient';

const ADMIN = 'admin-test-token';
const OWN_LINE = 'Ich kümmere mich sofort darum und rufe Sie heute noch zurück.';

describe('opening lines are admin-editable like every other text', () => {
  let app: TestApp;
  let agent: string;

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_API_TOKEN: ADMIN, RATE_LIMIT_PER_MINUTE: '0', ADMIN_CONTENT_POLL_MS: '500' });
    agent = await tokenFor(app, ADMIN, 'agent');
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('a translation override of a next-step line shows in the suggestions at once; an unknown handoff is a 404', async () => {
    const chat = conversation(app.baseUrl, { channelId: 'webchat' });
    await chat.say('Hallo');
    await chat.say('Ich möchte bitte mit einem Mitarbeiter sprechen.');
    const id = (await app.app.handoffs.conversationState(`webchat:${chat.id}`)).active?.id;
    expect(id).toBeDefined();

    const before = await api<{ lines: string[] }>(app, 'GET', `/api/handoffs/${id}/suggestions`, agent);
    expect(before.status).toBe(200);
    expect(before.body.lines.length).toBeGreaterThanOrEqual(2);
    expect(before.body.lines).not.toContain(OWN_LINE);

    const put = await api(app, 'PUT', '/api/admin/translations/de', ADMIN, {
      agent: { deescalation: { nextStep: { general: OWN_LINE } } },
    });
    expect(put.status).toBe(200);
    const after = await api<{ lines: string[] }>(app, 'GET', `/api/handoffs/${id}/suggestions`, agent);
    expect(after.body.lines).toContain(OWN_LINE);

    const missing = await api(app, 'GET', '/api/handoffs/65a000000000000000000009/suggestions', agent);
    expect(missing.status).toBe(404);
  });
});
