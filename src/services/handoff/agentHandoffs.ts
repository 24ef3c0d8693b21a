/**
 * The agents' side of the queue (API, Teams, desk page): list, read, claim, write to the customer,
 * resolve, transfer to a supervisor, internal notes. Exactly one claim wins; the rest get 409.
 */
import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Principal } from '../auth/roles';
import { hasRole } from '../auth/roles';
import type { I18nService } from '../i18n/i18nService';
import type { Logger } from '../logger';
import { maskSensitive } from '../privacy/masking';
import { requireBoolean, requireString } from '../validation/input';
import { checkAgentReply } from '../agentReplies/replyCheck';
import { UnacceptableContentError } from '../errors';
import type { CustomerChannel } from './customerChannel';
import { HandoffConflictError, HandoffForbiddenError, HandoffNotFoundError } from './errors';
import type { HandoffEventBus } from './handoffEventBus';
import { listItemOf } from './handoffLabels';
import type { StoredFile } from '../files/fileStore';
import type { Actor, HandoffListItem, HandoffRecord, HandoffStatus, TranscriptEntry } from './handoffModel';
import { auditEntry, HandoffStore, toObjectId, toRecord, WITHOUT_ARRAYS } from './handoffStore';
import type { QueueFigures } from './queueFigures';
import { handBackTargetInfo, HandBackTarget } from './handBackTargets';

const MAX_TEXT = 4000;
/** Handoffs whose customer part an instance keeps for agents' replies; the least recently used go first. */
const MAX_KNOWN_CUSTOMERS = 10_000;

/** What an agent's reply needs of its handoff besides the status: fixed for the handoff's life. */
type CustomerPart = Pick<HandoffRecord, 'id' | 'customer'>;
/** Account names that say nothing to a customer (the bootstrap admin is called "Admin"). */
const TECHNICAL_NAMES = new Set(['', 'admin', 'administrator', 'bootstrap-admin', 'root', 'system']);

export interface AgentHandoffsDeps {
  store: HandoffStore;
  figures: QueueFigures;
  bus: HandoffEventBus;
  channel: CustomerChannel;
  i18n: I18nService;
  logger: Logger;
  now: () => Date;
  updateIntervalMs: number;
  /** The question of the dialog an agent hands back to, with its options; without it, the question alone. */
  handBackQuestion?: HandBackQuestion;
  /** Where files agents send are kept and how the customer reaches them; without it agents send no files. */
  files?: AgentFiles;
}

/** Keeping a file an agent sends and linking it for the customer (services/files). */
export interface AgentFiles {
  put(file: { data: Buffer; name?: string; conversationKey: string }): Promise<StoredFile>;
  link(fileId: string): Promise<string>;
}

/** Renders a hand-back target's first question (with its sub-menu's options) in the customer's language. */
export type HandBackQuestion = (target: HandBackTarget, lang: 'de' | 'en') => Promise<Partial<Activity>>;

function actorOf(principal: Principal): Actor {
  return { kind: 'agent', id: principal.id, name: principal.name, role: principal.role };
}

/** Whether an account name is fit to be shown to a customer (not empty, not "Admin"). */
export function hasDisplayName(name: string | undefined): name is string {
  return name !== undefined && !TECHNICAL_NAMES.has(name.trim().toLowerCase());
}

/** The name a customer sees for an agent: their display name, or a neutral "Ihr Kundenservice". */
export function customerFacingName(name: string | undefined, t: TFunction): string {
  return hasDisplayName(name) ? name.trim() : t('handoff:agentFallbackName');
}

/** The one satisfaction question after a person helped, with 1–5 as buttons. */
export function surveyActivity(t: (key: string, vars?: Record<string, unknown>) => string): Partial<Activity> {
  return {
    type: 'message',
    text: t('handoff:survey.question'),
    suggestedActions: {
      to: [],
      actions: ['1', '2', '3', '4', '5'].map((v) => ({ type: 'imBack', title: v, value: v })),
    },
  };
}

export class AgentHandoffs {
  /**
   * The customer part of handoffs an agent here claimed or wrote to (see CustomerPart): an agent's
   * next reply needs no read of the record. No cache of the status: the reply's guarded write checks it.
   */
  private readonly customers = new Map<string, CustomerPart>();

  constructor(private readonly deps: AgentHandoffsDeps) {}

  /** Queue order: priority, then waiting time. status defaults to queued. */
  async list(filter: { status?: HandoffStatus; limit?: number } = {}): Promise<HandoffListItem[]> {
    const status = filter.status ?? 'queued';
    const limit = Math.min(Math.max(filter.limit ?? 200, 1), 500);
    const sort: Record<string, 1 | -1> = status === 'queued' ? { priority: 1, createdAt: 1 } : { updatedAt: -1 };
    const docs = await this.deps.store.model.find({ status }, WITHOUT_ARRAYS).sort(sort).limit(limit).lean();
    const now = this.deps.now();
    let livePosition = 0;
    return docs.map((d) => {
      const record = toRecord(d);
      const position = record.status === 'queued' && record.mode === 'live' ? ++livePosition : undefined;
      return listItemOf(record, now, position);
    });
  }

  /** The whole record: transcript, messages, notes, audit trail. */
  get(id: string): Promise<HandoffRecord> {
    return this.deps.store.get(id);
  }

  /**
   * Exactly one caller wins. Everyone else gets HandoffConflictError (409); a plain agent asking
   * for a supervisor's handoff gets HandoffForbiddenError (403); an unknown id HandoffNotFoundError (404).
   */
  async claim(id: string, principal: Principal): Promise<HandoffRecord> {
    const now = this.deps.now();
    const agent = actorOf(principal);
    const where = hasRole(principal, 'supervisor') ? {} : { needsSupervisor: false };
    const record = await this.deps.store.transition(
      id,
      {
        from: 'queued',
        to: 'assigned',
        where,
        set: { agent, claimedAt: now },
        audit: auditEntry(agent, 'claimed', now),
      },
      now,
    );
    if (!record) {
      const current = await this.deps.store.model
        .findById(toObjectId(id), { status: 1, needsSupervisor: 1, agent: 1 })
        .lean();
      if (!current) throw new HandoffNotFoundError(id);
      if (current.status === 'queued' && current.needsSupervisor)
        throw new HandoffForbiddenError(id, 'this handoff needs a supervisor');
      throw new HandoffConflictError(
        id,
        current.status === 'assigned'
          ? `already taken by ${current.agent?.name ?? 'another agent'}`
          : `handoff is ${current.status}`,
      );
    }
    this.deps.figures.claimed();
    this.remember(record);
    this.deps.logger.info(
      { handoffId: id, agentId: principal.id, conversationId: record.customer.conversationKey },
      'handoff claimed',
    );
    await this.deps.bus.publish('claimed', id, { handoff: listItemOf(record, now), agent });
    const t = this.t(record);
    const text = hasDisplayName(agent.name)
      ? t('handoff:claimed', { name: agent.name.trim() })
      : t('handoff:claimedNoName');
    void this.deps.channel.tell(record, [{ type: 'message', text }]).catch(() => undefined);
    void this.deps.channel.handoffStatus(record, 'accepted');
    return record;
  }

  /** Agent -> customer on the customer's channel; only the assigned agent or a supervisor. */
  /**
   * Sends an agent's reply to the customer. Informal address or arguing is refused (422 with a formal
   * suggestion) unless `force` is true, which sends it as written and is audited (the rule, not the text).
   */
  async sendAgentMessage(
    id: string,
    principal: Principal,
    rawText: unknown,
    rawForce?: unknown,
  ): Promise<TranscriptEntry> {
    const text = requireString(rawText, 'text', { max: MAX_TEXT });
    const force = rawForce === undefined ? false : requireBoolean(rawForce, 'force');
    const now = this.deps.now();
    const agent = actorOf(principal);
    // Known here: what may have changed (status, agent; maybe on another instance) is checked by the
    // write that stamps the reply, below, instead of a read now. Otherwise the record is read.
    const known = this.customers.get(id);
    const record: CustomerPart = known ?? (await this.assignedHead(id, principal));
    const verdict = checkAgentReply(text, this.t(record)('agent:replyCheck.neutralLine'));
    if (!verdict.ok && !force) {
      throw new UnacceptableContentError(
        verdict.code === 'InformalAddress'
          ? `informal address (${verdict.found.join(', ')}): customers are addressed formally with "Sie"; send the suggestion, or force`
          : `arguing (${verdict.found.join(', ')}): stay neutral and do not assign blame; send the suggestion, or force`,
        verdict.code,
        verdict.suggestion,
      );
    }
    // Still assigned, and to this agent unless a supervisor writes: the same rule as assertMayAct.
    let stamped = false;
    if (known) {
      const where = hasRole(principal, 'supervisor')
        ? { status: 'assigned' }
        : { status: 'assigned', 'agent.id': agent.id };
      stamped = await this.deps.store.stampWhere(id, where, now);
      // Changed meanwhile: the record says how (404, 403, 409), or that the reply may go after all.
      if (!stamped) {
        this.customers.delete(id);
        await this.assignedHead(id, principal);
      }
    }
    if (!verdict.ok) {
      await this.deps.store.model.updateOne(
        { _id: toObjectId(id) },
        { $push: { audit: auditEntry(agent, 'sent_despite_check', now, verdict.code) } },
      );
      this.deps.logger.info(
        { handoffId: id, agentId: agent.id, rule: verdict.code },
        'agent reply sent despite the check',
      );
    }
    const shownName = customerFacingName(agent.name, this.t(record));
    // Delivered first, recorded second: the record never shows a message the customer did not get.
    await this.deps.channel.tell(
      record,
      [{ type: 'message', text, from: { id: 'agent', name: shownName } as Activity['from'] }],
      true,
    );
    const message: TranscriptEntry = { at: now, from: 'agent', text: maskSensitive(text), name: agent.name };
    await this.recordAgentLine(record, message, agent, stamped);
    return message;
  }

  /** The record's head where the principal may write to the customer now; remembers its customer part. */
  private async assignedHead(id: string, principal: Principal): Promise<HandoffRecord> {
    const record = await this.deps.store.head(id);
    this.assertMayAct(record, principal);
    if (record.status !== 'assigned') throw new HandoffConflictError(id, `handoff is ${record.status}`);
    this.remember(record);
    return record;
  }

  private remember(record: CustomerPart): void {
    this.customers.delete(record.id);
    this.customers.set(record.id, { id: record.id, customer: record.customer });
    if (this.customers.size > MAX_KNOWN_CUSTOMERS) this.customers.delete(this.customers.keys().next().value as string);
  }

  /**
   * Ends the handoff and gives the conversation back to the bot. The customer gets the closing
   * message and, when a person actually helped (it was assigned), the one satisfaction question.
   */
  async resolve(id: string, principal: Principal, target?: HandBackTarget): Promise<HandoffRecord> {
    const record = await this.get(id);
    this.assertMayAct(record, principal);
    if (record.status === 'queued' && !hasRole(principal, 'supervisor'))
      throw new HandoffForbiddenError(id, 'claim the handoff first');
    if (record.status !== 'assigned' && record.status !== 'queued')
      throw new HandoffConflictError(id, `handoff is ${record.status}`);
    const now = this.deps.now();
    const by = actorOf(principal);
    // Handed back to a dialog, the customer's next message answers its question, not the survey.
    const helped = record.status === 'assigned' && !target;
    const handBack = target ? { handBack: { target, at: now } } : {};
    const resolved = await this.deps.store.transition(
      id,
      {
        from: record.status,
        to: 'resolved',
        where: record.agent ? { 'agent.id': record.agent.id } : {},
        set: { ...(helped ? { survey: { askedAt: now } } : {}), ...handBack },
        audit: auditEntry(by, 'resolved', now, target),
      },
      now,
    );
    if (!resolved) throw new HandoffConflictError(id, 'the handoff changed meanwhile; reload it');
    const t = this.t(resolved);
    const activities: Partial<Activity>[] = target
      ? await this.handBackActivities(t, target, resolved.customer.language)
      : [{ type: 'message', text: t('handoff:resolved') }];
    if (helped) activities.push(surveyActivity(t));
    await this.deps.channel.tell(resolved, activities).catch(() => undefined);
    await this.deps.channel.handoffStatus(resolved, 'completed');
    await this.deps.bus.publish('resolved', id, { handoff: listItemOf(resolved, now), by });
    return resolved;
  }

  /** Back to the queue for a supervisor, keeping its place (createdAt) in the line. */
  async transfer(id: string, principal: Principal, note?: string): Promise<HandoffRecord> {
    const record = await this.get(id);
    this.assertMayAct(record, principal);
    if (record.status !== 'assigned') throw new HandoffConflictError(id, `handoff is ${record.status}`);
    const now = this.deps.now();
    const by = actorOf(principal);
    const detail = note === undefined ? undefined : maskSensitive(requireString(note, 'note', { max: MAX_TEXT }));
    const transferred = await this.deps.store.transition(
      id,
      {
        from: 'assigned',
        to: 'queued',
        where: { 'agent.id': record.agent?.id },
        set: { needsSupervisor: true, nextUpdateAt: new Date(now.getTime() + this.deps.updateIntervalMs) },
        unset: ['agent', 'claimedAt'],
        push: {
          ...(record.agent ? { previousAgents: record.agent } : {}),
          ...(detail ? { notes: { at: now, by, text: detail } } : {}),
        },
        audit: auditEntry(by, 'transferred', now, detail),
      },
      now,
    );
    if (!transferred) throw new HandoffConflictError(id, 'the handoff changed meanwhile; reload it');
    await this.deps.channel
      .tell(transferred, [{ type: 'message', text: this.t(transferred)('handoff:transferred') }])
      .catch(() => undefined);
    this.deps.figures.follow(transferred);
    await this.deps.bus.publish('transferred', id, {
      handoff: listItemOf(transferred, now, await this.deps.figures.positionOf(transferred)),
      by,
    });
    return transferred;
  }

  /** An internal note for colleagues; never sent to the customer. */
  async addNote(id: string, principal: Principal, rawText: unknown): Promise<HandoffRecord> {
    const text = maskSensitive(requireString(rawText, 'text', { max: MAX_TEXT }));
    const now = this.deps.now();
    const by = actorOf(principal);
    const note = { at: now, by, text };
    const record = await this.deps.store.change(
      id,
      { where: {}, push: { notes: note }, audit: auditEntry(by, 'note', now) },
      now,
    );
    if (!record) throw new HandoffNotFoundError(id);
    await this.deps.bus.publish('noteAdded', id, { handoffId: id, note });
    return record;
  }

  private assertMayAct(record: HandoffRecord, principal: Principal): void {
    if (hasRole(principal, 'supervisor')) return;
    if (record.status === 'assigned' && record.agent?.id !== principal.id)
      throw new HandoffForbiddenError(record.id, 'only the assigned agent or a supervisor may do this');
  }

  /**
   * A file from the agent to the customer: checked and kept like a customer's, then sent as a link
   * the customer's channel shows (Web Chat) or fetches (WhatsApp), and recorded as the agent's line.
   */
  async sendAgentFile(id: string, principal: Principal, data: Buffer, name: string | undefined): Promise<StoredFile> {
    const files = this.deps.files;
    if (!files) throw new HandoffConflictError(id, 'files are not available');
    const record = await this.deps.store.head(id);
    this.assertMayAct(record, principal);
    if (record.status !== 'assigned') throw new HandoffConflictError(id, `handoff is ${record.status}`);
    const file = await files.put({ data, name, conversationKey: record.customer.conversationKey });
    const now = this.deps.now();
    const agent = actorOf(principal);
    const t = this.t(record);
    await this.deps.channel.tell(
      record,
      [
        {
          type: 'message',
          text: t('handoff:file.fromAgent', { name: file.name }),
          from: { id: 'agent', name: customerFacingName(agent.name, t) } as Activity['from'],
          attachments: [{ contentType: file.contentType, contentUrl: await files.link(file.id), name: file.name }],
        },
      ],
      true,
    );
    const message: TranscriptEntry = { at: now, from: 'agent', text: `📎 ${file.name}`, name: agent.name };
    await this.recordAgentLine(record, message, agent);
    return file;
  }

  /** An agent's line, once the customer has it: in the record's messages, and announced to every instance. */
  private async recordAgentLine(
    record: CustomerPart,
    message: TranscriptEntry,
    agent: Actor,
    stamped = false,
  ): Promise<void> {
    const id = record.id;
    await Promise.all([
      stamped ? undefined : this.deps.store.stamp(id, message.at),
      this.deps.store.messages.append({ id, conversationKey: record.customer.conversationKey }, message, agent),
    ]);
    await this.deps.bus.publish('agentMessage', id, { handoffId: id, message, agent });
  }

  /** The short formal sentence and the chosen dialog's first question, its options as buttons. */
  private async handBackActivities(
    t: TFunction,
    target: HandBackTarget,
    lang: 'de' | 'en',
  ): Promise<Partial<Activity>[]> {
    const question = await this.deps.handBackQuestion?.(target, lang).catch((err: unknown) => {
      this.deps.logger.warn({ err, target }, 'hand-back question not rendered; sending the question alone');
      return undefined;
    });
    return [
      { type: 'message', text: t('handoff:handBack.sentence') },
      question ?? { type: 'message', text: t(handBackTargetInfo(target).askKey) },
    ];
  }

  private t(record: Pick<HandoffRecord, 'customer'>): TFunction {
    return this.deps.i18n.t(record.customer.language);
  }
}
