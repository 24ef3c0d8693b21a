import { swissSpelling, writesFromSwitzerland } from '../../src/bots/swissSpelling';

describe('Swiss spelling', () => {
  it('knows a Swiss customer by the Web Chat locale or a +41 WhatsApp number', () => {
    expect(writesFromSwitzerland({ channelId: 'webchat', locale: 'de-CH' })).toBe(true);
    expect(writesFromSwitzerland({ channelId: 'whatsapp', from: { id: '41791234567', name: '' } })).toBe(true);
    expect(writesFromSwitzerland({ channelId: 'webchat', locale: 'de-AT' })).toBe(false);
    expect(writesFromSwitzerland({ channelId: 'whatsapp', from: { id: '4915112345678', name: '' } })).toBe(false);
  });

  it('writes ss for ß', () => {
    expect(swissSpelling('Grüße aus der Hauptstraße')).toBe('Grüsse aus der Hauptstrasse');
  });
});
