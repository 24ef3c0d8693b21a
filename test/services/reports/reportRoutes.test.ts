import { Types } from 'mongoose';
import { handoffModel, HandoffDoc } from '../../../src/services/handoff/handoffModel';
import { api, createUser, startHandoffTestApp } from '../handoff/support/handoffTestApp';
import type { TestApp } from '../../support/testApp';

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** A stored handoff as the queue would have left it (only the fields reports read matter). */
function handoff(overrides: Partial<HandoffDoc> & { createdAt: Date }): Partial<HandoffDoc> {
  return {
    _id: new Types.ObjectId(),
    status: 'resolved',
    mode: 'live',
    priority: 3,
    category: 'billing',
    reason: 'explicit_request',
    needsSupervisor: false,
    frustration: { level: 0, score: 0.1 },
    customer: {
      channel: 'webchat',
      conversationKey: `webchat:${new Types.ObjectId()}`,
      conversationReference: {},
      name: 'Maria Muster',
      userId: 'user-4711',
      language: 'de',
    },
    summary: { text: 'Rechnung zu hoch', menuPath: [], facts: [], references: [], mood: 'ruhig' },
    transcript: [],
    messages: [],
    notes: [],
    previousAgents: [],
    audit: [],
    updatedAt: overrides.createdAt,
    ...overrides,
  };
}

describe('supervisor reports', () => {
  let test: TestApp;
  let supervisor: string;
  let agent: string;
  const from = '2026-11-02T00:00:00Z';
  const to = '2026-11-04T00:00:00Z';

  beforeAll(async () => {
    test = await startHandoffTestApp({ TIMEZONE: 'Europe/Berlin' });
    supervisor = await createUser(test.baseUrl, 'Sabine Supervisorin', 'supervisor');
    agent = await createUser(test.baseUrl, 'Anton Agent', 'agent');
    const day1 = at('2026-11-02T09:00:00Z');
    const day2 = at('2026-11-03T09:00:00Z');
    await handoffModel(test.app.database.connection).insertMany([
      // Waits 10, 20, 30, 40, 100 s; handled 60, 120, 180 s.
      handoff({
        createdAt: day1,
        claimedAt: plus(day1, 10),
        closedAt: plus(day1, 70),
        survey: { askedAt: day1, rating: 5 },
      }),
      handoff({
        createdAt: day1,
        claimedAt: plus(day1, 20),
        closedAt: plus(day1, 140),
        survey: { askedAt: day1, rating: 3 },
      }),
      handoff({ createdAt: day2, category: 'technical', claimedAt: plus(day2, 30), closedAt: plus(day2, 210) }),
      handoff({ createdAt: day2, category: 'technical', status: 'assigned', claimedAt: plus(day2, 40) }),
      handoff({
        createdAt: day2,
        category: 'technical',
        status: 'cancelled',
        claimedAt: plus(day2, 100),
        closedAt: plus(day2, 150),
      }),
      handoff({ createdAt: day2, category: 'technical', status: 'abandoned', closedAt: plus(day2, 1800) }),
      handoff({ createdAt: day2, status: 'queued', mode: 'callback' }),
      handoff({
        createdAt: day2,
        status: 'queued',
        customer: {
          channel: 'whatsapp',
          conversationKey: 'whatsapp:4915112345678',
          conversationReference: {},
          name: '=HYPERLINK("http://evil")',
          userId: '4915112345678',
          language: 'de',
        },
        summary: { text: '-2+3 IBAN DE89370400440532013000', menuPath: [], facts: [], references: [], mood: 'ruhig' },
      }),
      // Outside the window: before and at its (exclusive) end.
      handoff({ createdAt: at('2026-11-01T22:59:59Z'), status: 'abandoned' }),
      handoff({ createdAt: at(to), status: 'abandoned' }),
    ]);
    const line = (iso: string, from: 'customer' | 'bot' = 'customer') => ({ at: at(iso), from, text: 'Hallo' });
    await test.app.database.connection.collection('transcripts').insertMany([
      { _id: 'webchat:a', lines: [line('2026-11-02T08:00:00Z'), line('2026-11-03T08:00:00Z')], updatedAt: day2 },
      { _id: 'webchat:b', lines: [line('2026-11-02T10:00:00Z')], updatedAt: day1 },
      { _id: 'whatsapp:c', lines: [line('2026-11-03T10:00:00Z')], updatedAt: day2 },
      { _id: 'webchat:d', lines: [line('2026-11-03T11:00:00Z', 'bot')], updatedAt: day2 },
      { _id: 'webchat:e', lines: [line('2026-10-20T10:00:00Z')], updatedAt: day2 },
      { _id: 'msteams:agents', lines: [line('2026-11-02T10:00:00Z')], updatedAt: day1 },
    ] as never[]);
  });
  afterAll(() => test.close());

  it('summarises handoffs, waits, handling, CSAT, categories and days of the window', async () => {
    const res = await api(test.baseUrl, supervisor)(`/api/reports/summary?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      conversations: 3,
      handoffs: 8,
      handoffRate: 2.6667,
      abandoned: 1,
      abandonmentRate: 0.1429,
      waitSeconds: { p50: 30, p90: 100, max: 100 },
      handleSeconds: { p50: 120 },
      csat: { average: 4, count: 2 },
      timeZone: 'Europe/Berlin',
    });
    expect(res.body.byCategory).toEqual({
      technical: { handoffs: 4, abandoned: 1, waitSecondsP50: 40, csatAverage: null },
      billing: { handoffs: 4, abandoned: 0, waitSecondsP50: 10, csatAverage: 4 },
    });
    // Days in Berlin: the window starts at 01:00 local time on the 2nd and ends at 01:00 on the 4th.
    expect(res.body.byDay).toEqual([
      { date: '2026-11-02', conversations: 2, handoffs: 2, abandoned: 0, waitSecondsP50: 10, csatAverage: 4 },
      { date: '2026-11-03', conversations: 2, handoffs: 6, abandoned: 1, waitSecondsP50: 40, csatAverage: null },
      { date: '2026-11-04', conversations: 0, handoffs: 0, abandoned: 0, waitSecondsP50: null, csatAverage: null },
    ]);
  });

  it('answers an empty window with zeros and nulls', async () => {
    const res = await api(test.baseUrl, supervisor)('/api/reports/summary?from=2025-01-01&to=2025-01-02');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      conversations: 0,
      handoffs: 0,
      handoffRate: null,
      abandonmentRate: null,
      waitSeconds: { p50: null, p90: null, max: null },
      csat: { average: null, count: 0 },
      byCategory: {},
    });
  });

  it('exports one masked, formula-safe CSV row per handoff of the window', async () => {
    const res = await fetch(`${test.baseUrl}/api/reports/handoffs.csv?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="handoffs-2026-11-02-2026-11-04.csv"/);
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      '"id","createdAt","status","mode","channel","category","reason","priority","needsSupervisor","frustrationLevel",' +
        '"claimedAt","closedAt","waitSeconds","handleSeconds","agent","csat","customer","summary"',
    );
    expect(lines).toHaveLength(1 + 8);
    expect(lines[1]).toContain('"resolved","live","webchat","billing","explicit_request","normal",false,0,');
    expect(lines[1]).toMatch(/,10,60,,5,"M\. M\.","Rechnung zu hoch"$/);
    expect(text).not.toContain('Maria');
    expect(text).not.toContain('4915112345678');
    expect(text).not.toContain('user-4711');
    expect(text).not.toContain('DE89370400440532013000');
    // Text a spreadsheet would run as a formula starts with an apostrophe.
    const whatsapp = lines.find((l) => l.includes('"whatsapp"'))!;
    expect(whatsapp).toContain(`"'=`);
    expect(whatsapp).toContain(`"'-2+3`);
  });

  it('refuses callers without a token (401), agents (403) and bad dates (400)', async () => {
    for (const path of ['/api/reports/summary', '/api/reports/handoffs.csv']) {
      expect((await fetch(`${test.baseUrl}${path}`)).status).toBe(401);
      expect((await api(test.baseUrl, agent)(path)).status).toBe(403);
      expect((await api(test.baseUrl, supervisor)(`${path}?from=yesterday`)).status).toBe(400);
      expect((await api(test.baseUrl, supervisor)(`${path}?from=2026-02-30T00:00:00Z`)).status).toBe(400);
      expect((await api(test.baseUrl, supervisor)(`${path}?from=${to}&to=${from}`)).status).toBe(400);
      expect((await api(test.baseUrl, supervisor)(`${path}?from=2020-01-01&to=2026-01-01`)).status).toBe(400);
    }
  });
});
