import { ANNA, TeamsHarness } from '../services/teams/teamsHarness';

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
});
