import { answersWindowReminder, windowClosesAt, windowReminderDue } from '../../../src/services/handoff/whatsappWindow';

const MIN = 60_000;
const created = new Date('2026-12-01T10:00:00Z');
const onWhatsApp = { customer: { channel: 'whatsapp' }, createdAt: created } as Parameters<typeof windowReminderDue>[0];
const at = (minutesAfterCreated: number) => new Date(created.getTime() + minutesAfterCreated * MIN);

describe('WhatsApp 24-hour window of a waiting customer', () => {
  it('closes a day after the customer last wrote; other channels have none', () => {
    expect(windowClosesAt(onWhatsApp)).toEqual(at(24 * 60));
    expect(windowClosesAt({ ...onWhatsApp, lastCustomerMessageAt: at(90) })).toEqual(at(24 * 60 + 90));
    expect(windowClosesAt({ ...onWhatsApp, customer: { channel: 'webchat' } } as typeof onWhatsApp)).toBeUndefined();
  });

  it('asks within the last hour when the expected wait runs past the close, and always in the last quarter hour', () => {
    expect(windowReminderDue(onWhatsApp, 60, at(22 * 60))).toBe(false); // more than an hour left
    expect(windowReminderDue(onWhatsApp, 60, at(23 * 60 + 10))).toBe(true); // 50 min left, an hour's wait
    expect(windowReminderDue(onWhatsApp, 5, at(23 * 60 + 10))).toBe(false); // an agent is near
    expect(windowReminderDue(onWhatsApp, 5, at(23 * 60 + 50))).toBe(true); // 10 min left: ask anyway
    expect(windowReminderDue(onWhatsApp, 60, at(24 * 60 + 1))).toBe(false); // closed: only a template could reach
  });

  it('asks once per window: again only after the customer wrote since', () => {
    const asked = { ...onWhatsApp, windowReminderAt: at(23 * 60 + 10) };
    expect(windowReminderDue(asked, 60, at(23 * 60 + 50))).toBe(false);
    expect(answersWindowReminder(asked)).toBe(true);
    const answered = { ...asked, lastCustomerMessageAt: at(23 * 60 + 20) };
    expect(answersWindowReminder(answered)).toBe(false);
    expect(windowReminderDue(answered, 60, at(47 * 60 + 10))).toBe(true);
  });
});
