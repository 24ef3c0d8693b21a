import { randomBytes } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { I18nService } from '../i18n/i18nService';
import { assessReply, moodChange, ReplyAssessment } from './replyFeedback';
import { lineFor, Mood, Scenario } from './scenarios';
import { trainingModel, TrainingOutcome, TrainingSessionDoc, TrainingTurn } from './trainingStore';

export interface TrainingFeedback {
  formal: boolean;
  neutral: boolean;
  arguing: boolean;
  deescalating: boolean;
  concreteNextStep: boolean;
  score: number;
  hints: string[];
}

export interface TrainingStart {
  id: string;
  scenario: string;
  /** The scenario's title and brief for the trainee, from locales. */
  title: string;
  customer: string;
}

export interface TrainingReply {
  /** The customer's next message; null when the scenario has ended. */
  customer: string | null;
  feedback: TrainingFeedback;
  done: boolean;
  outcome?: TrainingOutcome;
  /** The customer's last words when the scenario ended. */
  closing?: string;
}

export interface TrainingView {
  id: string;
  scenario: string;
  title: string;
  turns: { role: 'customer' | 'agent'; text: string; at: Date; feedback?: TrainingFeedback }[];
  /** The mean score of the agent's replies, 0-100. */
  score: number;
  done: boolean;
  outcome?: TrainingOutcome;
}

const MAX_MOOD = 4;

/**
 * The call center's practice ("Einschulung"): a simulated customer from content/training whose mood
 * falls after formal, calm, acknowledging replies with a next step and rises after arguing or "du".
 * Sessions live in their own collection and never touch handoffs, queues or customers.
 */
export class TrainingService {
  private readonly model: Model<TrainingSessionDoc>;
  private readonly byId: Map<string, Scenario>;

  constructor(
    connection: Connection,
    private readonly scenarios: Scenario[],
    private readonly i18n: I18nService,
    private readonly language: 'de' | 'en' = 'de',
    private readonly now: () => Date = () => new Date(),
    private readonly pick: (count: number) => number = (count) => Math.floor(Math.random() * count),
  ) {
    this.model = trainingModel(connection);
    this.byId = new Map(scenarios.map((s) => [s.id, s]));
  }

  scenarioIds(): string[] {
    return this.scenarios.map((s) => s.id);
  }

  /** Scenario ids with their titles, for the desk's picker. */
  catalogue(): { id: string; title: string }[] {
    return this.scenarios.map((s) => ({ id: s.id, title: this.title(s.id) }));
  }

  async start(owner: string, scenarioId?: string, conversationId?: string): Promise<TrainingStart> {
    const scenario =
      scenarioId === undefined ? this.scenarios[this.pick(this.scenarios.length)] : this.byId.get(scenarioId);
    if (!scenario) throw new ValidationError('scenario', `must be one of ${this.scenarioIds().join(', ')}`);
    const at = this.now();
    const customer = lineFor(scenario, scenario.start, 0);
    const id = randomBytes(12).toString('hex');
    await this.model.create({
      _id: id,
      scenario: scenario.id,
      owner,
      ...(conversationId ? { conversationId } : {}),
      mood: scenario.start,
      turns: [{ role: 'customer', text: customer, at }],
      done: false,
      createdAt: at,
      updatedAt: at,
    });
    return { id, scenario: scenario.id, title: this.title(scenario.id), customer };
  }

  async reply(id: string, owner: string, text: string): Promise<TrainingReply> {
    const session = await this.find(id, owner);
    if (session.done) throw new ConflictError('This training session has ended; start a new one');
    const scenario = this.byId.get(session.scenario);
    if (!scenario) throw new NotFoundError('training scenario', session.scenario);
    const assessment = assessReply(text);
    const mood = session.mood + moodChange(assessment);
    const agentTurns = session.turns.filter((t) => t.role === 'agent').length + 1;
    const at = this.now();
    const turns: TrainingTurn[] = [{ role: 'agent', text, at, assessment }];
    let outcome: TrainingOutcome | undefined;
    let customer: string | null = null;
    let closing: string | undefined;
    if (mood < 1) {
      outcome = 'calmed';
      closing = scenario.calmed;
    } else if (mood > MAX_MOOD) {
      outcome = 'escalated';
      closing = scenario.escalated;
    } else if (agentTurns >= scenario.maxTurns) {
      outcome = 'timeout';
      closing = lineFor(scenario, mood as Mood, agentTurns);
    } else {
      customer = lineFor(scenario, mood as Mood, agentTurns);
    }
    if (customer !== null || closing !== undefined)
      turns.push({ role: 'customer', text: customer ?? closing ?? '', at });
    const updated = await this.model.updateOne(
      // Two replies at once to one session: the second is refused rather than interleaved.
      { _id: session._id, done: false, updatedAt: session.updatedAt },
      {
        $push: { turns: { $each: turns } },
        $set: {
          mood: Math.max(0, Math.min(MAX_MOOD + 1, mood)),
          done: outcome !== undefined,
          updatedAt: at,
          ...(outcome ? { outcome } : {}),
        },
      },
    );
    if (updated.modifiedCount === 0) throw new ConflictError('Another reply to this training session came first');
    return {
      customer,
      feedback: this.feedback(assessment),
      done: outcome !== undefined,
      ...(outcome ? { outcome } : {}),
      ...(closing !== undefined ? { closing } : {}),
    };
  }

  async get(id: string, owner: string): Promise<TrainingView> {
    return this.view(await this.find(id, owner));
  }

  /** The open session of a Teams personal chat, if any. */
  async openInConversation(conversationId: string): Promise<TrainingView | undefined> {
    const session = await this.model.findOne({ conversationId, done: false }).sort({ createdAt: -1 }).lean();
    return session ? this.view(session) : undefined;
  }

  /** Ends every open session of a Teams personal chat (the trainee typed "stop"). */
  async endInConversation(conversationId: string): Promise<number> {
    const result = await this.model.updateMany(
      { conversationId, done: false },
      { $set: { done: true, outcome: 'timeout', updatedAt: this.now() } },
    );
    return result.modifiedCount;
  }

  feedback(assessment: ReplyAssessment): TrainingFeedback {
    const t = this.i18n.t(this.language);
    const { hintKeys, ...flags } = assessment;
    return { ...flags, hints: hintKeys.map((key) => t(`training:hints.${key}`)) };
  }

  private title(scenarioId: string): string {
    return this.i18n.t(this.language)(`training:scenarios.${scenarioId}`);
  }

  private async find(id: string, owner: string): Promise<TrainingSessionDoc> {
    const session = await this.model.findOne({ _id: id }).lean();
    // Somebody else's practice is as absent as a missing one.
    if (!session || session.owner !== owner) throw new NotFoundError('training session', id);
    return session;
  }

  private view(session: TrainingSessionDoc): TrainingView {
    const scores = session.turns.flatMap((turn) => (turn.assessment ? [turn.assessment.score] : []));
    return {
      id: session._id,
      scenario: session.scenario,
      title: this.title(session.scenario),
      turns: session.turns.map((turn) => ({
        role: turn.role,
        text: turn.text,
        at: turn.at,
        ...(turn.assessment ? { feedback: this.feedback(turn.assessment) } : {}),
      })),
      score: scores.length === 0 ? 0 : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
      done: session.done,
      ...(session.outcome ? { outcome: session.outcome } : {}),
    };
  }
}
