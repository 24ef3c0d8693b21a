import { CLAIM_RATE_DEFAULTS, estimateFor, minutesPerPosition } from '../../../src/services/handoff/claimRate';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 18, 9, 0) + minutes * 60000);

describe('wait estimates from the recent claim rate', () => {
  it('uses the default until enough claims were seen', () => {
    expect(minutesPerPosition([], undefined)).toBe(CLAIM_RATE_DEFAULTS.defaultMinutes);
    expect(minutesPerPosition([at(0), at(1)], undefined)).toBe(CLAIM_RATE_DEFAULTS.defaultMinutes);
  });

  it('learns a faster desk gradually and never jumps from 3 to half a minute per position', () => {
    const burst = [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2].map(at);
    const first = minutesPerPosition(burst, 3);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(first).toBeLessThan(3);
    // However often it is refreshed, it settles at the lower bound, not below.
    let value = first;
    for (let i = 0; i < 10; i++) value = minutesPerPosition(burst, value);
    expect(value).toBe(CLAIM_RATE_DEFAULTS.minMinutes);
  });

  it('ignores the overnight gap and follows a slow desk up to the bound', () => {
    const slow = [0, 8, 16, 24, 32, 600, 608].map(at);
    const value = minutesPerPosition(slow, undefined);
    expect(value).toBeGreaterThan(4);
    expect(value).toBeLessThanOrEqual(CLAIM_RATE_DEFAULTS.maxMinutes);
  });

  it('gives whole minutes, at least one, and none without a position', () => {
    expect(estimateFor(1, 1)).toBe(1);
    expect(estimateFor(1, 0.4)).toBe(1);
    expect(estimateFor(3, 2.5)).toBe(8);
    expect(estimateFor(0, 3)).toBe(0);
  });
});
