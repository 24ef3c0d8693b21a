import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphRequest {
  method: string;
  path: string;
  authorization: string;
  body: Record<string, unknown>;
}

/** A loopback stand-in for Meta's Graph API that records every request it gets. */
export interface FakeGraphApi {
  url: string;
  requests: GraphRequest[];
  /** The next `count` sends answer with this status and Meta-style error code. */
  failNext(count: number, status: number, code?: number): void;
  /** A customer's media Meta holds: GET /{id} answers its download URL, that URL the bytes. */
  addMedia(id: string, data: Buffer, mimeType: string): void;
  close(): Promise<void>;
}

export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const requests: GraphRequest[] = [];
  let failures: { count: number; status: number; code: number } = { count: 0, status: 0, code: 0 };
  let counter = 0;
  const media = new Map<string, { data: Buffer; mimeType: string }>();
  let base = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').replace(/^\/v21\.0/, '');
    if (req.method === 'GET') {
      const download = /^\/media-download\/([^/?]+)/.exec(path);
      const item = media.get(decodeURIComponent((download?.[1] ?? path.slice(1)).split('?')[0]));
      const authorized = req.headers.authorization === 'Bearer test-access-token';
      if (!item || !authorized) {
        res.writeHead(authorized ? 404 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'no such media', code: 100 } }));
        return;
      }
      if (download) {
        res.writeHead(200, { 'content-type': item.mimeType });
        res.end(item.data);
        return;
      }
      const id = path.slice(1).split('?')[0];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          url: `${base}/media-download/${id}`,
          mime_type: item.mimeType,
          file_size: item.data.length,
          id,
          messaging_product: 'whatsapp',
        }),
      );
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (failures.count > 0) {
        failures.count--;
        res.writeHead(failures.status);
        res.end(
          JSON.stringify({
            error: { message: 'temporarily unavailable', type: 'OAuthException', code: failures.code },
          }),
        );
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: String(req.headers.authorization ?? ''),
        body,
      });
      counter++;
      res.writeHead(200);
      res.end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id: `wamid.OUT${counter}` }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}/v21.0`;
  return {
    url: base,
    addMedia(id, data, mimeType) {
      media.set(id, { data, mimeType });
    },
    requests,
    failNext(count, status, code = 1) {
      failures = { count, status, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
