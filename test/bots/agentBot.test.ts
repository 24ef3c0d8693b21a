import {
  ANNA,
  AGENTS_CHANNEL_ID,
  BEN,
  cardText,
  eventually,
  SVEN,
  TeamsHarness,
  TEAM_ID,
} from '../services/teams/teamsHarness';

type InvokeBody = { statusCode: number; type: string; value: Record<string, unknown> };

describe('Teams agent bot', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await new TeamsHarness().start();
  });
  afterAll(async () => {
    await h.stop();
  });

  /** A fresh handoff whose card is posted; returns its id and thread. */
  async function postedHandoff(overrides = {}) {
    const id = await h.newHandoff(overrides);
    const thread = await h.threadOf(id);
    return { id, thread };
  }

  function putsTo(activityId: string) {
    return h.connector.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/activities/${activityId}`));
  }

  it('remembers the agents channel from the install conversationUpdate with channelData.team', async () => {
    const res = await h.install();
    expect(res.status).toBe(200);
    const channel = await h.channels.current();
    expect(channel).toMatchObject({
      channelId: AGENTS_CHANNEL_ID,
      teamId: TEAM_ID,
      teamName: 'Kundenservice',
      serviceUrl: h.connectorUrl,
    });
    expect(channel?.reference.conversation?.id).toBe(AGENTS_CHANNEL_ID);
  });

  it('posts every new handoff as a card with an Übernehmen button into the agents channel', async () => {
    const id = await h.newHandoff();
    const create = await h.connector.waitFor(
      (r) => r.method === 'POST' && r.path === '/v3/conversations' && JSON.stringify(r.body).includes(id),
      5000,
      'the card post',
    );
    expect((create.body.channelData as { channel: { id: string } }).channel.id).toBe(AGENTS_CHANNEL_ID);
    expect(create.body.isGroup).toBe(true);
    const activity = create.body.activity as {
      attachments: { contentType: string; content: Record<string, unknown> }[];
    };
    const card = activity.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.4');
    const text = cardText(card.content);
    expect(text).toContain(h.t('agent:category.billing'));
    expect(text).toContain(`${h.t('agent:card.priority')}: ${h.t('agent:priority.annoyed')}`);
    expect(text).toContain(`${h.t('agent:card.mood')}: ${h.t('agent:mood.1')}`);
    expect(text).toContain('Rechnung zu hoch');
    expect(text).toContain(h.t('agent:card.waiting'));
    const [button] = card.content.actions as Record<string, unknown>[];
    expect(button).toMatchObject({
      type: 'Action.Execute',
      title: h.t('agent:card.claim'),
      verb: 'claim',
      data: { handoffId: id },
    });
    expect(button.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: 'claim', handoffId: id } });

    const thread = await h.threadOf(id);
    expect(thread.conversationId).toMatch(new RegExp(`^${AGENTS_CHANNEL_ID.replace(/[.]/g, '\\.')};messageid=\\d+$`));
    expect(thread.activityId).toBe(thread.conversationId.split(';messageid=')[1]);
    // The notifier records the thread, then the "notified" audit entry: wait for both.
    const started = Date.now();
    let record = await h.handoffs.get(id);
    while (!record.audit.some((a) => a.action === 'notified') && Date.now() - started < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      record = await h.handoffs.get(id);
    }
    expect(record.teams?.conversationId).toBe(thread.conversationId);
    expect(record.audit.map((a) => a.action)).toContain('notified');
  });

  it('posts the card exactly once when several instances hear the same new handoff', async () => {
    const id = await h.newHandoff();
    const others = [h.anotherInstance(), h.anotherInstance(), h.anotherInstance()];
    const item = h.handoffs.listItem(await h.handoffs.get(id));
    const results = await Promise.all(others.map((n) => n.post(item)));
    await h.threadOf(id);
    await new Promise((r) => setTimeout(r, 200));
    const posts = h.connector.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v3/conversations' && JSON.stringify(r.body).includes(id),
    );
    expect(posts).toHaveLength(1);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
  });

  it('claims on Action.Execute: answers with the updated card and updates the posted card for everyone', async () => {
    const { id, thread } = await postedHandoff();
    const res = await h.invokeClaim(ANNA, thread.conversationId, id);
    expect(res.status).toBe(200);
    const body = res.body as InvokeBody;
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain(h.t('agent:card.claimedAfter', { name: ANNA.name, minutes: 0 }));
    expect(body.value.actions).toBeUndefined();

    const put = await h.connector.waitFor(
      (r) =>
        r.method === 'PUT' && r.path === `/v3/conversations/${thread.conversationId}/activities/${thread.activityId}`,
      5000,
      'the card update',
    );
    const updated = (put.body.attachments as { content: unknown }[])[0].content;
    expect(cardText(updated)).toContain(ANNA.name);
    expect((updated as { actions?: unknown }).actions).toBeUndefined();
    await h.connector.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path.startsWith(`/v3/conversations/${thread.conversationId}/activities`) &&
        r.body.text === h.t('agent:thread.claimed', { name: ANNA.name }),
      5000,
      'the claimed line in the thread',
    );

    const record = await h.handoffs.get(id);
    expect(record.status).toBe('assigned');
    expect(record.agent).toMatchObject({ id: `teams:${ANNA.aadObjectId}`, name: ANNA.name, role: 'agent' });
  });

  it('answers a second agent pressing Übernehmen with a card saying who already took it', async () => {
    const { id, thread } = await postedHandoff();
    expect((await h.invokeClaim(ANNA, thread.conversationId, id)).status).toBe(200);
    const res = await h.invokeClaim(BEN, thread.conversationId, id);
    const body = res.body as InvokeBody;
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain(h.t('agent:card.alreadyTaken', { name: ANNA.name }));
    expect((await h.handoffs.get(id)).agent?.name).toBe(ANNA.name);
  });

  it('lets exactly one of many agents win when they press at the same moment', async () => {
    const { id, thread } = await postedHandoff();
    const agents = Array.from({ length: 8 }, (_, i) => ({
      id: `29:a${i}`,
      name: `Agent ${i}`,
      aadObjectId: `aad-${i}`,
    }));
    const results = await Promise.all(agents.map((a) => h.invokeClaim(a, thread.conversationId, id)));
    const record = await h.handoffs.get(id);
    const taken = h.t('agent:card.alreadyTaken', { name: record.agent?.name });
    const winners = results.filter((r) => !cardText((r.body as InvokeBody).value).includes(taken));
    expect(winners).toHaveLength(1);
    expect(record.audit.filter((a) => a.action === 'claimed')).toHaveLength(1);
  });

  it('claims through the Action.Submit fallback (a message with value and replyToId)', async () => {
    const { id, thread } = await postedHandoff();
    const res = await h.submitClaim(BEN, thread.conversationId, thread.activityId, id);
    expect(res.status).toBe(200);
    expect((await h.handoffs.get(id)).agent?.name).toBe(BEN.name);
    await h.connector.waitFor(
      (r) =>
        r.method === 'PUT' &&
        r.path.endsWith(`/activities/${thread.activityId}`) &&
        cardText((r.body.attachments as { content: unknown }[])[0].content).includes(BEN.name),
      5000,
      'the card update',
    );
    // A late second press is told who has it.
    const late = await h.submitClaim(ANNA, thread.conversationId, thread.activityId, id);
    expect(late.status).toBe(200);
    await h.connector.waitFor(
      (r) => r.method === 'POST' && r.body.text === h.t('agent:card.alreadyTaken', { name: BEN.name }),
      5000,
      'the already-taken reply',
    );
  });

  it('relays an @mentioned thread message to the customer without the mention', async () => {
    const { id, thread } = await postedHandoff();
    await h.invokeClaim(ANNA, thread.conversationId, id);
    const res = await h.threadMessage(ANNA, thread.conversationId, 'Guten Tag, ich sehe mir Ihre Rechnung gleich an.');
    expect(res.status).toBe(200);
    const sent = h.customerSends.find((s) =>
      s.activities.some((a) => a.text === 'Guten Tag, ich sehe mir Ihre Rechnung gleich an.'),
    );
    expect(sent).toBeDefined();
    const record = await h.handoffs.get(id);
    expect(record.messages.at(-1)).toMatchObject({
      from: 'agent',
      text: 'Guten Tag, ich sehe mir Ihre Rechnung gleich an.',
      name: ANNA.name,
    });
    expect(h.customerTexts().join('\n')).not.toContain('<at>');
  });

  it('holds an informal thread reply, offers the formal suggestion, and sends what the agent picks', async () => {
    const { id, thread } = await postedHandoff();
    await h.invokeClaim(ANNA, thread.conversationId, id);
    const informal = 'Hast du deine Kundennummer da?';
    await h.threadMessage(ANNA, thread.conversationId, informal);
    expect(h.customerTexts()).not.toContain(informal);
    const hint = await h.connector.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path.startsWith(`/v3/conversations/${thread.conversationId}/activities`) &&
        cardText((r.body.attachments as { content: unknown }[] | undefined)?.[0]?.content).includes(
          h.t('agent:replyCheck.InformalAddress'),
        ),
      5000,
      'the hint card',
    );
    const card = (hint.body.attachments as { content: { actions: { title: string; data: unknown }[] } }[])[0].content;
    expect(card.actions.map((a) => a.title)).toEqual([
      h.t('agent:replyCheck.sendSuggestion'),
      h.t('agent:replyCheck.sendAnyway'),
    ]);
    expect(cardText(card)).toContain('Haben Sie Ihre Kundennummer da?');

    // "Vorschlag senden": an Action.Submit in the thread, without a mention.
    await h.post(h.teamsActivity(ANNA, thread.conversationId, { type: 'message', value: card.actions[0].data }));
    await eventually(
      () => h.customerTexts().includes('Haben Sie Ihre Kundennummer da?') || undefined,
      'the suggestion sent',
    );
    // "Trotzdem senden" sends the original and is audited.
    await h.post(h.teamsActivity(ANNA, thread.conversationId, { type: 'message', value: card.actions[1].data }));
    await eventually(() => h.customerTexts().includes(informal) || undefined, 'the original sent anyway');
    const record = await h.handoffs.get(id);
    expect(record.audit.filter((a) => a.action === 'sent_despite_check')).toHaveLength(1);
  });

  it('ignores thread messages that do not @mention the bot', async () => {
    const { id, thread } = await postedHandoff();
    await h.invokeClaim(ANNA, thread.conversationId, id);
    const before = h.customerSends.length;
    await h.threadMessage(ANNA, thread.conversationId, 'Kollegen, wer kennt sich mit Roaming aus?', false);
    expect(h.customerSends.length).toBe(before);
    expect((await h.handoffs.get(id)).messages).toHaveLength(0);
  });

  it('shows the customer reply in the thread', async () => {
    const { id, thread } = await postedHandoff();
    await h.invokeClaim(ANNA, thread.conversationId, id);
    await h.handoffs.addCustomerMessage(id, 'Danke, ich warte.');
    await h.connector.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path.startsWith(`/v3/conversations/${thread.conversationId}/activities`) &&
        r.body.text === h.t('agent:thread.customer', { text: 'Danke, ich warte.' }),
      5000,
      'the customer line in the thread',
    );
  });

  it('keeps "notiz: …" internal: stored as a note, never sent to the customer', async () => {
    const { id, thread } = await postedHandoff();
    await h.invokeClaim(ANNA, thread.conversationId, id);
    const before = h.customerSends.length;
    await h.threadMessage(ANNA, thread.conversationId, 'notiz: Kunde wirkt ungeduldig, Gutschrift prüfen');
    const record = await h.handoffs.get(id);
    expect(record.notes.map((n) => n.text)).toContain('Kunde wirkt ungeduldig, Gutschrift prüfen');
    expect(h.customerSends.length).toBe(before);
    expect(record.messages).toHaveLength(0);
    await h.connector.waitFor(
      (r) => r.method === 'POST' && r.body.text === h.t('agent:thread.noteSaved'),
      5000,
      'the note confirmation',
    );
  });

  it('ends the handoff with "ende": resolved, the card says so, the thread is told', async () => {
    const { id, thread } = await postedHandoff();
    await h.invokeClaim(ANNA, thread.conversationId, id);
    await h.threadMessage(ANNA, thread.conversationId, 'Ende');
    const record = await h.handoffs.get(id);
    expect(record.status).toBe('resolved');
    await h.connector.waitFor(
      (r) =>
        r.method === 'PUT' &&
        r.path.endsWith(`/activities/${thread.activityId}`) &&
        cardText((r.body.attachments as { content: unknown }[])[0].content).includes(
          h.t('agent:card.resolvedBy', { name: ANNA.name }),
        ),
      5000,
      'the closed card',
    );
    await h.connector.waitFor(
      (r) => r.method === 'POST' && r.path.includes(thread.activityId) && r.body.text === h.t('agent:thread.resolved'),
      5000,
      'the resolved line',
    );
    expect(h.customerTexts().join('\n')).toContain(h.t('handoff:resolved'));
  });

  it('hands over to a supervisor with "supervisor": back in the queue, only supervisors may claim it', async () => {
    const { id, thread } = await postedHandoff();
    await h.invokeClaim(ANNA, thread.conversationId, id);
    await h.threadMessage(ANNA, thread.conversationId, 'supervisor');
    const record = await h.handoffs.get(id);
    expect(record.status).toBe('queued');
    expect(record.needsSupervisor).toBe(true);
    await eventually(
      () =>
        putsTo(thread.activityId).find((p) =>
          Array.isArray((p.body.attachments as { content: { actions?: unknown[] } }[])[0].content.actions),
        ),
      'the card with its button back',
    );

    const agentTry = (await h.invokeClaim(BEN, thread.conversationId, id)).body as InvokeBody;
    expect(cardText(agentTry.value)).toContain(h.t('agent:thread.supervisorOnly'));
    const supervisorTry = (await h.invokeClaim(SVEN, thread.conversationId, id)).body as InvokeBody;
    expect(cardText(supervisorTry.value)).toContain(SVEN.name);
    expect((await h.handoffs.get(id)).agent).toMatchObject({ name: SVEN.name, role: 'supervisor' });
  });

  it('posts the cards of customers who waited before the bot was installed, once it is', async () => {
    await h.post(
      h.teamsActivity(ANNA, AGENTS_CHANNEL_ID, {
        type: 'conversationUpdate',
        membersRemoved: [
          { id: 'x', name: 'x' },
          { id: '28:lotse-bot', name: 'Lotse' },
        ],
      }),
    );
    expect(await h.channels.current()).toBeUndefined();
    const id = await h.newHandoff();
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.threads.byHandoff(id)).toBeUndefined();
    await h.install();
    await h.threadOf(id);
  });

  it('retries a card the Bot Connector refused', async () => {
    h.connector.failCreate = 503;
    const id = await h.newHandoff();
    await h.connector.waitFor(
      (r) => r.method === 'POST' && r.path === '/v3/conversations' && JSON.stringify(r.body).includes(id),
      5000,
      'the failed post',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await h.threads.byHandoff(id)).toBeUndefined();
    h.connector.failCreate = undefined;
    await h.notifier.catchUp();
    await h.threadOf(id);
  });

  describe('refusals', () => {
    it('tells an agent to claim first before writing to a waiting customer', async () => {
      const { id, thread } = await postedHandoff();
      await h.threadMessage(BEN, thread.conversationId, 'Hallo?');
      expect((await h.handoffs.get(id)).messages).toHaveLength(0);
      await h.connector.waitFor(
        (r) =>
          r.method === 'POST' && r.path.includes(thread.activityId) && r.body.text === h.t('agent:thread.notClaimed'),
        5000,
        'the claim-first reply',
      );
    });

    it('does not let another agent write into a colleague’s conversation', async () => {
      const { id, thread } = await postedHandoff();
      await h.invokeClaim(ANNA, thread.conversationId, id);
      await h.threadMessage(BEN, thread.conversationId, 'Ich übernehme das.');
      expect((await h.handoffs.get(id)).messages).toHaveLength(0);
      await h.connector.waitFor(
        (r) => r.method === 'POST' && r.body.text === h.t('agent:thread.notYours', { name: ANNA.name }),
        5000,
        'the not-yours reply',
      );
    });

    it('answers a message outside any handoff thread without relaying anything', async () => {
      const before = h.customerSends.length;
      const res = await h.threadMessage(ANNA, `${AGENTS_CHANNEL_ID};messageid=999999`, 'Hallo Bot');
      expect(res.status).toBe(200);
      expect(h.customerSends.length).toBe(before);
      await h.connector.waitFor(
        (r) => r.method === 'POST' && r.body.text === h.t('agent:thread.unknownThread'),
        5000,
        'the unknown-thread reply',
      );
    });

    it('rejects an invoke with an unknown verb, without an action, or for an unknown handoff', async () => {
      const { id, thread } = await postedHandoff();
      const unknownVerb = await h.invokeClaim(ANNA, thread.conversationId, id, 'delete');
      expect((unknownVerb.body as InvokeBody).statusCode).toBe(400);
      const noAction = await h.post(
        h.teamsActivity(ANNA, thread.conversationId, { type: 'invoke', name: 'adaptiveCard/action', value: {} }),
      );
      expect(noAction.status).toBe(400);
      const unknown = await h.invokeClaim(ANNA, thread.conversationId, 'aaaaaaaaaaaaaaaaaaaaaaaa');
      expect((unknown.body as InvokeBody).statusCode).toBe(404);
      const injected = await h.post(
        h.teamsActivity(ANNA, thread.conversationId, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'claim', data: { handoffId: { $gt: '' } } } },
        }),
      );
      expect((injected.body as InvokeBody).statusCode).toBe(400);
      expect((await h.handoffs.get(id)).status).toBe('queued');
    });
  });
});
