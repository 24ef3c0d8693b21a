import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

/**
 * Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) run headless, the way its web
 * page uses it: the page and a test both talk to the playground's own server. What a person does in
 * the page is an HTTP call there (`/_conversation/v1/...`, `/_debug/...`); what the page shows
 * arrives on its WebSocket (`/_ws_conversation/v1/conversations/stream`) as createMessage and
 * updateMessage actions, which `PlaygroundView` keeps the way the page renders them.
 */

/** The simulated tenant, team and people, written to the playground's config file. */
export interface PlaygroundWorld {
  tenantId: string;
  /** The team's id; in Teams the General channel has the same id. */
  teamId: string;
  teamName: string;
  bot: { id: string; name: string };
  /** The signed-in user of the playground page: the agent who clicks and types. */
  me: PlaygroundUser;
  personalChatId: string;
}

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface ShownMessage {
  /** The conversation the page shows it in: a channel, a thread (`…;messageid=…`) or a chat. */
  conversationId: string;
  messageId: string;
  from: string;
  text?: string;
  attachments: { contentType: string; content: unknown }[];
  /** Set on a channel post that starts a thread: the thread's conversation id. */
  postConversationId?: string;
}

interface StreamAction {
  action: string;
  actionConversationId: string;
  message?: {
    messageId: string;
    from: { id: string };
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
    postConversationId?: string;
  };
}

/** What the playground page shows, kept from its WebSocket: new messages and in-place updates. */
export class PlaygroundView {
  private readonly messages = new Map<string, ShownMessage>();

  apply(action: StreamAction): void {
    const m = action.message;
    if (!m || (action.action !== 'createMessage' && action.action !== 'updateMessage')) return;
    const previous = this.messages.get(m.messageId);
    this.messages.set(m.messageId, {
      conversationId: previous?.conversationId ?? action.actionConversationId,
      messageId: m.messageId,
      from: m.from.id,
      text: m.text,
      attachments: m.attachments ?? [],
      postConversationId: m.postConversationId ?? previous?.postConversationId,
    });
  }

  /** Messages shown in one conversation, oldest first. */
  in(conversationId: string): ShownMessage[] {
    return [...this.messages.values()].filter((m) => m.conversationId === conversationId);
  }

  get(messageId: string): ShownMessage | undefined {
    return this.messages.get(messageId);
  }
}

export interface AgentsPlayground {
  url: string;
  world: PlaygroundWorld;
  view: PlaygroundView;
  /** "Add the app to a team": the playground sends installationUpdate and conversationUpdate. */
  installInTeam(): Promise<void>;
  /** Typing a message into a conversation; `mentionBot` puts "@<bot>" in front as the page does. */
  write(conversationId: string, text: string, options?: { mentionBot?: boolean }): Promise<void>;
  /** Clicking an Action.Execute button; answers the invoke response the page renders. */
  execute(shown: ShownMessage, action: { title?: string; verb: string; data: unknown }): Promise<InvokeAnswer>;
  /** Clicking an Action.Submit button. */
  submit(shown: ShownMessage, data: Record<string, unknown>): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

export interface InvokeAnswer {
  status: number;
  body: { type?: string; value?: unknown };
}

const CLI = '@microsoft/m365agentsplayground/cli.js';

/** Starts the playground (on `port`, or another when taken) against the bot's endpoint, with its page's WebSocket connected. */
export async function startAgentsPlayground(
  botEndpoint: string,
  world: PlaygroundWorld,
  port: number,
): Promise<AgentsPlayground> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lotse-playground-'));
  const configPath = path.join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, configFile(world));
  const child = spawn(
    process.execPath,
    [
      require.resolve(CLI),
      'start',
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      // Where the bot replies is left to the playground: its own /_connector on the port it took.
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        // No browser window; the log file and config file in the temporary folder, not the repository.
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, 'playground.log'),
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20000)));
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20000)));
  const stopChild = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // Without a terminal it prints "Listening on <port>" once its server is up (another port when taken).
    const listening = await waitUntil(
      child,
      () => /Listening on (\d+)/.exec(output)?.[1],
      60000,
      () => output,
    );
    const url = `http://127.0.0.1:${listening}`;
    const view = new PlaygroundView();
    const socket = await openStream(url, view);
    return playground(url, world, view, socket, child, () => output, stopChild);
  } catch (err) {
    await stopChild();
    throw err;
  }
}

function playground(
  url: string,
  world: PlaygroundWorld,
  view: PlaygroundView,
  socket: WebSocket,
  child: ChildProcess,
  output: () => string,
  stopChild: () => Promise<void>,
): AgentsPlayground {
  const call = async (route: string, body: unknown): Promise<InvokeAnswer> => {
    const res = await fetch(`${url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (child.exitCode !== null) throw new Error(`the playground exited: ${output()}`);
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as InvokeAnswer['body']) };
  };
  const expectOk = (answer: InvokeAnswer, what: string) => {
    if (answer.status !== 200) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  const threadOf = (shown: ShownMessage) => shown.postConversationId ?? shown.conversationId;
  return {
    url,
    world,
    view,
    async installInTeam() {
      expectOk(await call(`/_debug/conversation/${encodeURIComponent(world.teamId)}/installation`, {}), 'installation');
    },
    async write(conversationId, text, options = {}) {
      const at = `<at>${world.bot.name}</at>`;
      const body = options.mentionBot
        ? {
            text: `${at} ${text}`,
            textFormat: 'plain',
            from: { id: world.me.id },
            mentions: [{ mentioned: { id: world.bot.id }, text: at }],
          }
        : { text, textFormat: 'plain', from: { id: world.me.id } };
      expectOk(
        await call(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body),
        text,
      );
    },
    async execute(shown, action) {
      return call('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', ...action } },
        from: { id: world.me.id },
        conversation: { id: threadOf(shown) },
        replyToId: shown.messageId,
      });
    },
    async submit(shown, data) {
      expectOk(
        await call('/_conversation/v1/submit', {
          conversation: { id: threadOf(shown) },
          replyToId: shown.messageId,
          value: data,
          from: { id: world.me.id },
        }),
        'submit',
      );
    },
    output,
    async stop() {
      socket.close();
      await stopChild();
    },
  };
}

function openStream(url: string, view: PlaygroundView): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    socket.on('message', (data: WebSocket.Data) => view.apply(JSON.parse(data.toString()) as StreamAction));
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function waitUntil<T>(
  child: ChildProcess,
  probe: () => T | undefined,
  timeoutMs: number,
  output: () => string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (child.exitCode !== null) throw new Error(`the playground exited with ${child.exitCode}: ${output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`the playground did not start: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The playground's config file (schema 0.1.1): exactly five further users and one extra channel. */
function configFile(world: PlaygroundWorld): string {
  const user = (u: PlaygroundUser, indent: string) => {
    const [given, ...rest] = u.name.split(' ');
    const mail = `${given.toLowerCase()}@example.com`;
    return [
      `id: ${JSON.stringify(u.id)}`,
      `name: ${JSON.stringify(u.name)}`,
      `userPrincipleName: ${mail}`,
      `aadObjectId: ${u.aadObjectId}`,
      `givenName: ${JSON.stringify(given)}`,
      `surname: ${JSON.stringify(rest.join(' ') || given)}`,
      `email: ${mail}`,
    ].join(`\n${indent}`);
  };
  const colleagues = ['Ben Berger', 'Carla Conrad', 'Dirk Dorn', 'Eva Engel', 'Frank Fuchs'].map((name, i) => ({
    id: `29:colleague-${i + 1}`,
    name,
    aadObjectId: `0a1b2c3d-0000-4000-8000-00000000010${i}`,
  }));
  return [
    'version: "0.1.1"',
    `tenantId: ${world.tenantId}`,
    'bot:',
    `  id: ${JSON.stringify(world.bot.id)}`,
    `  name: ${JSON.stringify(world.bot.name)}`,
    'currentUser:',
    `  ${user(world.me, '  ')}`,
    'users:',
    ...colleagues.map((c) => `  - ${user(c, '    ')}`),
    'personalChat:',
    `  id: ${JSON.stringify(world.personalChatId)}`,
    'groupChat:',
    '  id: "19:group-chat@thread.v2"',
    '  name: Gruppenchat',
    'team:',
    `  id: ${JSON.stringify(world.teamId)}`,
    `  name: ${JSON.stringify(world.teamName)}`,
    '  aadGroupId: 0a1b2c3d-0000-4000-8000-0000000000aa',
    '  channels:',
    '    - id: "19:team-leads@thread.tacv2"',
    '      name: Teamleitung',
    '',
  ].join('\n');
}
