import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible `/embeddings` endpoint on loopback (the model is a party a test cannot run):
 * vectors from the given function; records every text it was asked to embed; `down` answers 503.
 */
export class FakeEmbeddings {
  embedded: string[] = [];
  down = false;
  private server?: Server;

  constructor(private readonly vectorFor: (text: string) => number[]) {}

  /** Starts listening; answers the base URL to give as EMBEDDINGS_URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (this.down) {
          res.writeHead(503);
          res.end();
          return;
        }
        const input = (JSON.parse(body) as { input: string[] }).input;
        this.embedded.push(...input);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: input.map((t, index) => ({ index, embedding: this.vectorFor(t) })) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/v1`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}
