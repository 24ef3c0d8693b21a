import { readFileSync } from 'node:fs';
import path from 'node:path';

export const TEAMS_DIR = path.resolve(__dirname, '../../../teams');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TeamsAppSettings {
  /** The bot's app registration (MicrosoftAppId); also the Entra ID app the tab's SSO asks a token for. */
  botAppId: string;
  /** The Teams app's own id; the bot's id when not given. */
  teamsAppId: string;
  /** https://host[:port][/path] of this service. */
  publicUrl: string;
  companyName: string;
}

/** A setting that makes the package unusable; the message says what to set. */
export class TeamsPackageError extends Error {}

/** Reads and checks the settings from the environment; throws TeamsPackageError naming the variable. */
export function teamsAppSettings(env: Record<string, string | undefined>): TeamsAppSettings {
  const botAppId = (env.MicrosoftAppId ?? '').trim();
  if (!GUID.test(botAppId))
    throw new TeamsPackageError(
      `MicrosoftAppId must be the bot's app registration id, a GUID like 00000000-0000-0000-0000-000000000000 (got "${botAppId}")`,
    );
  const teamsAppId = (env.TEAMS_APP_ID ?? '').trim() || botAppId;
  if (!GUID.test(teamsAppId)) throw new TeamsPackageError(`TEAMS_APP_ID must be a GUID (got "${teamsAppId}")`);
  const rawUrl = (env.PUBLIC_URL ?? '').trim();
  if (!rawUrl) throw new TeamsPackageError('PUBLIC_URL is not set: the https address Teams reaches this service at');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new TeamsPackageError(`PUBLIC_URL is not a URL: "${rawUrl}"`);
  }
  if (url.protocol !== 'https:')
    throw new TeamsPackageError(
      `PUBLIC_URL must start with https:// (Teams loads tabs over https only), got "${rawUrl}"`,
    );
  return {
    botAppId,
    teamsAppId,
    publicUrl: `${url.origin}${url.pathname.replace(/\/$/, '')}`,
    companyName: (env.COMPANY_NAME ?? env.BOT_NAME ?? '').trim() || 'Lotse',
  };
}

/** The manifest from teams/manifest.json with the placeholders filled. */
export function buildManifest(settings: TeamsAppSettings, template = path.join(TEAMS_DIR, 'manifest.json')): unknown {
  const url = new URL(settings.publicUrl);
  // The host in validDomains and the SSO resource carry no scheme or path; the tab URLs keep the path.
  const values: Record<string, string> = {
    TEAMS_APP_ID: settings.teamsAppId,
    MICROSOFT_APP_ID: settings.botAppId,
    PUBLIC_HOST: url.host,
    PUBLIC_BASE: `${url.host}${url.pathname.replace(/\/$/, '')}`,
    COMPANY_NAME: settings.companyName,
  };
  const filled = readFileSync(template, 'utf8').replace(/\{\{([A-Z_]{1,40})\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TeamsPackageError(`teams/manifest.json has an unknown placeholder ${whole}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as unknown;
}
