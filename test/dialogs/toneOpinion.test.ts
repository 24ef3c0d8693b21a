import { MainDialog } from '../../src/dialogs/mainDialog';
import type { ToneOpinion } from '../../src/services/nlu/toneModel';
import { TriageService } from '../../src/services/nlu/triageService';
import { createHarness, Harness } from './harness';

/** The embedding model's opinion on tone, as a customer meets it in a conversation. */

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2025-03-12T10:00:00Z'));
});
afterEach(() => h.close());

/** The model hears rage in every message. */
const hearsRage: ToneOpinion = { levels: async (texts) => texts.map(() => [0.02, 0.08, 0.9] as const) };

function chatWith(tone?: ToneOpinion) {
  return h.client(
    new MainDialog({ ...h.deps, triage: new TriageService(undefined, undefined, undefined, undefined, tone) }),
  );
}

// The words hear annoyance here, not rage, and the knowledge base knows the answer well.
const NO_ADVERTISING =
  'Ihr ruft mich dauernd an um mir neue Tarife anzudrehen. Ich will keine Werbung mehr von euch, weder Anrufe noch Briefe!';
// The words hear annoyance; nothing here is a request the knowledge base answers.
const FED_UP = 'Das hätte ich mir von euch wirklich anders vorgestellt.';

describe('tone with the embedding model', () => {
  it('rage the words did not hear, with a request the knowledge base answers: the answer, and a person offered', async () => {
    const objection = (await h.knowledge.entry('account.advertising-objection', 'de'))?.text ?? '';
    expect(objection).not.toBe('');
    const chat = chatWith(hearsRage);
    await chat.say('Hallo');
    const text = await chat.sayText(NO_ADVERTISING);
    expect(text).toContain(objection.slice(0, 60));
    expect(h.handoff.requests).toHaveLength(0);
    // The person is one "Ja" away, and it is a supervisor: the customer is irate.
    await chat.say('Ja');
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0].needsSupervisor).toBe(true);
  });

  it('rage the words did not hear, with nothing to answer: a supervisor at once', async () => {
    const chat = chatWith(hearsRage);
    await chat.say('Hallo');
    await chat.say(FED_UP);
    expect(h.handoff.requests).toHaveLength(1);
    expect(h.handoff.requests[0].needsSupervisor).toBe(true);
  });

  it('without the model the same message is annoyed, not irate: nobody is handed over', async () => {
    const chat = chatWith();
    await chat.say('Hallo');
    await chat.say(FED_UP);
    expect(h.handoff.requests).toHaveLength(0);
  });
});
