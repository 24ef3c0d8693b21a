import { ActivityHandler, TestAdapter, TurnContext } from 'botbuilder';
import { webChatTextMiddleware } from '../../src/channels/webChatText';
import { handoffCard } from '../../src/channels/teams/cards';
import { I18nService } from '../../src/services/i18n/i18nService';
import { ANNA, BOT, cardText, TeamsHarness, TEAM_ID, TENANT_ID } from '../services/teams/teamsHarness';

const LINK = '[hier die Rechnung öffnen](https://evil.example/pay)';
const IMAGE = '![x](https://evil.example/pixel.png)';

describe('the Teams agent side belongs to one team in one tenant', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await new TeamsHarness().start();
    await h.install();
  });
  afterAll(() => h.stop());

  it('ignores an install in another team: the agents channel stays where it was', async () => {
    const before = await h.channels.current();
    const res = await h.post(
      h.teamsActivity(ANNA, '19:stranger@thread.tacv2', {
        type: 'conversationUpdate',
        membersAdded: [BOT],
        channelData: {
          team: { id: '19:stranger-team@thread.tacv2', name: 'Fremd' },
          channel: { id: '19:stranger@thread.tacv2' },
          eventType: 'teamMemberAdded',
          tenant: { id: TENANT_ID },
        },
      }),
    );
    expect(res.status).toBe(200);
    expect((await h.channels.current())?.channelId).toBe(before?.channelId);
    expect((await h.channels.current())?.teamId).toBe(TEAM_ID);
  });

  it('refuses a claim from a personal chat in another tenant, and the handoff stays queued', async () => {
    const id = await h.newHandoff();
    const res = await h.post(
      h.teamsActivity(ANNA, 'a:personal-chat', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        conversation: { id: 'a:personal-chat', conversationType: 'personal', tenantId: 'other-tenant' } as never,
        channelData: { tenant: { id: 'other-tenant' } },
        value: { action: { type: 'Action.Execute', verb: 'claim', data: { handoffId: id } }, trigger: 'manual' },
      }),
    );
    expect(res.status).toBe(403);
    expect((await h.handoffs.get(id)).status).toBe('queued');
  });

  it('refuses a claim from the right team id sent with another tenant', async () => {
    const id = await h.newHandoff();
    const res = await h.post(
      h.teamsActivity(ANNA, '19:agents@thread.tacv2', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelData: { team: { id: TEAM_ID }, tenant: { id: 'other-tenant' } },
        value: { action: { type: 'Action.Execute', verb: 'claim', data: { handoffId: id } }, trigger: 'manual' },
      }),
    );
    expect(res.status).toBe(403);
    expect((await h.handoffs.get(id)).status).toBe('queued');
  });

  it('shows a customer’s Markdown in the thread as typed: no live link, no image', async () => {
    const id = await h.newHandoff();
    const thread = await h.threadOf(id);
    await h.invokeClaim(ANNA, thread.conversationId, id);
    await h.handoffs.addCustomerMessage(id, `${LINK} ${IMAGE}`);
    const line = await h.connector.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path.startsWith(`/v3/conversations/${thread.conversationId}/activities`) &&
        String(r.body.text ?? '').includes('evil.example/pay'),
      5000,
      'the customer line in the thread',
    );
    const text = String(line.body.text);
    expect(text).not.toContain(LINK);
    expect(text).not.toContain(IMAGE);
    expect(text).toContain('\\[hier die Rechnung öffnen\\]');
  });
});

describe('text written by others, rendered as Markdown', () => {
  const t = new I18nService('de').t('de');

  it('escapes the customer’s summary and name on the handoff card; a masked IBAN keeps its stars', () => {
    const card = handoffCard(
      {
        id: 'h1',
        status: 'queued',
        priority: 2,
        priorityName: 'normal',
        category: 'billing',
        customer: { name: `*Chef* ${LINK}`, channel: 'webchat' },
        summary: { text: `IBAN DE89 **** **** **** **30 00 ${IMAGE}` },
        createdAt: new Date(),
      } as never,
      { t, now: new Date(), timeZone: 'Europe/Berlin', botName: 'Lotse' },
    );
    const text = cardText(card);
    expect(text).not.toContain(LINK);
    expect(text).not.toContain(IMAGE);
    expect(text).toContain('DE89 \\*\\*\\*\\* \\*\\*\\*\\*');
  });

  it('sends agent and admin text to Web Chat as Markdown without raw HTML', async () => {
    const bot = new ActivityHandler();
    bot.onMessage(async (context, next) => {
      await context.sendActivity('**Ihr Termin** <img src=x onerror=alert(1)> <script>alert(2)</script>');
      await next();
    });
    const adapter = new TestAdapter((context: TurnContext) => bot.run(context), {
      channelId: 'webchat',
      conversation: { id: 'c1' },
    } as never);
    adapter.use(webChatTextMiddleware());
    await adapter.send('Hallo').assertReply((reply) => {
      expect(reply.text).toContain('**Ihr Termin**');
      expect(reply.text).not.toMatch(/<img|<script/);
      expect(reply.text).toContain('&lt;img');
    });
  });
});
