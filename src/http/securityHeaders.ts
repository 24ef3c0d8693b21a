import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Next, Request, Response } from 'restify';

/**
 * Pages may be framed by Teams (the agent desk and the training page are Teams tabs), nothing else;
 * scripts come only from this origin.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Web Chat and Adaptive Cards set inline styles at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'blob:'],
  // Web Chat scales a photo down in a worker it makes from a blob before the upload.
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': [
    "'self'",
    'https://teams.microsoft.com',
    'https://*.teams.microsoft.com',
    'https://*.office.com',
    'https://*.cloud.microsoft',
  ],
};

/**
 * helmet's headers (HSTS, CSP, CORP, COOP, nosniff, no referrer, …) as a restify middleware.
 * X-Frame-Options is off: it cannot name Teams, and frame-ancestors says who may frame us.
 */
export function securityHeaders(): (req: Request, res: Response, next: Next) => void {
  const headers = helmet({
    frameguard: false,
    // The service may be reached over plain HTTP on loopback (development, the Emulator); an
    // upgrade directive would send the browser to an HTTPS port nobody listens on.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (req, res, next) =>
    headers(req as unknown as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) =>
      err ? next(err as Error) : next(),
    );
}
