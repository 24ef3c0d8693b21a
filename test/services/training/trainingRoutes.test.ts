import mongoose from 'mongoose';
import { startTestApp, TestApp } from '../../support/testApp';
import { I18nService } from '../../../src/services/i18n/i18nService';

describe('training sessions over the API', () => {
  let test: TestApp;
  const ADMIN = 'bootstrap-admin-token-for-training';
  let agentToken = '';
  let otherToken = '';
  const t = new I18nService().t('de');

  const call = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${test.baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    });
  const post = (path: string, body: unknown, token = agentToken) =>
    call(path, { method: 'POST', token, body: JSON.stringify(body) });
  const issue = async (name: string) =>
    ((await (await post('/api/admin/users', { name, role: 'agent' }, ADMIN)).json()) as { token: string }).token;

  beforeAll(async () => {
    test = await startTestApp({ ADMIN_API_TOKEN: ADMIN });
    agentToken = await issue('Anna Agent');
    otherToken = await issue('Bernd Agent');
  });
  afterAll(() => test.close());

  it('asks for a token', async () => {
    expect((await call('/api/training/sessions', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('calms the simulated customer after good replies and ends with null', async () => {
    const started = await post('/api/training/sessions', { scenario: 'irate-billing' });
    expect(started.status).toBe(201);
    const session = (await started.json()) as { id: string; scenario: string; customer: string };
    expect(session.scenario).toBe('irate-billing');
    expect(session.customer).toMatch(/Rechnung/);

    const good =
      'Das tut mir leid, ich verstehe Ihren Ärger. Ich prüfe die Rechnung sofort und veranlasse bis morgen eine Gutschrift.';
    let last: { customer: string | null; feedback: { score: number; formal: boolean; hints: string[] } } | undefined;
    for (let i = 0; i < 5 && last?.customer !== null; i++) {
      const res = await post(`/api/training/sessions/${session.id}/replies`, { text: good });
      expect(res.status).toBe(200);
      last = (await res.json()) as typeof last;
      expect(last?.feedback).toMatchObject({ formal: true, score: 100 });
      expect(last?.feedback.hints).toEqual([t('training:hints.good')]);
    }
    expect(last?.customer).toBeNull();

    const view = (await (await call(`/api/training/sessions/${session.id}`, { token: agentToken })).json()) as {
      done: boolean;
      score: number;
      outcome: string;
      turns: { role: string }[];
    };
    expect(view).toMatchObject({ done: true, score: 100, outcome: 'calmed' });
    expect(view.turns[0].role).toBe('customer');
    const again = await post(`/api/training/sessions/${session.id}/replies`, { text: good });
    expect(again.status).toBe(409);
  });

  it('escalates after informal, arguing replies and names what was wrong', async () => {
    const session = (await (await post('/api/training/sessions', { scenario: 'cancellation-threat' })).json()) as {
      id: string;
    };
    const res = await post(`/api/training/sessions/${session.id}/replies`, {
      text: 'Das ist doch dein Problem, da kann ich nichts machen.',
    });
    const body = (await res.json()) as {
      customer: string | null;
      feedback: { formal: boolean; arguing: boolean; neutral: boolean; hints: string[] };
    };
    expect(body.feedback).toMatchObject({ formal: false, arguing: true, neutral: false });
    expect(body.feedback.hints).toEqual(
      expect.arrayContaining([t('training:hints.informal'), t('training:hints.arguing')]),
    );
    // From mood 3 two steps up is past the top: the customer leaves.
    expect(body.customer).toBeNull();
    const view = (await (await call(`/api/training/sessions/${session.id}`, { token: agentToken })).json()) as {
      outcome: string;
    };
    expect(view.outcome).toBe('escalated');
  });

  it('keeps a session to the agent who started it and rejects unknown scenarios', async () => {
    const session = (await (await post('/api/training/sessions', {})).json()) as { id: string; scenario: string };
    expect(session.scenario).toMatch(/^[a-z-]+$/);
    expect((await call(`/api/training/sessions/${session.id}`, { token: otherToken })).status).toBe(404);
    expect((await post(`/api/training/sessions/${session.id}/replies`, { text: 'Hallo' }, otherToken)).status).toBe(
      404,
    );
    expect((await post('/api/training/sessions', { scenario: 'nope' })).status).toBe(400);
    expect((await post(`/api/training/sessions/${session.id}/replies`, { text: { $gt: '' } })).status).toBe(400);
  });

  it('never touches real handoffs: practice lives in its own collection', async () => {
    const connection = await mongoose.createConnection(test.mongoUri).asPromise();
    const db = connection.db!;
    const handoffsBefore = await db.collection('handoffs').countDocuments();
    const session = (await (await post('/api/training/sessions', { scenario: 'stolen-card' })).json()) as {
      id: string;
    };
    await post(`/api/training/sessions/${session.id}/replies`, { text: 'Ich sperre Ihre Karte sofort.' });
    expect(await db.collection('handoffs').countDocuments()).toBe(handoffsBefore);
    expect(await db.collection('trainingsessions').countDocuments({ _id: session.id as never })).toBe(1);
    await connection.close();
    const queue = (await (await call('/api/handoffs?status=queued', { token: agentToken })).json()) as {
      items: unknown[];
    };
    expect(queue.items).toEqual([]);
  });
});
