import http from 'node:http';
import https from 'node:https';

export interface JsonAnswer {
  status: number;
  statusText: string;
  /** The parsed body; {} when it was empty or not JSON. */
  json: unknown;
}

/** An error whose name says the answer did not come in time (as fetch's AbortSignal.timeout names it). */
export class AnswerTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** Idle connections are closed after this long, before a server would drop them under a request. */
const IDLE_SOCKET_MS = 4000;

/**
 * JSON POSTs over connections kept open between requests (node:http with a keep-alive agent). One
 * message send per bot reply goes to the Graph API: without fetch's streams and Response objects a
 * request costs a fraction of the CPU, and no connection is opened per message.
 */
export class KeptAliveJson {
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    https: new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };

  post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<JsonAnswer> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const request = secure ? https.request : http.request;
    return new Promise<JsonAnswer>((resolve, reject) => {
      const req = request(
        target,
        {
          method: 'POST',
          agent: secure ? this.agents.https : this.agents.http,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            clearTimeout(timer);
            let json: unknown = {};
            try {
              json = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
            } catch {
              json = {};
            }
            resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', json });
          });
        },
      );
      const timer = setTimeout(
        () => req.destroy(new AnswerTimeoutError(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.end(body);
    });
  }

  /** Closes the kept connections (shutdown, tests). */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
