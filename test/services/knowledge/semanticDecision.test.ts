import type { KnowledgeMatch } from '../../../src/services/knowledge/knowledgeMatcher';
import { decideSearch } from '../../../src/services/knowledge/searchDecision';
import { refineWithModel } from '../../../src/services/knowledge/semanticDecision';
import type { SemanticHit, SemanticRanker } from '../../../src/services/knowledge/semanticRanker';

/** A model that ranks entries as told (scores are log-probabilities) and counts how often it was asked. */
function modelRanking(hits: SemanticHit[]): { ranker: SemanticRanker; asked: () => number } {
  let asked = 0;
  const ranker = {
    ready: true,
    rank: (_text: string, limit = 3) => {
      asked++;
      return Promise.resolve(hits.slice(0, limit));
    },
  } as unknown as SemanticRanker;
  return { ranker, asked: () => asked };
}

const match = (id: string, score: number): KnowledgeMatch => ({ id, category: 'general', score });

describe('the embedding model refining the classical decision', () => {
  it('lets a weak confident hit give way to the candidate the model is clearly surer of', async () => {
    const hits = [match('contract.cancel', 0.5), match('contract.options', 0.3)];
    const { ranker } = modelRanking([
      { id: 'contract.options', category: 'general', score: -0.2, closest: 0.93 },
      { id: 'contract.cancel', category: 'general', score: -2.5, closest: 0.86 },
    ]);
    const classical = decideSearch(hits);
    expect(classical).toMatchObject({ confident: true, best: { id: 'contract.cancel' } });
    const refined = await refineWithModel(ranker, 'Musik-Option wieder loswerden', hits, classical);
    expect(refined).toMatchObject({ confident: true, best: { id: 'contract.options' } });
  });

  it('does not let the model bring back an entry a phrase contrast rules out', async () => {
    // "I geh zu an aundan Anbieter … mei Nummer behalt?": leaving, which the words tell and the model does not.
    const hits = [match('mobile.porting-out', 0.43), match('mobile.porting-in', 0.21)];
    const { ranker } = modelRanking([
      { id: 'mobile.porting-in', category: 'general', score: -0.3, closest: 0.93 },
      { id: 'mobile.porting-out', category: 'general', score: -1.55, closest: 0.92 },
    ]);
    const text = 'I geh zu an aundan Anbieter, wos muass i tuan damit i mei Nummer behalt?';
    const unaware = await refineWithModel(ranker, text, hits, decideSearch(hits));
    expect(unaware.best?.id).toBe('mobile.porting-in');
    const refined = await refineWithModel(ranker, text, hits, decideSearch(hits), () => new Set(['mobile.porting-in']));
    expect(refined).toMatchObject({ confident: true, best: { id: 'mobile.porting-out' } });
  });

  it('keeps a strong classical hit without asking the model', async () => {
    const hits = [match('contract.cancel', 0.8), match('contract.options', 0.3)];
    const { ranker, asked } = modelRanking([
      { id: 'contract.options', category: 'general', score: -0.05, closest: 0.97 },
    ]);
    const refined = await refineWithModel(ranker, 'Vertrag kündigen', hits, decideSearch(hits));
    expect(refined).toMatchObject({ confident: true, best: { id: 'contract.cancel' } });
    expect(asked()).toBe(0);
  });

  it('offers, not answers, an entry only the model found while the words point to another', async () => {
    const hits = [match('contract.cancel', 0.3)];
    const { ranker } = modelRanking([
      { id: 'general.jobs', category: 'general', score: -0.1, closest: 0.97 },
      { id: 'contract.cancel', category: 'general', score: -2.5, closest: 0.93 },
    ]);
    const refined = await refineWithModel(ranker, 'Vertrag beenden', hits, decideSearch(hits));
    expect(refined.confident).toBe(false);
    expect(refined.alternatives.map((a) => a.id)).toEqual(['general.jobs', 'contract.cancel']);
  });

  it('answers with the model alone when the words find nothing near and the model is clearly sure', async () => {
    // "… dass Anrufe für mein Handy bei meiner Frau klingeln. Wie stelle ich das ein?": no word of call forwarding.
    const hits = [match('account.contact-preferences', 0.23), match('mobile.apn', 0.21)];
    const { ranker } = modelRanking([
      { id: 'mobile.call-forwarding', category: 'general', score: -0.26, closest: 0.94 },
      { id: 'mobile.caller-id', category: 'general', score: -3.9, closest: 0.89 },
    ]);
    const refined = await refineWithModel(ranker, 'Anrufe sollen bei meiner Frau klingeln', hits, decideSearch(hits));
    expect(refined).toMatchObject({ confident: true, confirmed: true, best: { id: 'mobile.call-forwarding' } });
  });

  it("only offers the model's entry when its second is nearly as likely", async () => {
    const hits = [match('account.contact-preferences', 0.05)];
    const { ranker } = modelRanking([
      { id: 'mobile.caller-id', category: 'general', score: -1.0, closest: 0.92 },
      { id: 'mobile.call-forwarding', category: 'general', score: -1.3, closest: 0.92 },
    ]);
    const refined = await refineWithModel(ranker, 'Ansage abstellen', hits, decideSearch(hits));
    expect(refined.confident).toBe(false);
    expect(refined.alternatives[0]?.id).toBe('mobile.caller-id');
  });

  it('answers an uncertain question when words and meaning together point to one candidate', async () => {
    const hits = [match('mobile.esim', 0.38), match('billing.prepaid-topup', 0.37)];
    const { ranker } = modelRanking([
      { id: 'billing.prepaid-topup', category: 'general', score: -0.3, closest: 0.9 },
      { id: 'mobile.esim', category: 'general', score: -1.5, closest: 0.84 },
    ]);
    const classical = decideSearch(hits);
    expect(classical).toMatchObject({ confident: false, best: { id: 'mobile.esim' } });
    const refined = await refineWithModel(ranker, 'Guthaben draufladen', hits, classical);
    expect(refined).toMatchObject({ confident: true, best: { id: 'billing.prepaid-topup', score: 0.37 } });
  });

  it('offers the close candidates, best fit first, when words and meaning stay close', async () => {
    const hits = [match('mobile.esim', 0.38), match('billing.prepaid-topup', 0.37)];
    const { ranker } = modelRanking([
      { id: 'billing.prepaid-topup', category: 'general', score: -0.6, closest: 0.9 },
      { id: 'mobile.esim', category: 'general', score: -0.8, closest: 0.898 },
    ]);
    const refined = await refineWithModel(ranker, 'Guthaben draufladen', hits, decideSearch(hits));
    expect(refined.confident).toBe(false);
    expect(refined.alternatives.map((a) => a.id)).toEqual(['billing.prepaid-topup', 'mobile.esim']);
  });

  it('finds nothing when neither the words nor the model come close', async () => {
    const hits = [match('mobile.esim', 0.38), match('billing.prepaid-topup', 0.37)];
    const { ranker } = modelRanking([
      { id: 'billing.prepaid-topup', category: 'general', score: -0.5, closest: 0.86 },
      { id: 'mobile.esim', category: 'general', score: -1.2, closest: 0.8 },
    ]);
    const refined = await refineWithModel(ranker, 'Wie wird das Wetter morgen?', hits, decideSearch(hits));
    expect(refined).toEqual({ confident: false, alternatives: [] });
  });

  it('answers nothing when the words meet an entry but the model finds no phrasing close in meaning', async () => {
    // "Wetter" and "morgen" share letters and words with entries; a classical hit of 0.5 would answer.
    const hits = [match('account.newsletter', 0.52), match('general.postal-address', 0.4)];
    expect(decideSearch(hits)).toMatchObject({ confident: true, best: { id: 'account.newsletter' } });
    const { ranker } = modelRanking([
      { id: 'contract.price-increase', category: 'general', score: -0.6, closest: 0.85 },
      { id: 'account.newsletter', category: 'general', score: -0.9, closest: 0.84 },
    ]);
    const refined = await refineWithModel(ranker, 'wie wird das wetter morgen in köln', hits, decideSearch(hits));
    expect(refined).toEqual({ confident: false, alternatives: [] });
  });
});
