import type { Activity } from 'botbuilder';
import WebSocket from 'ws';

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark?: string;
}

/** A Direct Line stream as a client sees it: every activity set received, and a way to wait for one. */
export class StreamClient {
  readonly sets: ActivitySet[] = [];
  private waiters: (() => void)[] = [];
  closed?: { code: number };

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.Data) => {
      const text = String(data);
      if (text !== '') this.sets.push(JSON.parse(text) as ActivitySet);
      this.wake();
    });
    socket.on('close', (code: number) => {
      this.closed = { code };
      this.wake();
    });
  }

  /** Opens the stream; rejects with the HTTP status when the upgrade is refused. */
  static open(streamUrl: string): Promise<StreamClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(streamUrl);
      socket.once('open', () => resolve(new StreamClient(socket)));
      socket.once('unexpected-response', (_req, res) => {
        reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  get activities(): Partial<Activity>[] {
    return this.sets.flatMap((s) => s.activities);
  }

  /** The last watermark the stream named. */
  get watermark(): string {
    return [...this.sets].reverse().find((s) => s.watermark !== undefined)?.watermark ?? '';
  }

  /** Resolves once the condition holds for what arrived; rejects after `ms`. */
  async waitFor(condition: (client: StreamClient) => boolean, ms = 15000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition(this)) {
      if (this.closed) throw new Error(`stream closed (${this.closed.code}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; received ${JSON.stringify(this.sets).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
