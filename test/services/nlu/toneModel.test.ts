import type { Embedder } from '../../../src/services/embeddings/embedder';
import { createLogger } from '../../../src/services/logger';
import { ToneModel, type ToneOpinion } from '../../../src/services/nlu/toneModel';
import { TriageService } from '../../../src/services/nlu/triageService';

const logger = createLogger('silent');

/** A tone opinion that always says the same (calm, annoyed, irate) and records what it was asked. */
function fixedTone(p: [number, number, number]): ToneOpinion & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    levels: async (texts) => {
      asked.push(...texts);
      return texts.map(() => p);
    },
  };
}

const triageWith = (tone: ToneOpinion): TriageService =>
  new TriageService(undefined, undefined, undefined, undefined, tone);

// The words hear annoyance here, not rage.
const ANNOYED = 'Das hätte ich mir anders vorgestellt.';
// The words lean towards annoyance (their own model) and stay calm.
const LEANING = 'Bitte nicht wieder Router neu starten. Hab ich schon zehnmal gemacht.';
// No sign of annoyance at all.
const PLAIN = 'Nur zur Sicherheit, danke.';

describe('the embedding model as a second opinion on tone', () => {
  it('makes an annoyed message irate where it is sure, and the customer goes to a person at once', async () => {
    const triage = triageWith(fixedTone([0.05, 0.15, 0.8]));
    expect(triage.assess(ANNOYED).frustration.level).toBe(1);
    const consulted = await triage.consult(ANNOYED);
    expect(consulted.frustration.level).toBe(2);
    expect(consulted.frustration.signals).toContain('embedding');
    expect(consulted.frustration.score).toBeGreaterThanOrEqual(0.6);
    expect(consulted.escalate).toBe(true);
    expect(consulted.escalationReason).toBe('irate');
  });

  it("does not make a sigh about the customer's own slip rage, however sure it is", async () => {
    // Only a sighing emoji, and nobody spoken to: the customer mistyped their own PIN.
    const text = 'hab 3x den falschen pin eingegeben jetzt will er a puk 😩 wo find i den';
    const triage = triageWith(fixedTone([0.02, 0.06, 0.92]));
    expect(triage.assess(text).frustration.level).toBe(1);
    expect((await triage.consult(text)).frustration.level).toBe(1);
    // Spoken to us, the same sigh may be rage.
    const spoken = 'Eure PIN im Brief stimmt nicht 😩';
    expect(triage.assess(spoken).frustration.level).toBe(1);
    expect((await triage.consult(spoken)).frustration.level).toBe(2);
  });

  it('leaves an annoyed message annoyed where it is unsure', async () => {
    const consulted = await triageWith(fixedTone([0.15, 0.4, 0.45])).consult(ANNOYED);
    expect(consulted.frustration.level).toBe(1);
    expect(consulted.escalate).toBe(false);
  });

  it('confirms a lean of the words, but never hears annoyance in a message without a sign of it', async () => {
    const sure = fixedTone([0.02, 0.9, 0.08]);
    const triage = triageWith(sure);
    expect(triage.assess(LEANING).frustration).toMatchObject({ level: 0 });
    expect(triage.assess(LEANING).frustration.score).toBeGreaterThan(0);
    expect((await triage.consult(LEANING)).frustration.level).toBe(1);
    expect((await triage.consult(PLAIN)).frustration).toEqual(triage.assess(PLAIN).frustration);
  });

  it('makes a calm message to us irate only where it is all but certain, and never thanks or praise', async () => {
    const cold =
      'Sie haben mir einen Techniker geschickt, der die Wand aufgebohrt hat und gegangen ist. Ich will Schadensersatz, und zwar schnell.';
    const certain = triageWith(fixedTone([0.02, 0.03, 0.95]));
    expect(certain.assess(cold).frustration.level).toBe(0);
    const consulted = await certain.consult(cold);
    expect(consulted.frustration.level).toBe(2);
    expect(consulted.escalationReason).toBe('irate');
    expect((await triageWith(fixedTone([0.2, 0.0, 0.8])).consult(cold)).frustration.level).toBe(0);
    // Spoken to nobody, or with praise, the same certainty does not make rage.
    const told = 'Der Techniker hat die Wand aufgebohrt und das Kabel falsch verlegt.';
    expect((await certain.consult(told)).frustration.level).toBeLessThan(2);
    const praise = 'Danke!!! Ihr seid die Besten!!!';
    expect(await certain.consult(praise)).toMatchObject({ frustration: certain.assess(praise).frustration });
  });

  it('a lifted annoyance is no second sign that hands a calm customer to a person', async () => {
    const history = { previousTexts: ['Wie lange dauert das?'], previousLevels: [1 as const], failedTurns: 0 };
    const consulted = await triageWith(fixedTone([0.02, 0.9, 0.08])).consult(LEANING, history);
    expect(consulted.frustration.level).toBe(1);
    expect(consulted.frustration.signals.filter((s) => s !== 'model' && s !== 'embedding')).toEqual([]);
    expect(consulted.escalate).toBe(false);
  });

  it('is not asked about an irate message, a single word, or by the synchronous assessment', async () => {
    const tone = fixedTone([0, 0, 1]);
    const triage = triageWith(tone);
    await triage.consult('Ihr seid Betrüger, ich gehe zum Anwalt!');
    await triage.consult('Ok');
    triage.assess(ANNOYED);
    expect(tone.asked).toEqual([]);
  });

  it('words only when the model has no opinion', async () => {
    const triage = triageWith({ levels: async () => undefined });
    expect(await triage.consult(ANNOYED)).toEqual(triage.assess(ANNOYED));
  });

  it('asks once for all the messages of a batch', async () => {
    const tone = fixedTone([0.05, 0.15, 0.8]);
    const all = await triageWith(tone).consultAll([ANNOYED, PLAIN, 'Ok']);
    expect(tone.asked).toEqual([ANNOYED, PLAIN]);
    expect(all.map((a) => a.frustration.level)).toEqual([2, 0, 0]);
  });
});

/** Angry texts point along axis 0, calm ones along axis 1; every text has a wording axis of its own. */
function moodEmbedder(): Embedder {
  const vectorOf = (text: string): Float32Array => {
    const v = new Float32Array(40);
    if (/frechheit|betrug|anwalt/i.test(text)) v[0] = 1;
    if (/danke|bitte|gerne/i.test(text)) v[1] = 1;
    let hash = 0;
    for (const ch of text) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    v[2 + (hash % 38)] = 0.6;
    return v;
  };
  return { available: true, model: 'moods', embed: async (texts) => texts.map(vectorOf) };
}

describe('ToneModel', () => {
  it('has no opinion until it is trained, then tells rage from calm', async () => {
    const model = new ToneModel(moodEmbedder(), undefined, logger);
    expect(await model.levels(['Frechheit!'])).toBeUndefined();
    await model.train([
      ...['Frechheit, ihr Betrüger', 'Das ist Betrug', 'Ich gehe zum Anwalt', 'So eine Frechheit'].map((text) => ({
        level: 2 as const,
        text,
      })),
      ...['Danke schön', 'Bitte um Rückruf', 'Gerne, danke', 'Vielen Dank'].map((text) => ({
        level: 0 as const,
        text,
      })),
    ]);
    expect(model.ready).toBe(true);
    const [angry, calm] = (await model.levels(['Betrug ist das, Anwalt!', 'Danke, bitte so'])) ?? [];
    expect(angry?.[2]).toBeGreaterThan(0.6);
    expect(calm?.[0]).toBeGreaterThan(0.6);
  });
});
