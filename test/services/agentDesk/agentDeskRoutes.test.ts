import { TeamsHarness } from '../teams/teamsHarness';

describe('agent desk page routes', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await new TeamsHarness().start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('serves the desk page with its scripts as files, no inline script, under the strict CSP', async () => {
    const res = await fetch(`${h.baseUrl}/agent`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('src="/agent/assets/agent.js"');
    // The Teams SDK is loaded by agent.js when the page runs as a tab, from this service.
    expect(await (await fetch(`${h.baseUrl}/agent/assets/agent.js`)).text()).toContain('/agent/vendor/teams.js');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the Teams JS SDK from node_modules and the page assets', async () => {
    const sdk = await fetch(`${h.baseUrl}/agent/vendor/teams.js`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('content-type')).toContain('javascript');
    expect(await sdk.text()).toContain('microsoftTeams');
    for (const file of ['agent.js', 'agent.css'])
      expect((await fetch(`${h.baseUrl}/agent/assets/${file}`)).status).toBe(200);
  });

  it('refuses paths outside the page folder and unknown files', async () => {
    for (const bad of ['..%2F..%2Fpackage.json', '.env', 'nope.js', 'agent.ts']) {
      const res = await fetch(`${h.baseUrl}/agent/assets/${bad}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NotFound');
    }
  });

  it('hands the page its German texts from the agent locale namespace', async () => {
    const res = await fetch(`${h.baseUrl}/agent/i18n/de.json`);
    expect(res.status).toBe(200);
    const texts = (await res.json()) as { desk: { title: string }; category: Record<string, string> };
    expect(texts.desk.title).toBe(h.t('agent:desk.title'));
    expect(texts.category.lost_or_stolen).toBe(h.t('agent:category.lost_or_stolen'));
    expect((await fetch(`${h.baseUrl}/agent/i18n/xx.json`)).status).toBe(404);
  });
});
