import type { Activity } from 'botbuilder';
import { freePort } from '../../src/services/database/localMongoServer';
import { I18nService } from '../../src/services/i18n/i18nService';
import { AgentsPlayground, ShownMessage, startAgentsPlayground } from '../support/agentsPlayground';
import { openAroundTheClock, ServiceProcess, startServiceProcess } from '../support/serviceProcess';
import { testMongoUri } from '../support/testDb';
import { DirectLineClient } from '../services/directline/directLineClient';
import { cardText, eventually } from '../services/teams/teamsHarness';

const t = new I18nService('de').t('de');
const ADMIN = 'playground-admin-token';
const WORLD = {
  tenantId: '6e2d8a1c-4b7f-4c3e-9d5a-1f0b2c3d4e5f',
  teamId: '19:kundenservice@thread.tacv2',
  teamName: 'Kundenservice',
  bot: { id: '28:lotse-local', name: 'Lotse' },
  me: { id: '29:anna-agentin', name: 'Anna Agentin', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000001' },
  personalChatId: 'a:personal-chat-anna',
};
/** A busy 2-core machine: a turn through two processes and two HTTP hops can take seconds. */
const WAIT_MS = 30000;
// A step waits for up to two conditions; its own message should win over jest's timeout.
jest.setTimeout(3 * WAIT_MS);

interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
}

/** Every action of an Adaptive Card, wherever it sits (card actions, ActionSets). */
function actionsOf(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string' && obj.type.startsWith('Action.') && typeof obj.title === 'string')
      found.push(obj as unknown as CardAction);
    Object.values(obj).forEach(walk);
  };
  walk(card);
  return found;
}

const cardOf = (shown: ShownMessage | undefined) => shown?.attachments[0]?.content;

/** The fixed parts of a text with placeholders, to find it whatever was filled in. */
function fixedParts(key: string, placeholders: string[]): string[] {
  const marks = Object.fromEntries(placeholders.map((name) => [name, '\u0000']));
  return t(key, marks)
    .split('\u0000')
    .filter((part) => part.trim() !== '');
}

/**
 * The Teams flows of issue 14 driven through Microsoft 365 Agents Playground, the way an agent uses
 * them in its page: the app is added to a team, a web customer's handoff appears as a card in the
 * team's channel, the agent claims it with the card's button, writes an informal reply that is held
 * with a formal suggestion, sends the suggestion, hands the customer back to the billing dialog
 * with `ende rechnung`, and practises in a personal chat with "training". The service runs as its
 * own process without MicrosoftAppId (no authentication), the customer writes through the
 * service's Direct Line, and every assertion is on what the playground page shows the agent or
 * what the customer's web chat receives.
 */
describe('Teams flows in Microsoft 365 Agents Playground', () => {
  let service: ServiceProcess;
  let playground: AgentsPlayground;
  let customer: DirectLineClient;
  const customerTexts: string[] = [];
  let card: ShownMessage;
  let thread = '';

  const readCustomer = async () => {
    const activities: Partial<Activity>[] = await customer.poll();
    for (const a of activities) if (a.type === 'message' && a.from?.role === 'bot') customerTexts.push(a.text ?? '');
    return customerTexts;
  };
  const customerSees = (text: string) =>
    eventually(
      async () => (await readCustomer()).includes(text) || undefined,
      `the customer to see "${text}"`,
      WAIT_MS,
    );
  const shownIn = (conversationId: string, what: string, match: (m: ShownMessage) => boolean) =>
    eventually(() => playground.view.in(conversationId).find(match), what, WAIT_MS);

  beforeAll(async () => {
    const servicePort = await freePort();
    const playgroundPort = await freePort();
    service = await startServiceProcess(
      {
        MONGODB_URI: testMongoUri('playground'),
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        TEAMS_TENANT_ID: WORLD.tenantId,
        TEAMS_AGENT_TEAM_ID: WORLD.teamId,
        TEAMS_SUPERVISOR_IDS: '',
        ADMIN_API_TOKEN: ADMIN,
        RATE_LIMIT_PER_MINUTE: '0',
      },
      servicePort,
    );
    await openAroundTheClock(service, ADMIN);
    playground = await startAgentsPlayground(`${service.baseUrl}/api/messages`, WORLD, playgroundPort);
  }, 180000);

  afterAll(async () => {
    await playground?.stop();
    await service?.stop();
  });

  it('installed in a team, posts a waiting customer’s handoff as a card in the team’s channel', async () => {
    await playground.installInTeam();
    customer = await DirectLineClient.start(service.baseUrl);
    await customer.say('Ich möchte sofort mit einem Menschen sprechen');

    card = await shownIn(WORLD.teamId, 'the handoff card in the General channel', (m) =>
      actionsOf(cardOf(m)).some((a) => a.verb === 'claim'),
    );
    expect(card.from).toBe(WORLD.bot.id);
    expect(card.postConversationId).toBeDefined();
    thread = card.postConversationId!;
    const text = cardText(cardOf(card));
    expect(text).toContain(fixedParts('agent:card.title', ['category'])[0]);
    expect(text).toContain(t('agent:card.channel'));
    expect(actionsOf(cardOf(card)).map((a) => a.title)).toContain(t('agent:card.claim'));
  });

  it('claims the handoff from the card: the card changes for everyone and the customer is told', async () => {
    const claim = actionsOf(cardOf(card)).find((a) => a.verb === 'claim')!;
    const answer = await playground.execute(card, { title: claim.title, verb: claim.verb!, data: claim.data });
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const claimedBy = t('agent:card.claimedBy', { name: WORLD.me.name });
    expect(cardText(answer.body.value)).toContain(claimedBy);

    await eventually(
      () => cardText(cardOf(playground.view.get(card.messageId))).includes(claimedBy) || undefined,
      'the card updated in the channel',
      WAIT_MS,
    );
    await shownIn(
      thread,
      'the claim line in the thread',
      (m) => m.text === t('agent:thread.claimed', { name: WORLD.me.name }),
    );
    await customerSees(t('handoff:claimed', { name: WORLD.me.name }));
  });

  it('sends an opening line from the claimed card to the customer with one click', async () => {
    const claimed = playground.view.get(card.messageId)!;
    expect(cardText(cardOf(claimed))).toContain(t('agent:card.suggestions'));
    const opening = actionsOf(cardOf(claimed)).find((a) => a.data?.verb === 'say');
    expect(opening).toBeDefined();
    expect(opening!.title).toBe(opening!.data!.text);
    await playground.submit(claimed, opening!.data!);
    await customerSees(opening!.title);
  });

  it('holds an informal reply and offers the formal suggestion, which one click sends', async () => {
    await playground.write(thread, 'Hast du deine Kundennummer da?', { mentionBot: true });
    const held = await shownIn(thread, 'the reply check card', (m) =>
      cardText(cardOf(m)).includes(t('agent:replyCheck.InformalAddress')),
    );
    expect(cardText(cardOf(held))).toContain('Haben Sie Ihre Kundennummer da?');
    const buttons = actionsOf(cardOf(held));
    expect(buttons.map((b) => b.title)).toEqual([
      t('agent:replyCheck.sendSuggestion'),
      t('agent:replyCheck.sendAnyway'),
    ]);

    await playground.submit(held, buttons[0].data!);
    await shownIn(thread, 'the confirmation in the thread', (m) => m.text === t('agent:replyCheck.sent'));
    await customerSees('Haben Sie Ihre Kundennummer da?');
    expect(customerTexts.join('\n')).not.toContain('Hast du');
  });

  it('"ende rechnung" closes the case and the customer continues in the billing dialog', async () => {
    await playground.write(thread, 'ende rechnung', { mentionBot: true });
    await shownIn(thread, 'the closing line in the thread', (m) => m.text === t('agent:thread.resolved'));
    await eventually(
      () =>
        cardText(cardOf(playground.view.get(card.messageId))).includes(
          t('agent:card.resolvedBy', { name: WORLD.me.name }),
        ) || undefined,
      'the card showing the case closed',
      WAIT_MS,
    );
    expect(actionsOf(cardOf(playground.view.get(card.messageId))).some((a) => a.verb === 'claim')).toBe(false);
    await eventually(
      async () => (await readCustomer()).some((text) => text.startsWith(t('conversation:billing.ask'))) || undefined,
      'the customer to see the billing question',
      WAIT_MS,
    );
    const after = customerTexts.slice(customerTexts.indexOf(t('handoff:handBack.sentence')));
    // The billing dialog's question as it asks it itself, its sub-menu's options included.
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(t('handoff:handBack.sentence'));
    expect(after[1].startsWith(t('conversation:billing.ask'))).toBe(true);
    expect(after[1]).toContain('1 – Rechnungsposten');
  });

  it('"training" in a personal chat starts a practice customer and scores a reply, away from the queue', async () => {
    await playground.write(WORLD.personalChatId, 'training');
    const started = await shownIn(WORLD.personalChatId, 'the training start', (m) =>
      fixedParts('training:chat.started', ['title', 'customer']).every((part) => (m.text ?? '').includes(part)),
    );
    expect(started.from).toBe(WORLD.bot.id);

    await playground.write(
      WORLD.personalChatId,
      'Das tut mir leid. Ich prüfe Ihre Rechnung sofort und melde mich heute bis 16 Uhr bei Ihnen.',
    );
    const [before] = fixedParts('training:chat.feedback', ['score', 'hints']);
    const feedback = await shownIn(WORLD.personalChatId, 'the training feedback', (m) =>
      (m.text ?? '').startsWith(before),
    );
    const score = parseInt(feedback.text!.slice(before.length), 10);
    expect(score).toBeGreaterThan(50);

    // Practice never reaches the agents' queue: the one real handoff stays the only one.
    const res = await fetch(`${service.baseUrl}/api/handoffs?status=queued`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
