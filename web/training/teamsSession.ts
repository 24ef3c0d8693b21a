/**
 * The page inside Microsoft Teams: single sign-on (authentication.getAuthToken() exchanged at
 * POST /api/auth/teams-sso for a desk session token) and the Teams theme (default, dark, contrast)
 * on <body data-theme>. Outside Teams nothing happens and the page signs in with an access key.
 */

type TeamsTheme = 'default' | 'dark' | 'contrast';

interface TeamsSdk {
  app?: {
    initialize?: () => Promise<void>;
    getContext?: () => Promise<{ app?: { theme?: string } }>;
    registerOnThemeChangeHandler?: (handler: (theme: string) => void) => void;
  };
  authentication?: { getAuthToken?: () => Promise<string> };
}

/** The SDK's global (the desk declares its own narrower view of it). */
function teamsGlobal(): TeamsSdk | undefined {
  return (window as unknown as { microsoftTeams?: TeamsSdk }).microsoftTeams;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.appendChild(script);
  });
}

/** Teams' theme names as the page's; anything unknown is the default theme. */
export function themeOf(name: string | undefined): TeamsTheme {
  return name === 'dark' || name === 'contrast' ? name : 'default';
}

function applyTheme(name: string | undefined): void {
  document.body.setAttribute('data-theme', themeOf(name));
}

/** The Teams SDK, initialised, when the page is a Teams tab; null standalone (after at most 3 s). */
export async function connectTeams(): Promise<TeamsSdk | null> {
  if (window.top === window.self) return null;
  const attempt = (async () => {
    await loadScript('/agent/vendor/teams.js');
    const sdk = teamsGlobal();
    if (!sdk?.app?.initialize) return null;
    await sdk.app.initialize();
    return sdk;
  })().catch(() => null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000));
  return Promise.race([attempt, timeout]);
}

/** Follows the Teams theme now and whenever the user changes it. */
export async function followTeamsTheme(sdk: TeamsSdk): Promise<void> {
  try {
    applyTheme((await sdk.app?.getContext?.())?.app?.theme);
    sdk.app?.registerOnThemeChangeHandler?.(applyTheme);
  } catch {
    applyTheme('default');
  }
}

/** A desk session token for the Teams user, or null when SSO is not set up or refused. */
export async function teamsSignIn(sdk: TeamsSdk): Promise<string | null> {
  try {
    const entraToken = await sdk.authentication?.getAuthToken?.();
    if (!entraToken) return null;
    const res = await fetch('/api/auth/teams-sso', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: entraToken }),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { token?: unknown };
    return typeof body.token === 'string' ? body.token : null;
  } catch {
    return null;
  }
}
