import type { KnowledgeAnswer, KnowledgeSearch } from '../../../src/services/knowledge/knowledgeBase';
import type { DialogDeps } from '../../../src/dialogs/dialogDeps';
import { searchQuestion } from '../../../src/dialogs/interpreter/questions';

const entry = (id: string, score: number): KnowledgeAnswer => ({ id, category: 'general', text: id, title: id, score });

/** A knowledge base that answers each text as told (what the ranking of real entries would give). */
function knowledge(results: Record<string, KnowledgeSearch>): DialogDeps {
  return {
    knowledge: {
      search: (text: string) => Promise.resolve(results[text] ?? { confident: false, alternatives: [] }),
    },
  } as unknown as DialogDeps;
}

const WHOLE = 'I geh zu am andern Anbieter. Wia nimm i mei Nummer mit';
const LAST = 'Wia nimm i mei Nummer mit';

/** Searches WHOLE where the whole message finds `whole` and its last sentence alone `last`. */
function searchWhole(whole: KnowledgeSearch, last: KnowledgeSearch): Promise<KnowledgeSearch> {
  return searchQuestion(knowledge({ [WHOLE]: whole, [LAST]: last }), WHOLE, 'de');
}

describe('searching a message whose last sentence is the question', () => {
  it('does not take the last sentence alone when it leaves what the message was about', async () => {
    const found = await searchWhole(
      {
        confident: false,
        best: entry('mobile.porting-out', 0.55),
        alternatives: [entry('mobile.porting-out', 0.55), entry('mobile.porting-in', 0.55)],
      },
      { confident: true, best: entry('device.imei', 0.34), alternatives: [] },
    );
    expect(found.confident).toBe(false);
    expect(found.alternatives.map((a) => a.id)).toEqual(['mobile.porting-out', 'mobile.porting-in']);
  });

  it('takes the last sentence when it was one of the whole message’s candidates', async () => {
    const found = await searchWhole(
      {
        confident: false,
        best: entry('mobile.porting-in', 0.5),
        alternatives: [entry('mobile.porting-in', 0.5), entry('mobile.porting-out', 0.48)],
      },
      { confident: true, best: entry('mobile.porting-out', 0.45), alternatives: [] },
    );
    expect(found.best?.id).toBe('mobile.porting-out');
  });

  it('takes the last sentence when its own words fit it well', async () => {
    const text = 'Ich bin 82 und kenne mich nicht aus. Wo finde ich meine PUK?';
    const deps = knowledge({
      [text]: { confident: false, best: entry('general.bot', 0.3), alternatives: [entry('general.bot', 0.3)] },
      'Wo finde ich meine PUK?': { confident: true, best: entry('mobile.pin-puk', 0.8), alternatives: [] },
    });
    expect((await searchQuestion(deps, text, 'de')).best?.id).toBe('mobile.pin-puk');
  });
});
