import { ANNA, eventually, SVEN, TeamsHarness } from '../services/teams/teamsHarness';
import { openingLines } from '../../src/services/handoff/deescalationLines';

describe('Teams thread: hand-back to a chosen dialog', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await new TeamsHarness().start();
    await h.install();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('"ende technik" resolves and sends the customer the formal sentence and the troubleshooting question', async () => {
    const id = await h.newHandoff();
    const thread = await h.threadOf(id);
    await h.invokeClaim(ANNA, thread.conversationId, id);
    await h.threadMessage(ANNA, thread.conversationId, 'Ende Technik');
    const record = await h.handoffs.get(id);
    expect(record.status).toBe('resolved');
    expect(record.handBack?.target).toBe('technik');
    const said = h.customerTexts();
    expect(said).toContain(h.t('handoff:handBack.sentence'));
    expect(said).toContain(h.t('conversation:technical.ask'));
    expect(said).not.toContain(h.t('handoff:resolved'));
  });

  it('"ende menü" hands back to the menu', async () => {
    const id = await h.newHandoff();
    const thread = await h.threadOf(id);
    await h.invokeClaim(ANNA, thread.conversationId, id);
    await h.threadMessage(ANNA, thread.conversationId, 'ende menü');
    expect((await h.handoffs.get(id)).handBack?.target).toBe('menu');
    expect(h.customerTexts()).toContain(h.t('handoff:handBack.menuQuestion'));
  });

  /** The card the bot last put in place of the handoff's card. */
  function lastCard(activityId: string): Record<string, unknown> | undefined {
    const puts = h.connector.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/activities/${activityId}`));
    const last = puts[puts.length - 1];
    return last
      ? ((last.body.attachments as { content: Record<string, unknown> }[])[0].content as Record<string, unknown>)
      : undefined;
  }

  function submits(card: Record<string, unknown> | undefined): { title: string; data: Record<string, unknown> }[] {
    const found: { title: string; data: Record<string, unknown> }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      if (obj.type === 'Action.Submit')
        found.push({ title: String(obj.title), data: obj.data as Record<string, unknown> });
      Object.values(obj).forEach(walk);
    };
    walk(card);
    return found;
  }

  it('the claimed card offers opening lines fitted to an irate billing customer; one click sends one', async () => {
    const id = await h.newHandoff({ category: 'billing', frustration: { level: 2, score: 0.9 } });
    const thread = await h.threadOf(id);
    await h.invokeClaim(SVEN, thread.conversationId, id);
    const expected = openingLines(h.t, 'billing', 2);
    expect(expected).toEqual([
      h.t('agent:deescalation.acknowledge.irate'),
      h.t('agent:deescalation.apologise.irate'),
      h.t('agent:deescalation.nextStep.billing'),
    ]);
    await eventually(
      () => submits(lastCard(thread.activityId)).filter((s) => s.data.verb === 'say').length === 3,
      'the card with the suggestions',
    );
    const say = submits(lastCard(thread.activityId)).filter((s) => s.data.verb === 'say');
    expect(say.map((s) => s.title)).toEqual(expected);

    await h.post(
      h.teamsActivity(SVEN, thread.conversationId, {
        type: 'message',
        value: say[2].data,
        replyToId: thread.activityId,
      }),
    );
    expect(h.customerTexts()).toContain(h.t('agent:deescalation.nextStep.billing'));
    expect((await h.handoffs.get(id)).messages.map((m) => m.text)).toContain(
      h.t('agent:deescalation.nextStep.billing'),
    );

    const handBack = submits(lastCard(thread.activityId)).find((s) => s.data.verb === 'handBack');
    expect(handBack).toBeDefined();
    await h.post(
      h.teamsActivity(SVEN, thread.conversationId, {
        type: 'message',
        value: { ...handBack!.data, target: 'beschwerde' },
        replyToId: thread.activityId,
      }),
    );
    expect((await h.handoffs.get(id)).handBack?.target).toBe('beschwerde');
    expect(h.customerTexts()).toContain(h.t('conversation:complaint.ask'));
  });

  it('a calm general customer gets an acknowledgement and a next step, no apology', () => {
    expect(openingLines(h.t, 'general', 0)).toEqual([
      h.t('agent:deescalation.acknowledge.calm'),
      h.t('agent:deescalation.nextStep.general'),
    ]);
  });

  it('"/t" lists the canned responses of the case; "/t Rückruf" sends one, umlaut-tolerant; an unknown name lists them', async () => {
    const id = await h.newHandoff({ category: 'billing', frustration: { level: 0, score: 0.1 } });
    const thread = await h.threadOf(id);
    await h.invokeClaim(ANNA, thread.conversationId, id);
    await h.threadMessage(ANNA, thread.conversationId, '/t');
    await h.connector.waitFor(
      (r) => r.method === 'POST' && typeof r.body.text === 'string' && r.body.text.includes('gutschrift'),
      5000,
      'the list of names',
    );
    const before = h.customerTexts().length;
    await h.threadMessage(ANNA, thread.conversationId, '/t Gutschrift');
    expect(h.customerTexts().slice(before)).toEqual([
      'Ich habe Ihnen eine Gutschrift veranlasst. Sie erscheint auf Ihrer nächsten Rechnung.',
    ]);
    await h.threadMessage(ANNA, thread.conversationId, '/t ruckruf');
    expect(h.customerTexts()[h.customerTexts().length - 1]).toMatch(/^Gern ruft Sie ein Kollege zurück/);
    const sent = h.customerTexts().length;
    await h.threadMessage(ANNA, thread.conversationId, '/t mond');
    await h.connector.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.body.text === h.t('agent:thread.cannedUnknown', { name: 'mond', names: 'gutschrift, preis, rückruf' }),
      5000,
      'the unknown-name answer',
    );
    expect(h.customerTexts().length).toBe(sent);
  });
});
