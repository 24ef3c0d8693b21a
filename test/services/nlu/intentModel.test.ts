import type { Embedder } from '../../../src/services/embeddings/embedder';
import { RecentEmbeddings } from '../../../src/services/embeddings/recentEmbeddings';
import { IntentModel, type IntentOpinion } from '../../../src/services/nlu/intentModel';
import { TriageService } from '../../../src/services/nlu/triageService';
import type { Intent } from '../../../src/services/nlu/types';
import { createLogger } from '../../../src/services/logger';

const logger = createLogger('silent');

/** An opinion that always says the same and counts how often it was asked. */
function fixedOpinion(probabilities: Partial<Record<Intent, number>>): IntentOpinion & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    probabilities: async (texts) => {
      asked.push(...texts);
      return texts.map(() => new Map(Object.entries(probabilities) as [Intent, number][]));
    },
  };
}

// The words alone are unsure about this one (general, about 0.5): the model is asked.
const VAGUE = 'Was ist denn da bei euch los';

describe('the embedding model as a second opinion on intents', () => {
  it('decides a message the words leave unsure', async () => {
    const opinion = fixedOpinion({ complaint: 0.95, general: 0.01 });
    const triage = new TriageService(undefined, undefined, opinion);
    expect(triage.assess(VAGUE).intent.intent).toBe('general');
    const consulted = await triage.consult(VAGUE);
    expect(opinion.asked).toEqual([VAGUE]);
    expect(consulted.intent.intent).toBe('complaint');
    expect(consulted.intent.ranking[0]).toEqual({ intent: 'complaint', score: consulted.intent.confidence });
  });

  it('leaves a message the words are sure of alone, without asking the model', async () => {
    const opinion = fixedOpinion({ technical: 0.99 });
    const triage = new TriageService(undefined, undefined, opinion);
    const consulted = await triage.consult('Meine Karte wurde gestohlen, bitte sperren');
    expect(consulted.intent.intent).toBe('lost_or_stolen');
    expect(opinion.asked).toEqual([]);
  });

  it('never hands a customer to a person on the model guess, nor talks them out of one', async () => {
    const wantsPerson = fixedOpinion({ human: 0.99 });
    const unsure = await new TriageService(undefined, undefined, wantsPerson).consult(VAGUE);
    expect(unsure.intent.intent).not.toBe('human');
    expect(unsure.escalate).toBe(false);

    const billing = fixedOpinion({ billing: 0.99 });
    const asks = await new TriageService(undefined, undefined, billing).consult('Ich will mit einem Menschen reden');
    expect(asks.intent.intent).toBe('human');
    expect(asks.escalationReason).toBe('asked_for_human');
    expect(billing.asked).toEqual([]);
  });

  it('does not bring back a person the words refused for want of a word for one', async () => {
    // The words' own ranking leads with "human" here, yet the recognizer refuses a person: no word
    // asks for one. The customer objects to advertising; a handoff would be a stranger's answer.
    const text = 'kei Werbig meh vo öich bitte';
    const triage = new TriageService(undefined, undefined, fixedOpinion({ general: 0.1, technical: 0.1 }));
    expect(triage.assess(text).intent.ranking[0].intent).toBe('human');
    expect(triage.assess(text).intent.intent).not.toBe('human');
    const consulted = await triage.consult(text);
    expect(consulted.intent.intent).not.toBe('human');
    expect(consulted.escalate).toBe(false);
  });

  it('does not ask about a single word or a digit', async () => {
    const opinion = fixedOpinion({ billing: 0.99 });
    const triage = new TriageService(undefined, undefined, opinion);
    await triage.consult('3');
    await triage.consult('hm');
    expect(opinion.asked).toEqual([]);
  });

  it('asks the model once for all the unsure messages of a batch', async () => {
    const opinion = fixedOpinion({ complaint: 0.95 });
    const triage = new TriageService(undefined, undefined, opinion);
    const texts = [VAGUE, 'Meine Karte wurde gestohlen, bitte sperren', VAGUE];
    const all = await triage.consultAll(texts);
    expect(opinion.asked).toEqual([VAGUE, VAGUE]);
    expect(all.map((a) => a.intent.intent)).toEqual(['complaint', 'lost_or_stolen', 'complaint']);
    expect(all[0]).toEqual(await triage.consult(VAGUE));
  });

  it('words only when the model has no opinion', async () => {
    const silent: IntentOpinion = { probabilities: async () => undefined };
    const triage = new TriageService(undefined, undefined, silent);
    expect(await triage.consult(VAGUE)).toEqual(triage.assess(VAGUE));
  });
});

/** Texts about bills point along axis 0, about the internet along axis 1; every text has a wording axis of its own. */
function topicEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  const vectorOf = (text: string): Float32Array => {
    const v = new Float32Array(40);
    if (/rechnung|betrag|abgebucht/i.test(text)) v[0] = 1;
    if (/internet|wlan|router/i.test(text)) v[1] = 1;
    let hash = 0;
    for (const ch of text) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    v[2 + (hash % 38)] = 0.6;
    return v;
  };
  return {
    calls,
    available: true,
    model: 'topics',
    embed: async (texts) => {
      calls.push(texts);
      return texts.map(vectorOf);
    },
  };
}

describe('IntentModel', () => {
  const corpus = [
    ...['Rechnung zu hoch', 'Betrag falsch abgebucht', 'Frage zur Rechnung', 'Wann wird abgebucht'].map((text) => ({
      intent: 'billing' as const,
      text,
    })),
    ...['Internet geht nicht', 'WLAN bricht ab', 'Router blinkt rot', 'kein Internet seit gestern'].map((text) => ({
      intent: 'technical' as const,
      text,
    })),
  ];

  it('has no opinion until it is trained, then tells the topics apart', async () => {
    const model = new IntentModel(topicEmbedder(), undefined, logger);
    expect(model.ready).toBe(false);
    expect(await model.probabilities(['Mein Router spinnt'])).toBeUndefined();
    await model.train(corpus);
    expect(model.ready).toBe(true);
    const [bill, net] = (await model.probabilities(['Warum ist der Betrag so hoch', 'Das WLAN ist weg'])) ?? [];
    // Eight examples train only a few steps: clearly apart, not yet certain.
    expect(bill?.get('billing')).toBeGreaterThan(0.6);
    expect(net?.get('technical')).toBeGreaterThan(0.6);
  });

  it('stays without an opinion when the corpus cannot be embedded', async () => {
    const failing: Embedder = { available: true, model: 'x', embed: () => Promise.reject(new Error('down')) };
    const model = new IntentModel(failing, undefined, logger);
    await model.train(corpus);
    expect(model.ready).toBe(false);
    expect(await model.probabilities(['Rechnung'])).toBeUndefined();
  });
});

describe('IntentModel after a failed start', () => {
  afterEach(() => jest.useRealTimers());

  it('trains a minute later once the model answers', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const topics = topicEmbedder();
    let away = true;
    const flaky: Embedder = {
      available: true,
      model: 'topics',
      embed: (texts) => (away ? Promise.reject(new Error('not yet')) : topics.embed(texts)),
    };
    const model = new IntentModel(flaky, undefined, logger);
    await model.train([
      { intent: 'billing', text: 'Rechnung zu hoch' },
      { intent: 'technical', text: 'Internet geht nicht' },
    ]);
    expect(model.ready).toBe(false);
    away = false;
    jest.advanceTimersByTime(60_000);
    // The retry runs in the background; wait for it by condition, not by time.
    for (let i = 0; i < 1000 && !model.ready; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(model.ready).toBe(true);
  });
});

describe('RecentEmbeddings', () => {
  it('embeds a message the triage and the knowledge search both ask about once', async () => {
    const inner = topicEmbedder();
    const shared = new RecentEmbeddings(inner);
    const [a] = await shared.embed(['Router blinkt']);
    const [b] = await shared.embed(['Router blinkt']);
    expect(b).toBe(a);
    expect(inner.calls).toEqual([['Router blinkt']]);
  });

  it('asks again after a failed call', async () => {
    let fail = true;
    const inner: Embedder = {
      available: true,
      model: 'x',
      embed: async (texts) => {
        if (fail) throw new Error('busy');
        return texts.map(() => new Float32Array([1]));
      },
    };
    const shared = new RecentEmbeddings(inner);
    await expect(shared.embed(['hallo'])).rejects.toThrow('busy');
    fail = false;
    await expect(shared.embed(['hallo'])).resolves.toHaveLength(1);
  });
});
