/** Whether the desk runs as a Microsoft Teams tab. */

interface TeamsSdk {
  app?: { initialize?: () => Promise<void> };
}

declare global {
  interface Window {
    microsoftTeams?: TeamsSdk;
  }
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

async function initializeSdk(): Promise<boolean> {
  try {
    await loadScript('/agent/vendor/teams.js');
  } catch {
    return false;
  }
  const app = window.microsoftTeams?.app;
  if (!app || typeof app.initialize !== 'function') return false;
  try {
    await app.initialize();
    return true;
  } catch {
    return false;
  }
}

/*
 * The Teams SDK is loaded only when the page is framed (as a Teams tab): at load it tries to
 * fetch a list of origins from Microsoft's CDN, which the page's CSP blocks anyway, and a page
 * opened directly has nothing to talk to. Outside Teams app.initialize() fails at once
 * ("No Parent window found") or never answers; either way the page goes on standalone.
 */
export function detectTeams(): Promise<boolean> {
  if (window.top === window.self) return Promise.resolve(false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000));
  return Promise.race([initializeSdk(), timeout]);
}
