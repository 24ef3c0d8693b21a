import { describeBusinessHours, isWithinBusinessHours } from '../../../src/services/handoff/businessHours';
import { priorityOf } from '../../../src/services/handoff/handoffService';

const hours = {
  weekly: { '1': ['08:00', '20:00'], '2': ['08:00', '20:00'], '6': ['09:00', '16:00'] } as Record<
    string,
    [string, string]
  >,
  holidays: ['2025-12-25'],
};

describe('business hours of the service desk', () => {
  it('is open on a Monday morning in Berlin and closed before opening, on Sundays and on holidays', () => {
    expect(isWithinBusinessHours(hours, 'Europe/Berlin', new Date('2025-06-02T07:30:00Z'))).toBe(true); // Mon 09:30 CEST
    expect(isWithinBusinessHours(hours, 'Europe/Berlin', new Date('2025-06-02T05:30:00Z'))).toBe(false); // Mon 07:30
    expect(isWithinBusinessHours(hours, 'Europe/Berlin', new Date('2025-06-01T10:00:00Z'))).toBe(false); // Sunday
    expect(
      isWithinBusinessHours(
        { ...hours, weekly: { ...hours.weekly, '4': ['08:00', '20:00'] } },
        'Europe/Berlin',
        new Date('2025-12-25T10:00:00Z'),
      ),
    ).toBe(false);
  });

  it('describes the opening hours in German, grouping equal days', () => {
    expect(describeBusinessHours(hours, 'de')).toBe('Mo–Di 08:00–20:00, Sa 09:00–16:00');
  });

  it('puts lost or stolen first, then irate, annoyed and calm customers', () => {
    expect(
      priorityOf({ category: 'lost_or_stolen', reason: 'explicit_request', frustration: { level: 0, score: 0 } }),
    ).toBe(0);
    expect(priorityOf({ category: 'billing', reason: 'frustration', frustration: { level: 2, score: 0.9 } })).toBe(1);
    expect(priorityOf({ category: 'billing', reason: 'frustration', frustration: { level: 1, score: 0.4 } })).toBe(2);
    expect(priorityOf({ category: 'billing', reason: 'explicit_request', frustration: { level: 0, score: 0 } })).toBe(
      3,
    );
  });
});
