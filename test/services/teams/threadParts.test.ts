import { I18nService } from '../../../src/services/i18n/i18nService';
import type { HandoffListItem } from '../../../src/services/handoff/handoffModel';
import { handoffCard, readClaimData } from '../../../src/channels/teams/cards';
import { TeamsAgentDirectory } from '../../../src/channels/teams/teamsAgentDirectory';
import { parseThreadCommand } from '../../../src/channels/teams/threadCommands';
import { cardText } from './teamsHarness';

const t = new I18nService('de').t('de');

function item(overrides: Partial<HandoffListItem> = {}): HandoffListItem {
  return {
    id: '65a000000000000000000001',
    status: 'queued',
    mode: 'live',
    priority: 0,
    priorityName: 'urgent',
    category: 'lost_or_stolen',
    reason: 'urgent',
    needsSupervisor: false,
    frustration: { level: 2, score: 0.9 },
    customer: { channel: 'whatsapp', name: 'Jonas Becker', language: 'de' },
    summary: {
      text: 'Karte gestohlen, Sperre gewünscht.',
      menuPath: [],
      facts: [],
      references: [],
      mood: 'sehr aufgebracht',
    },
    createdAt: new Date('2025-03-03T09:00:00Z'),
    updatedAt: new Date('2025-03-03T09:00:00Z'),
    waitingSeconds: 0,
    ...overrides,
  };
}

describe('thread commands', () => {
  it.each([
    ['ende', 'end'],
    ['Beenden.', 'end'],
    ['Supervisor!', 'transfer'],
    ['übergeben', 'transfer'],
    ['hilfe', 'help'],
  ])('"%s" is the command %s', (text, kind) => {
    expect(parseThreadCommand(text).kind).toBe(kind);
  });

  it('reads "notiz: …" as an internal note with its text', () => {
    expect(parseThreadCommand('Notiz:  Rückruf morgen ')).toEqual({ kind: 'note', text: 'Rückruf morgen' });
  });

  it('sends sentences that merely contain a command word to the customer', () => {
    expect(parseThreadCommand('Ich werde das Gespräch gleich beenden')).toEqual({
      kind: 'message',
      text: 'Ich werde das Gespräch gleich beenden',
    });
  });
});

describe('handoff card', () => {
  it('shows category, priority, waiting time, mood, channel, customer and summary in German', () => {
    const text = cardText(
      handoffCard(item(), { t, timeZone: 'Europe/Berlin', botName: 'Lotse', now: new Date('2025-03-03T09:07:30Z') }),
    );
    expect(text).toContain(t('agent:card.title', { category: t('agent:category.lost_or_stolen') }));
    expect(text).toContain(`${t('agent:card.priority')}: ${t('agent:priority.urgent')}`);
    expect(text).toContain(
      `${t('agent:card.waiting')}: ${t('agent:card.waitingValue', { time: '10:00', minutes: 7 })}`,
    );
    expect(text).toContain(`${t('agent:card.mood')}: ${t('agent:mood.2')}`);
    expect(text).toContain(`${t('agent:card.channel')}: WhatsApp`);
    expect(text).toContain('Jonas Becker');
    expect(text).toContain('Karte gestohlen, Sperre gewünscht.');
  });

  it("tells until when a WhatsApp customer can be written to (the 24-hour window), in the team's time zone", () => {
    const card = handoffCard(item({ windowClosesAt: new Date('2025-03-04T09:00:00Z') }), {
      t,
      timeZone: 'Europe/Berlin',
      botName: 'Lotse',
    });
    expect(cardText(card)).toContain(
      `${t('agent:card.windowCloses')}: ${t('agent:card.windowClosesValue', { time: '10:00' })}`,
    );
    expect(cardText(handoffCard(item(), { t, timeZone: 'Europe/Berlin', botName: 'Lotse' }))).not.toContain(
      t('agent:card.windowCloses'),
    );
  });

  it('has no button once taken and names who took it', () => {
    const card = handoffCard(
      item({
        status: 'assigned',
        agent: { kind: 'agent', id: 'teams:x', name: 'Anna Berger' },
        claimedAt: new Date('2025-03-03T09:02:00Z'),
      }),
      { t, timeZone: 'Europe/Berlin', botName: 'Lotse' },
    );
    expect(card.actions).toBeUndefined();
    expect(cardText(card)).toContain(t('agent:card.claimedAfter', { name: 'Anna Berger', minutes: 2 }));
  });

  it('accepts only well-formed claim data', () => {
    expect(readClaimData({ verb: 'claim', handoffId: 'abc123' })).toEqual({ handoffId: 'abc123' });
    expect(readClaimData({ verb: 'claim', handoffId: { $gt: '' } })).toBeUndefined();
    expect(readClaimData({ verb: 'delete', handoffId: 'abc123' })).toBeUndefined();
    expect(readClaimData('claim')).toBeUndefined();
  });
});

describe('Teams agent identity', () => {
  const directory = new TeamsAgentDirectory(['AAAA-SUPERVISOR']);

  it('maps a Teams user to an agent by AAD object id, and listed ids to supervisors', () => {
    expect(directory.principalOf({ id: '29:1', name: 'Anna', aadObjectId: 'bbbb-agent' })).toEqual({
      id: 'teams:bbbb-agent',
      name: 'Anna',
      role: 'agent',
    });
    expect(directory.principalOf({ id: '29:2', name: 'Sven', aadObjectId: 'aaaa-supervisor' })?.role).toBe(
      'supervisor',
    );
  });

  it('never grants the supervisor role without an AAD id', () => {
    expect(directory.principalOf({ id: 'AAAA-SUPERVISOR', name: 'Fake' })?.role).toBe('agent');
    expect(directory.principalOf(undefined)).toBeUndefined();
  });

  it('lets every agent with an AAD id take supervisor handoffs when no supervisors are listed', () => {
    const open = new TeamsAgentDirectory([]);
    expect(open.everyoneSupervises).toBe(true);
    expect(open.principalOf({ id: '29:1', name: 'Anna', aadObjectId: 'bbbb-agent' })?.role).toBe('supervisor');
    expect(open.principalOf({ id: '29:3', name: 'No AAD' })?.role).toBe('agent');
    expect(directory.everyoneSupervises).toBe(false);
  });
});
