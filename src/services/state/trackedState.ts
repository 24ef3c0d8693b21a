import { BotState, ConversationState, Storage, StorageKeyFactory, TurnContext, UserState } from 'botbuilder';
import { HANDOFF_MARK_FIELD } from './botStateModel';
import { readJson, writeJson } from './stateJson';

interface Cached {
  state: Record<string, unknown>;
  /** The state as JSON when read or last saved; '' forces a save (BotState.clear). */
  hash: string;
}

/**
 * botbuilder's BotState decides "changed?" with a SHA-256 over a replacer-driven stringify, five
 * times a turn (load and save of two states, and again after each write): a measurable share of
 * the turn's CPU. Here the JSON text itself is the fingerprint (one plain JSON.stringify per load
 * and save); the behaviour is botbuilder's: state is read once per turn, written only when changed,
 * unconditionally ('*'), like BotState.saveChanges.
 */
function snapshot(state: Record<string, unknown>): string {
  const { eTag: _eTag, [HANDOFF_MARK_FIELD]: _mark, ...rest } = state;
  void _eTag;
  void _mark;
  return JSON.stringify(rest);
}

// BotState keeps its per-turn cache under a private symbol; its clear() and get() read that entry,
// so load and save must use the same one (botbuilder 4.23).
function cacheKey(state: BotState): symbol {
  return (state as unknown as { stateKey: symbol }).stateKey;
}

async function load(
  owner: BotState,
  storage: Storage,
  storageKey: StorageKeyFactory,
  context: TurnContext,
  force: boolean,
): Promise<Record<string, unknown>> {
  const key = cacheKey(owner);
  const cached = context.turnState.get(key) as Cached | undefined;
  if (!force && cached?.state) return cached.state;
  const id = await storageKey(context);
  const items = await storage.read([id]);
  const state = (items[id] as Record<string, unknown> | undefined) ?? {};
  const read = readJson.get(state);
  readJson.delete(state);
  context.turnState.set(key, { state, hash: read ?? snapshot(state) } satisfies Cached);
  return state;
}

async function save(
  owner: BotState,
  storage: Storage,
  storageKey: StorageKeyFactory,
  context: TurnContext,
  force: boolean,
): Promise<void> {
  const key = cacheKey(owner);
  let cached = context.turnState.get(key) as Cached | undefined;
  const json = cached ? snapshot(cached.state) : '{}';
  if (!force && (!cached || cached.hash === json)) return;
  cached ??= { state: {}, hash: '' };
  // The turn is over: nothing changes the state between here and the write.
  const id = await storageKey(context);
  cached.state.eTag = '*';
  writeJson.set(cached.state, json);
  try {
    await storage.write({ [id]: cached.state });
  } finally {
    writeJson.delete(cached.state);
  }
  cached.hash = json;
  context.turnState.set(key, cached);
}

/** ConversationState with the cheaper change check above. */
export class TrackedConversationState extends ConversationState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return load(this, this.storage, this.storageKey, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return save(this, this.storage, this.storageKey, context, force);
  }
}

/** UserState with the cheaper change check above. */
export class TrackedUserState extends UserState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return load(this, this.storage, this.storageKey, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return save(this, this.storage, this.storageKey, context, force);
  }
}
