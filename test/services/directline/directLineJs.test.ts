import type { Activity } from 'botbuilder';
import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import WsWebSocket from 'ws';
import XHR2 from 'xhr2';
import { startTestApp, TestApp } from '../../support/testApp';
import { testMongoUri } from '../../support/testDb';
import { call } from './directLineClient';

/**
 * Microsoft's own Direct Line client (botframework-directlinejs, the one inside Web Chat) in bare Node,
 * constructed with nothing but a token and our domain: its defaults choose the WebSocket stream. Node
 * has no XMLHttpRequest, so the client's REST calls go through xhr2, the polyfill Microsoft's samples
 * use for Node; the WebSocket is Node's own where it has one (Node 22+), else the `ws` package.
 */

const COMPANY = 'Muster Telekom';

type Globals = { XMLHttpRequest?: unknown; WebSocket?: unknown };
const globals = globalThis as unknown as Globals;
const saved: Globals = { XMLHttpRequest: globals.XMLHttpRequest, WebSocket: globals.WebSocket };

/** Every REST call and socket the client opens, so the test sees which transport it really used. */
const requests: string[] = [];
const sockets: string[] = [];

class RecordingXhr extends (XHR2 as unknown as { new (): XMLHttpRequest }) {
  override open(method: string, url: string | URL, ...rest: unknown[]): void {
    requests.push(`${method} ${new URL(String(url)).pathname}`);
    (super.open as (...args: unknown[]) => void)(method, url, ...rest);
  }
}

const BaseSocket = (globals.WebSocket ?? WsWebSocket) as unknown as { new (url: string): object };
class RecordingSocket extends BaseSocket {
  constructor(url: string) {
    super(url);
    sockets.push(url);
  }
}

function nextMatching<T>(source: { subscribe(next: (v: T) => void): { unsubscribe(): void } }, ok: (v: T) => boolean) {
  return new Promise<T>((resolve) => {
    const subscription = source.subscribe((value) => {
      if (!ok(value)) return;
      queueMicrotask(() => subscription.unsubscribe());
      resolve(value);
    });
  });
}

const fromBot = (a: Activity) => a.type === 'message' && a.from?.role !== 'user' && a.from?.id !== 'customer-1';

describe("Microsoft's Direct Line client (botframework-directlinejs) with its defaults", () => {
  let t: TestApp;
  const open: DirectLine[] = [];

  beforeAll(async () => {
    globals.XMLHttpRequest = RecordingXhr;
    globals.WebSocket = RecordingSocket;
    t = await startTestApp({ COMPANY_NAME: COMPANY }, testMongoUri('dljs'));
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.end();
  });
  afterAll(async () => {
    globals.XMLHttpRequest = saved.XMLHttpRequest;
    globals.WebSocket = saved.WebSocket;
    await t.close();
  });

  it('connects over the WebSocket stream, gets the greeting, and the answer to a message', async () => {
    requests.length = 0;
    sockets.length = 0;
    const generated = await call(t.baseUrl, 'POST', '/v3/directline/tokens/generate');
    expect(generated.status).toBe(200);
    const client = new DirectLine({ token: generated.json.token as string, domain: `${t.baseUrl}/v3/directline` });
    open.push(client);

    const activities = client.activity$ as unknown as Parameters<typeof nextMatching<Activity>>[0];
    const greeting = await nextMatching<Activity>(activities, fromBot);
    expect(greeting.text).toContain(COMPANY);
    expect(client.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);

    // The client started the conversation over REST and then read only from the stream, never by polling.
    expect(sockets).toHaveLength(1);
    expect(new URL(sockets[0]).pathname).toMatch(/^\/v3\/directline\/conversations\/[^/]+\/stream$/);
    expect(requests).toContain('POST /v3/directline/conversations');
    expect(requests.filter((r) => r.startsWith('GET ') && r.endsWith('/activities'))).toEqual([]);

    const answer = nextMatching<Activity>(activities, (a) => fromBot(a) && a.id !== greeting.id);
    const posted = await new Promise<string>((resolve, reject) => {
      client
        .postActivity({ type: 'message', from: { id: 'customer-1' }, text: 'Hallo' } as never)
        .subscribe({ next: resolve, error: reject });
    });
    expect(posted).toMatch(/\S/);
    expect((await answer).text).toMatch(/\S/);
    expect(requests.filter((r) => r.startsWith('GET ') && r.endsWith('/activities'))).toEqual([]);
  });
});
