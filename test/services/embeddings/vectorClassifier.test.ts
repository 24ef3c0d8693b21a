import { trainVectorClassifier } from '../../../src/services/embeddings/vectorClassifier';

const noPause = () => Promise.resolve();

function vector(parts: Record<number, number>, dim = 14): Float32Array {
  const v = new Float32Array(dim);
  for (const [i, x] of Object.entries(parts)) v[Number(i)] = x;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

// Two entries of six phrasings each: every phrasing of "billing" shares direction 0, every phrasing of
// "roaming" direction 1; each phrasing also has a wording of its own (directions 2 to 13).
const PHRASINGS = Array.from({ length: 12 }, (_, i) => ({
  label: i < 6 ? 'billing' : 'roaming',
  vector: vector({ [i < 6 ? 0 : 1]: 1, [2 + i]: 0.9 }),
}));
// As many examples as a real pack gives (about 2,600), so training takes as many steps.
const EXAMPLES = Array.from({ length: 2400 }, (_, i) => PHRASINGS[i % PHRASINGS.length]);

const DIM = 32;

/** A fixed-seed source of numbers in [-1, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

function noisy(centre: Float32Array, amount: number, random: () => number): Float32Array {
  const v = centre.map((x) => x + amount * random());
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('the entry classifier', () => {
  it('puts questions worded unlike any phrasing on their entry more often than the nearest phrasing does', async () => {
    // Five entries, each a direction; phrasings and questions are that direction plus wording of their own.
    const random = seeded(7);
    const centres = Array.from({ length: 5 }, () => noisy(new Float32Array(DIM), 1, random));
    const around = (label: number, n: number) =>
      Array.from({ length: n }, () => ({ label: `entry-${label}`, vector: noisy(centres[label], 0.7, random) }));
    const phrasings = centres.flatMap((_, label) => around(label, 8));
    const questions = centres.flatMap((_, label) => around(label, 40));

    const classifier = await trainVectorClassifier(phrasings, noPause);
    const byClassifier = questions.filter(({ label, vector }) => {
      const logp = classifier.logProbabilities(vector);
      return classifier.classes[logp.indexOf(Math.max(...logp))] === label;
    }).length;
    const byNearest = questions.filter(
      ({ label, vector }) =>
        phrasings.reduce((a, b) => (cosine(vector, b.vector) > cosine(vector, a.vector) ? b : a)).label === label,
    ).length;
    expect(byClassifier).toBeGreaterThan(byNearest);
    expect(byClassifier / questions.length).toBeGreaterThan(0.7);
  });

  it('gives log-probabilities over all entries, the same for the same content', async () => {
    const [a, b] = await Promise.all([
      trainVectorClassifier(EXAMPLES, noPause),
      trainVectorClassifier(EXAMPLES, noPause),
    ]);
    const question = vector({ 1: 1, 2: 0.3 });
    const logp = a.logProbabilities(question);
    expect(logp.reduce((sum, x) => sum + Math.exp(x), 0)).toBeCloseTo(1, 6);
    expect([...b.logProbabilities(question)]).toEqual([...logp]);
    expect(a.classes[logp.indexOf(Math.max(...logp))]).toBe('roaming');
  });

  it('lets the event loop run while it trains', async () => {
    let pauses = 0;
    await trainVectorClassifier(EXAMPLES.slice(0, 200), () => {
      pauses++;
      return Promise.resolve();
    });
    // Ten passes over 200 examples, a pause at least every 16 examples.
    expect(pauses).toBeGreaterThanOrEqual((10 * 200) / 16);
  });
});
