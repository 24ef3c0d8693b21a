import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildTeamsPackage } from '../../src/tools/teamsPackage';
import { TeamsPackageError } from '../../src/tools/teamsApp/teamsManifest';
import { readZip } from '../../src/tools/teamsApp/zipWriter';

const APP_ID = '6b1f3c2a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const ENV = { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://lotse.example.com', COMPANY_NAME: 'Beispiel AG' };

/**
 * The official schema and the validator it is written for, both shipped by @microsoft/app-manifest.
 * The package's own entry point cannot be required under Jest (it loads ESM-only strip-bom and
 * node-fetch), so the test uses the same schema file with the package's draft-04 Ajv.
 */
function officialValidator(version: string): (manifest: unknown) => string[] {
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schema = JSON.parse(
    readFileSync(
      path.join(packageDir, 'build/json-schemas/teams', `v${version}`, 'MicrosoftTeams.schema.json'),
      'utf8',
    ),
  ) as object;
  const resolve = (name: string) => require.resolve(name, { paths: [packageDir] });
  /* eslint-disable @typescript-eslint/no-require-imports -- resolved from inside the package, not from the project */
  const AjvDraft04 = (require(resolve('ajv-draft-04')) as { default: new (o: object) => AjvLike }).default;
  const addFormats = (require(resolve('ajv-formats')) as { default: (ajv: AjvLike) => void }).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (manifest) =>
    validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
interface AjvLike {
  compile(
    schema: object,
  ): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
}

/** Width, height, colour type and the alpha of the top-left pixel of a non-interlaced 8-bit PNG. */
function png(data: Buffer): { width: number; height: number; colorType: number; cornerAlpha?: number } {
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const colorType = data[25];
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    if (data.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // The first pixel of the first row reads the same under every filter type: byte 0 is the filter.
  return { width, height, colorType, ...(colorType === 6 ? { cornerAlpha: raw[4] } : {}) };
}

describe('npm run teams:package', () => {
  it('writes a zip with the manifest, a 192×192 colour icon and a transparent 32×32 outline', () => {
    const files = readZip(buildTeamsPackage(ENV));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(png(files.get('color.png')!)).toMatchObject({ width: 192, height: 192 });
    expect(png(files.get('outline.png')!)).toMatchObject({ width: 32, height: 32, colorType: 6, cornerAlpha: 0 });
  });

  it('fills the ids and the host, with SSO for the tab, and validates against the official schema', () => {
    const manifest = JSON.parse(readZip(buildTeamsPackage(ENV)).get('manifest.json')!.toString('utf8')) as {
      manifestVersion: string;
      id: string;
      bots: { botId: string; scopes: string[] }[];
      staticTabs: { contentUrl: string }[];
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
      developer: { name: string };
    };
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toContain('personal');
    expect(manifest.staticTabs[0].contentUrl).toBe('https://lotse.example.com/agent');
    expect(manifest.validDomains).toEqual(['lotse.example.com']);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://lotse.example.com/${APP_ID}` });
    expect(manifest.developer.name).toBe('Beispiel AG');
    expect(officialValidator(manifest.manifestVersion)(manifest)).toEqual([]);
  });

  it('the schema check itself refuses a broken manifest', () => {
    const manifest = JSON.parse(readZip(buildTeamsPackage(ENV)).get('manifest.json')!.toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(officialValidator(String(manifest.manifestVersion))({ ...manifest, id: 'not-a-guid' })).not.toEqual([]);
  });

  it('keeps a path of PUBLIC_URL in the tab address, not in the domain', () => {
    const manifest = JSON.parse(
      readZip(buildTeamsPackage({ ...ENV, PUBLIC_URL: 'https://example.com/lotse/' }))
        .get('manifest.json')!
        .toString(),
    ) as { staticTabs: { contentUrl: string }[]; validDomains: string[] };
    expect(manifest.staticTabs[0].contentUrl).toBe('https://example.com/lotse/agent');
    expect(manifest.validDomains).toEqual(['example.com']);
  });

  it.each([
    [{ ...ENV, MicrosoftAppId: 'my-bot' }, /MicrosoftAppId must be .* GUID/],
    [{ ...ENV, MicrosoftAppId: undefined }, /MicrosoftAppId/],
    [{ ...ENV, PUBLIC_URL: undefined }, /PUBLIC_URL is not set/],
    [{ ...ENV, PUBLIC_URL: 'http://lotse.example.com' }, /PUBLIC_URL must start with https/],
    [{ ...ENV, TEAMS_APP_ID: '123' }, /TEAMS_APP_ID must be a GUID/],
  ])('refuses unusable settings with a clear message (%#)', (env, message) => {
    expect(() => buildTeamsPackage(env)).toThrow(TeamsPackageError);
    expect(() => buildTeamsPackage(env)).toThrow(message);
  });
});
