import { MAX_BODY_BYTES } from '../../../src/http/server';
import { signatureFor } from '../../../src/channels/whatsapp/signature';
import { APP_SECRET, textMessage, statusUpdate } from '../../services/whatsapp/metaPayloads';
import type { Rng } from './rng';

/** A route as the server registered it (method in upper case, path with :params). */
export interface RouteSpec {
  method: string;
  path: string;
}

/**
 * Well-formed bodies per route, which the generator mutates (wrong types, Mongo operators,
 * prototype keys). Routes without an entry get random JSON. To fuzz a new route deeper, add an
 * entry here; the route itself is found from the server's router, nothing to list.
 */
export const SAMPLE_BODIES: { path: RegExp; method?: string; bodies: (ctx: FuzzContext) => unknown[] }[] = [
  {
    path: /^\/api\/messages$/,
    bodies: (ctx) => [
      {
        type: 'message',
        text: 'Hallo',
        channelId: 'webchat',
        serviceUrl: ctx.serviceUrl,
        conversation: { id: 'conv-fuzz-1' },
        from: { id: 'u1' },
        recipient: { id: 'lotse-bot' },
        locale: 'de-DE',
        deliveryMode: 'expectReplies',
      },
      {
        type: 'conversationUpdate',
        channelId: 'directline',
        serviceUrl: ctx.serviceUrl,
        conversation: { id: 'conv-fuzz-2' },
        membersAdded: [{ id: 'u2' }],
        recipient: { id: 'lotse-bot' },
        deliveryMode: 'expectReplies',
      },
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: ctx.serviceUrl,
        conversation: { id: '19:fuzz@thread.tacv2' },
        from: { id: 'agent-1', aadObjectId: 'aad-1' },
        value: { action: { verb: 'claim', data: { handoffId: ctx.handoffIds[0] } } },
        deliveryMode: 'expectReplies',
      },
    ],
  },
  {
    path: /^\/api\/whatsapp$/,
    method: 'POST',
    bodies: () => [
      textMessage('4917000000001', 'wamid.FUZZ1', 'Hallo'),
      statusUpdate('wamid.OUT1', '4917000000001', 'delivered'),
    ],
  },
  { path: /^\/api\/admin\/users$/, method: 'POST', bodies: () => [{ name: 'Fuzzy Agent', role: 'agent' }] },
  { path: /^\/api\/handoffs\/:id\/(messages|notes)$/, bodies: () => [{ text: 'Guten Tag' }] },
  { path: /^\/api\/handoffs\/:id\/transfer$/, bodies: () => [{ note: 'Bitte übernehmen' }] },
  { path: /^\/v3\/directline\/conversations$/, bodies: () => [{ locale: 'de-DE', user: { id: 'u' } }] },
  {
    path: /^\/v3\/directline\/conversations\/:conversationId\/activities$/,
    bodies: () => [
      { type: 'message', text: 'Hallo', from: { id: 'u' }, locale: 'de-DE', channelData: { clientActivityID: 'c1' } },
    ],
  },
  // Admin content (contract in docs/ARCHITECTURE.md), fuzzed as soon as the routes exist.
  {
    path: /^\/api\/admin\/faq(\/:[^/]+)?$/,
    bodies: () => [
      {
        questions: { de: ['Wie kündige ich?'], en: ['How do I cancel?'] },
        answer: { de: 'Online.', en: 'Online.' },
        category: 'general',
        active: true,
      },
    ],
  },
  {
    path: /^\/api\/admin\/translations\/:[^/]+$/,
    bodies: () => [{ conversation: { menu: { choose: 'Bitte wählen Sie:' } } }],
  },
  {
    path: /^\/api\/admin\/menu$/,
    bodies: () => [
      {
        main: {
          id: 'main',
          options: [
            {
              id: 'billing',
              digit: '1',
              label: { de: 'Rechnungen', en: 'Invoices' },
              target: { kind: 'dialog', dialog: 'billing' },
            },
          ],
        },
      },
    ],
  },
  {
    path: /^\/api\/admin\/preview$/,
    bodies: () => [
      {
        messages: ['Hallo', '1', 'Wann wird meine Rechnung abgebucht?'],
        language: 'de',
        draft: { translations: { de: { conversation: { menu: { choose: 'Bitte wählen:' } } } } },
      },
    ],
  },
  { path: /^\/api\/admin\/history\/:[^/]+\/rollback$/, bodies: () => [{ to: 'before' }, { to: 'after' }] },
  {
    path: /^\/api\/admin\/settings$/,
    bodies: () => [
      {
        companyName: 'Muster Telekom',
        botName: 'Lotse',
        frustration: { annoyed: 0.3, irate: 0.6, extraTriggerWords: [] },
      },
    ],
  },
];

export interface FuzzContext {
  serviceUrl: string;
  adminToken: string;
  handoffIds: string[];
  directLine: { token: string; conversationId: string };
}

export interface FuzzCase {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  JSON.parse('{"a":{"__proto__":{"polluted":"yes"}},"__proto__":[1]}'),
  { prototype: { polluted: 'yes' } },
];
const MONGO_OPERATORS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(5000) || true' },
  { $regex: '.*' },
  { $in: [null, ''] },
  { 'a.b': 1, $set: { role: 'admin' } },
  { $expr: { $eq: [1, 1] } },
  { 'customer.conversationKey': { $exists: true } },
];
/**
 * Customer texts made to hurt backtracking patterns (the masking of card numbers, IBANs, phone
 * numbers and e-mail addresses runs on every line): long digit runs with separators, the
 * "0" + many "1" + "-" that froze the service, repeated blanks, dots and "@".
 */
export const REGEX_ADVERSARIAL: string[] = [
  `Rufen Sie mich an: 0${'1'.repeat(46)}-`,
  `0${'1'.repeat(2000)}-`,
  '1'.repeat(5000),
  `${'1 '.repeat(2000)}x`,
  `${'1-'.repeat(2000)}-`,
  `${'12 34 '.repeat(800)}!`,
  `+49 (0) ${'151 '.repeat(1200)}/`,
  `${'4111 '.repeat(1000)}a`,
  `${'0/'.repeat(2000)}(`,
  `DE${'89 '.repeat(1500)}x`,
  `DE89${' 3704'.repeat(1000)} Z`,
  `${' '.repeat(5000)}1`,
  `${'.'.repeat(5000)}@`,
  `${'@'.repeat(5000)}.`,
  `${'a.'.repeat(2500)}@b`,
  `${'a@'.repeat(2500)}.de`,
  `x@${'a.'.repeat(2500)}`,
  `${'a'.repeat(4000)}@${'b-'.repeat(500)}`,
  `PIN ${'pin '.repeat(1000)}`,
  `${'(0)'.repeat(1500)}1`,
];

const STRINGS = [
  ...REGEX_ADVERSARIAL,
  '',
  ' ',
  'a',
  'Hallo\u0000Welt',
  '\u0000',
  '\ud800',
  '\uffff',
  'ä'.repeat(3000),
  'x'.repeat(70000),
  '$gt',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; db.dropDatabase(); '",
  '0',
  '-1',
  '1e309',
  'null',
  '{}',
  '%00',
  '🙂'.repeat(50),
];
const PARAM_VALUES = [
  '0',
  'x',
  '$gt',
  '%24gt',
  '__proto__',
  'constructor',
  'prototype',
  '%00',
  '%ff%fe',
  '%c3%28',
  '..%2F..%2Fpackage.json',
  '%2e%2e',
  '0123456789abcdef01234567',
  'ffffffffffffffffffffffff',
  '6b08fb3a80df58a0765de38a',
  '-1',
  '1e400',
  '%7B%22%24gt%22%3A%22%22%7D',
  'a'.repeat(600),
  encodeURIComponent('ä😀'),
  'de',
  'en',
  'xx',
  'admin',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/jsonx',
  '*/*',
  'application/json, text/plain',
  '',
];
const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** Seeded request generator over the server's routes. */
export class FuzzGenerator {
  constructor(
    private readonly rng: Rng,
    private readonly routes: RouteSpec[],
    private readonly ctx: FuzzContext,
  ) {}

  /** Any JSON value, `depth` levels at most. */
  randomJson(depth = 3): unknown {
    const r = this.rng;
    switch (r.int(0, depth > 0 ? 9 : 5)) {
      case 0:
        return r.int(-1e6, 1e6);
      case 1:
        return r.pick([0, -0.0, 1.5e308, -1, Number.MAX_SAFE_INTEGER + 2]);
      case 2:
        return r.pick(STRINGS);
      case 3:
        return r.string(r.int(0, 40));
      case 4:
        return r.pick([null, true, false]);
      case 5:
        return r.pick(MONGO_OPERATORS);
      case 6:
        return r.pick(POLLUTERS);
      case 7:
        return Array.from({ length: r.int(0, 5) }, () => this.randomJson(depth - 1));
      default: {
        const obj: Record<string, unknown> = {};
        for (let i = r.int(0, 5); i > 0; i--)
          obj[
            r.pick([
              'text',
              'type',
              'id',
              'name',
              'role',
              'a.b',
              '$set',
              'from',
              'value',
              'entry',
              r.string(r.int(1, 8)),
            ])
          ] = this.randomJson(depth - 1);
        return obj;
      }
    }
  }

  /** A well-formed body with one field replaced (wrong type, operator, prototype key) or removed. */
  private mutate(sample: unknown): unknown {
    const copy = JSON.parse(JSON.stringify(sample)) as unknown;
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, at: (string | number)[]) => {
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        const key = Array.isArray(node) ? Number(k) : k;
        paths.push([...at, key]);
        walk(v, [...at, key]);
      }
    };
    walk(copy, []);
    if (paths.length === 0) return this.randomJson();
    const target = this.rng.pick(paths);
    let parent = copy as Record<string | number, unknown>;
    for (const key of target.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = target[target.length - 1];
    const choice = this.rng.int(0, 4);
    if (choice === 0) delete parent[last];
    else if (choice === 1) Object.assign(parent, JSON.parse('{"__proto__":{"polluted":"yes"}}') as object);
    else parent[last] = choice === 2 ? this.rng.pick(MONGO_OPERATORS) : this.randomJson(2);
    return copy;
  }

  private fillPath(route: RouteSpec): string {
    return route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      if (this.rng.chance(0.4)) {
        if (name === 'id' && this.ctx.handoffIds.length > 0) return this.rng.pick(this.ctx.handoffIds);
        if (name === 'conversationId') return this.ctx.directLine.conversationId;
        if (name === 'lng') return this.rng.pick(['de', 'en']);
      }
      return this.rng.pick(PARAM_VALUES);
    });
  }

  private query(): string {
    const r = this.rng;
    if (r.chance(0.6)) return '';
    const parts = Array.from({ length: r.int(1, 4) }, () =>
      r.pick([
        `status=${r.pick(['queued', 'assigned', 'resolved', '%7B%22%24gt%22%3A%22%22%7D', '', 'x'.repeat(300)])}`,
        'status[$ne]=queued',
        '__proto__[polluted]=yes',
        'constructor[prototype][polluted]=yes',
        'watermark=' + r.pick(['', '0', '-1', 'abc', '1e99', '99999999999999999999']),
        'hub.mode=subscribe&hub.verify_token=' +
          r.pick(['wrong', '', '%00']) +
          '&hub.challenge=' +
          r.string(r.int(0, 20)),
        `${encodeURIComponent(r.string(r.int(1, 10)))}=${encodeURIComponent(r.string(r.int(0, 30)))}`,
        'a[b][c][d][e][f][g][h]=1',
        'limit=-1&skip=1e9',
        '%ff%fe=%c3%28',
      ]),
    );
    return `?${parts.join('&')}`;
  }

  private auth(headers: Record<string, string>, path: string): void {
    const r = this.rng;
    if (path.startsWith('/v3/directline') && r.chance(0.6)) {
      headers.authorization = `Bearer ${this.ctx.directLine.token}`;
      return;
    }
    const pick = r.int(0, 9);
    if (pick <= 5) headers.authorization = `Bearer ${this.ctx.adminToken}`;
    else if (pick === 6)
      headers.authorization = r.pick([
        'Bearer',
        'Bearer ',
        'Basic YWRtaW46YWRtaW4=',
        'bearer x',
        `Bearer ${'A'.repeat(4000)}`,
        'Bearer {"$gt":""}',
        'Bearer %00',
      ]);
    else if (pick === 7) headers.authorization = `Bearer ${r.string(r.int(1, 64))}`.replace(/[^\x20-\x7e]/g, 'x');
    // 8, 9: no authorization at all
  }

  private bodyFor(route: RouteSpec): { kind: string; body?: Buffer; contentType?: string } {
    const r = this.rng;
    const samples =
      SAMPLE_BODIES.find((s) => s.path.test(route.path) && (!s.method || s.method === route.method))?.bodies(
        this.ctx,
      ) ?? [];
    const roll = r.int(0, 99);
    if (roll < 3)
      return {
        kind: 'just over the limit',
        body: Buffer.alloc(MAX_BODY_BYTES + r.int(1, 64), 0x61),
        contentType: 'application/json',
      };
    if (roll < 4)
      return {
        kind: 'far over the limit',
        body: Buffer.alloc(MAX_BODY_BYTES * 8, 0x5b),
        contentType: 'application/json',
      };
    if (roll < 9) {
      const levels = r.pick([1000, 1000, 5000]);
      const nested = r.chance(0.5)
        ? `${'['.repeat(levels)}${']'.repeat(levels)}`
        : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
      return { kind: `nesting ${levels}`, body: Buffer.from(nested), contentType: 'application/json' };
    }
    if (roll < 14) {
      const garbage = Buffer.concat([
        Buffer.from('{"text":"'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]),
        Buffer.from('"}'),
      ]);
      return {
        kind: 'invalid utf-8',
        body: r.chance(0.5) ? garbage : Buffer.from(Array.from({ length: r.int(1, 200) }, () => r.int(0, 255))),
        contentType: 'application/json',
      };
    }
    if (roll < 18)
      return {
        kind: 'nul bytes',
        body: Buffer.from(r.chance(0.5) ? '{"text":"a\u0000b","type":"message\u0000"}' : '\u0000\u0000{}'),
        contentType: 'application/json',
      };
    if (roll < 23)
      return {
        kind: 'malformed json',
        body: Buffer.from(
          r.pick(['{', '{"a":', '[1,2', 'undefined', "{'a':1}", '{"a":1}}', '\ufeff{"a":1}', 'NaN', '1e999999']),
        ),
        contentType: 'application/json',
      };
    if (roll < 31) {
      const contentType = r.pick(CONTENT_TYPES);
      const body = r.pick([
        'a=1&b=2&__proto__[polluted]=yes&constructor[prototype][polluted]=yes',
        '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--',
        '<a>1</a>',
        JSON.stringify(samples[0] ?? { a: 1 }),
        '--xyz\r\ngarbage',
      ]);
      return { kind: `content-type ${contentType || 'none'}`, body: Buffer.from(body), contentType };
    }
    if (roll < 36)
      return {
        kind: 'prototype keys',
        body: Buffer.from(JSON.stringify(r.pick(POLLUTERS))),
        contentType: 'application/json',
      };
    if (roll < 42)
      return {
        kind: 'mongo operators',
        body: Buffer.from(
          JSON.stringify(
            r.chance(0.5)
              ? r.pick(MONGO_OPERATORS)
              : { text: r.pick(MONGO_OPERATORS), name: r.pick(MONGO_OPERATORS), role: { $ne: 'agent' } },
          ),
        ),
        contentType: 'application/json',
      };
    if (roll < 48) return { kind: 'no body', contentType: r.chance(0.5) ? 'application/json' : undefined };
    if (samples.length > 0 && roll < 85)
      return {
        kind: 'mutated sample',
        body: Buffer.from(JSON.stringify(this.mutate(r.pick(samples)))),
        contentType: 'application/json',
      };
    if (samples.length > 0 && roll < 90)
      return { kind: 'sample', body: Buffer.from(JSON.stringify(r.pick(samples))), contentType: 'application/json' };
    return {
      kind: 'wrong types',
      body: Buffer.from(JSON.stringify(this.randomJson(4))),
      contentType: 'application/json',
    };
  }

  /** A customer's turn carrying an adversarial text, on the Bot Framework route or the web page's Direct Line. */
  customerTurn(): FuzzCase {
    const r = this.rng;
    const text = r.pick(REGEX_ADVERSARIAL) + (r.chance(0.5) ? ` ${r.string(r.int(0, 20))}` : '');
    if (r.chance(0.5)) {
      const body = {
        type: 'message',
        text,
        channelId: 'webchat',
        serviceUrl: this.ctx.serviceUrl,
        conversation: { id: `conv-adv-${r.int(1, 40)}` },
        from: { id: 'adv' },
        recipient: { id: 'lotse-bot' },
        locale: 'de-DE',
        deliveryMode: 'expectReplies',
      };
      return {
        kind: 'customer turn (regex-adversarial)',
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(body)),
      };
    }
    const { token, conversationId } = this.ctx.directLine;
    const body = { type: 'message', text: text.slice(0, 5000), from: { id: 'u' }, locale: 'de-DE' };
    return {
      kind: 'customer turn (regex-adversarial)',
      method: 'POST',
      path: `/v3/directline/conversations/${conversationId}/activities`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: Buffer.from(JSON.stringify(body)),
    };
  }

  next(): FuzzCase {
    const r = this.rng;
    if (r.chance(0.08)) return this.customerTurn();
    if (r.chance(0.02)) {
      // Very long URL (over Node's 16 KB header limit or just under), or a path nobody serves.
      const long = r.chance(0.5);
      return {
        kind: long ? 'very long url' : 'unknown route',
        method: r.pick(OTHER_METHODS),
        path: long
          ? `/api/handoffs/${'a'.repeat(r.pick([8000, 20000, 100000]))}`
          : `/${r.string(r.int(1, 30), 'abcdef/._-%0')}`,
        headers: {},
      };
    }
    const route = r.pick(this.routes);
    const method = r.chance(0.9) ? route.method : r.pick(OTHER_METHODS);
    const path = this.fillPath(route) + this.query();
    const headers: Record<string, string> = {};
    this.auth(headers, path);
    if (method === 'GET' || method === 'HEAD') return { kind: 'query and ids', method, path, headers };
    const { kind, body, contentType } = this.bodyFor(route);
    if (contentType) headers['content-type'] = contentType;
    if (route.path === '/api/whatsapp' && body && r.chance(0.7)) {
      // Signed with the real secret: the garbage gets past the signature check to the parser.
      headers['x-hub-signature-256'] = signatureFor(APP_SECRET, body);
      return { kind: `signed ${kind}`, method, path, headers, body };
    }
    return { kind, method, path, headers, body };
  }
}
