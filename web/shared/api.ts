/** JSON calls to Lotse's API with the signed-in person's bearer token. */

/** A refused call: the HTTP status and the server's error message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** error.message of the server's JSON error body, if any. */
    readonly serverMessage: string | undefined,
    /** The whole `error` object of the server's JSON body (code, suggestion …), if any. */
    readonly error: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiOptions {
  /** The current bearer token. */
  token(): string | null;
  /** Called on 401 before the ApiError is thrown (the page shows its sign-in). */
  onUnauthorized?(): void;
  /** The error's message on 401 (instead of the server's English one). */
  unauthorizedMessage?(): string;
}

export type Api = <T>(method: HttpMethod, path: string, body?: unknown) => Promise<T>;

function errorMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  return typeof error.message === 'string' && error.message !== '' ? error.message : undefined;
}

function errorObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error = body.error;
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The API function of a page. The answer's shape is the documented contract of the route called
 * (docs/ARCHITECTURE.md and /api/openapi.json); the caller names it as T.
 */
export function createApi(options: ApiOptions): Api {
  return async <T>(method: HttpMethod, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token() ?? ''}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = parse(await res.text());
    if (res.status === 401) options.onUnauthorized?.();
    if (!res.ok) {
      const serverMessage = errorMessage(json);
      const unauthorized = res.status === 401 ? options.unauthorizedMessage?.() : undefined;
      throw new ApiError(res.status, unauthorized ?? serverMessage ?? res.statusText, serverMessage, errorObject(json));
    }
    return (json ?? {}) as T;
  };
}
