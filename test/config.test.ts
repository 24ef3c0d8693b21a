import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.mongodbUri).toBe('');
    expect(config.companyName).not.toBe('');
    expect(config.timeZone).toBe('Europe/Berlin');
  });

  it('names every invalid variable and what is wrong with it', () => {
    try {
      loadConfig({ PORT: 'abc', MONGODB_URI: 'postgres://x', TIMEZONE: 'Mars/Base', WHATSAPP_API_URL: 'not a url' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toMatch(/PORT must be a whole number/);
      expect(message).toMatch(/MONGODB_URI must start with mongodb:\/\//);
      expect(message).toMatch(/TIMEZONE must be an IANA time zone/);
      expect(message).toMatch(/WHATSAPP_API_URL must be an http\(s\) URL/);
    }
  });

  it('requires the password once an app id turns authentication on', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'abc' })).toThrow(/MicrosoftAppPassword must be set/);
  });
});
