import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import type { DialogDeps } from '../../../src/dialogs/dialogDeps';
import { handOff } from '../../../src/dialogs/escalation';
import { announceHandoff, AnnouncementContext } from '../../../src/dialogs/handoff/announcement';
import { SessionStore } from '../../../src/dialogs/session';
import { nextOpening } from '../../../src/services/handoff/businessHours';
import type { HandoffRequest, HandoffTicket } from '../../../src/services/handoff/types';
import type { BusinessHours } from '../../../src/services/content/types';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { createLogger } from '../../../src/services/logger';

const i18n = new I18nService('de');
const t = i18n.t('de');
const TZ = 'Europe/Berlin';
const WEEKDAYS: BusinessHours = {
  weekly: {
    1: ['08:00', '20:00'],
    2: ['08:00', '20:00'],
    3: ['08:00', '20:00'],
    4: ['08:00', '20:00'],
    5: ['08:00', '20:00'],
    6: ['09:30', '14:00'],
  },
  holidays: [],
};
const SATURDAY_NIGHT = new Date('2026-11-21T20:00:00Z'); // Saturday 21:00 in Berlin, after the Saturday hours
const FRIDAY_NIGHT = new Date('2026-11-20T22:00:00Z'); // Friday 23:00 in Berlin

function ticket(now: Date, overrides: Partial<HandoffTicket> = {}, hours = WEEKDAYS): HandoffTicket {
  const reopens = nextOpening(hours, TZ, now);
  return {
    handoffId: 'h1',
    position: 0,
    estimatedWaitMinutes: 0,
    outsideBusinessHours: true,
    staffed: false,
    reopensAt: reopens?.toISOString(),
    needsContact: true,
    created: true,
    ...overrides,
  };
}

function context(now: Date, overrides: Partial<AnnouncementContext> = {}): AnnouncementContext {
  return {
    reason: 'explicit_request',
    category: 'billing',
    needsSupervisor: false,
    references: [],
    lang: 'de',
    channel: 'webchat',
    timeZone: TZ,
    now,
    ...overrides,
  };
}

function fakeDeps(): { deps: DialogDeps; requests: HandoffRequest[] } {
  const storage = new MemoryStorage();
  const requests: HandoffRequest[] = [];
  const deps = {
    i18n,
    sessions: new SessionStore(new ConversationState(storage), new UserState(storage), i18n),
    content: { settings: async () => ({ timeZone: TZ }) },
    clock: { now: () => SATURDAY_NIGHT },
    logger: createLogger('silent'),
    handoff: {
      requestHandoff: async (request: HandoffRequest) => {
        requests.push(request);
        return ticket(SATURDAY_NIGHT);
      },
    },
  } as unknown as DialogDeps;
  return { deps, requests };
}

describe('the handoff announcement says only what the record backs', () => {
  it('connects while people are on duty, with position and a correct plural', () => {
    const inHours = ticket(new Date('2026-11-18T09:00:00Z'), {
      position: 1,
      estimatedWaitMinutes: 1,
      outsideBusinessHours: false,
      staffed: true,
      needsContact: false,
    });
    const messages = announceHandoff(t, inHours, context(new Date('2026-11-18T09:00:00Z')));
    expect(messages).toEqual([t('handoff:queued', { position: 1, count: 1 })]);
    expect(messages[0]).toContain('etwa 1 Minute.');
    expect(t('handoff:queued', { position: 2, count: 4 })).toContain('etwa 4 Minuten.');
  });

  it('outside hours names when the team is back and asks a web customer for a contact', () => {
    const messages = announceHandoff(t, ticket(SATURDAY_NIGHT), context(SATURDAY_NIGHT));
    expect(messages).toEqual([t('handoff:outsideHours', { when: 'ab Montag, 8 Uhr' }), t('handoff:contact.ask')]);
    expect(announceHandoff(t, ticket(FRIDAY_NIGHT), context(FRIDAY_NIGHT))[0]).toContain('morgen ab 9:30 Uhr');
  });

  it('skips holidays and says the WhatsApp number is used', () => {
    const holiday: BusinessHours = { ...WEEKDAYS, holidays: ['2026-11-23'] };
    const whatsapp = ticket(SATURDAY_NIGHT, { needsContact: false }, holiday);
    expect(announceHandoff(t, whatsapp, context(SATURDAY_NIGHT, { channel: 'whatsapp' }))).toEqual([
      t('handoff:outsideHoursPhone', { when: 'ab Dienstag, 8 Uhr' }),
    ]);
  });

  it('in the urgent lane at night says what was recorded and what to do now', () => {
    const urgent = ticket(SATURDAY_NIGHT, {
      position: 1,
      estimatedWaitMinutes: 3,
      outsideBusinessHours: false,
      needsContact: false,
    });
    const messages = announceHandoff(
      t,
      urgent,
      context(SATURDAY_NIGHT, { reason: 'urgent', category: 'lost_or_stolen', references: ['SP-1234'] }),
    );
    expect(messages).toEqual([
      t('handoff:urgentNight.lost_or_stolen', { when: 'ab Montag, 8 Uhr' }),
      t('handoff:recorded', { references: 'SP-1234' }),
    ]);
    expect(messages.join(' ')).toContain('116 116');
  });

  it('never says "verbinde" while nobody is on duty', () => {
    for (const reason of ['explicit_request', 'frustration', 'repeated_failure', 'urgent', 'unsolved'] as const) {
      for (const position of [0, 1]) {
        const text = announceHandoff(
          t,
          ticket(SATURDAY_NIGHT, { position }),
          context(SATURDAY_NIGHT, { reason, needsSupervisor: reason === 'frustration' }),
        ).join(' ');
        expect(text).not.toMatch(/verbinde/i);
      }
    }
  });

  it.each([
    'Ich möchte sofort Ihren Vorgesetzten sprechen',
    'Geben Sie mir jemanden mit Ihrem Chef',
    'Ich will einen Teamleiter',
  ])('handOff marks "%s" as a supervisor request whichever dialog handed over', async (text) => {
    const { deps, requests } = fakeDeps();
    const adapter = new TestAdapter(async (turn: TurnContext) =>
      handOff(deps, turn, { reason: 'explicit_request', category: 'complaint' }),
    );
    await adapter.send(text).assertReply(t('handoff:opener.supervisor'));
    expect(requests[0].needsSupervisor).toBe(true);
  });

  it('handOff says nothing before the record exists, then announces from the ticket', async () => {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const sentBeforeRecord: number[] = [];
    let sent = 0;
    const requests: HandoffRequest[] = [];
    const deps = {
      i18n,
      sessions: new SessionStore(conversationState, userState, i18n),
      content: { settings: async () => ({ timeZone: TZ }) },
      clock: { now: () => SATURDAY_NIGHT },
      logger: createLogger('silent'),
      handoff: {
        requestHandoff: async (request: HandoffRequest) => {
          sentBeforeRecord.push(sent);
          requests.push(request);
          return ticket(SATURDAY_NIGHT);
        },
      },
    } as unknown as DialogDeps;
    const adapter = new TestAdapter(async (turn: TurnContext) => {
      turn.onSendActivities(async (_ctx, activities, next) => {
        sent += activities.length;
        return next();
      });
      await handOff(deps, turn, { reason: 'explicit_request', category: 'billing', needsSupervisor: true });
    });
    await adapter
      .send('Ich möchte mit Ihrem Chef sprechen')
      .assertReply(t('handoff:opener.supervisor'))
      .assertReply(t('handoff:outsideHours', { when: 'ab Montag, 8 Uhr' }))
      .assertReply(t('handoff:contact.ask'));
    expect(sentBeforeRecord).toEqual([0]);
    expect(requests[0].needsSupervisor).toBe(true);
  });
});
