import { MainDialog } from '../../src/dialogs/mainDialog';
import type { IntentOpinion } from '../../src/services/nlu/intentModel';
import { TriageService } from '../../src/services/nlu/triageService';
import type { Intent } from '../../src/services/nlu/types';
import { createHarness, de, Harness } from './harness';

/** The embedding model's second opinion on intents, as a customer meets it in a conversation. */

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2025-03-12T10:00:00Z'));
});
afterEach(() => h.close());

function opinion(probabilities: Partial<Record<Intent, number>>): IntentOpinion {
  const map = new Map(Object.entries(probabilities) as [Intent, number][]);
  return { probabilities: async (texts) => texts.map(() => map) };
}

function chatWith(model?: IntentOpinion) {
  return h.client(new MainDialog({ ...h.deps, triage: new TriageService(undefined, undefined, model) }));
}

// The words alone cannot tell a general question from a complaint here.
const VAGUE = 'Ich hab da ein Problem mit euch';

describe('intents with the embedding model', () => {
  it('words alone leave the customer a choice between two areas', async () => {
    const chat = chatWith();
    await chat.say('Hallo');
    const text = await chat.sayText(VAGUE);
    expect(text).toContain('Beschwerde (6)');
    expect(text).toContain('Allgemeine Anfragen (3)');
  });

  it('a sure model opens the complaint lane at once', async () => {
    const chat = chatWith(opinion({ complaint: 0.95, general: 0.02 }));
    await chat.say('Hallo');
    const text = await chat.sayText(VAGUE);
    expect(text).toContain(de('conversation:complaint.ask'));
    expect(text).not.toContain('Allgemeine Anfragen (3)');
    expect(h.handoff.requests).toHaveLength(0);
  });

  it('a model that guesses "a person" hands nobody over', async () => {
    const chat = chatWith(opinion({ human: 0.99 }));
    await chat.say('Hallo');
    await chat.say(VAGUE);
    expect(h.handoff.requests).toHaveLength(0);
  });
});
