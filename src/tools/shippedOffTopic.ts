import { loadKnowledgePack } from '../services/knowledge/contentPack';
import { defaultLexicon } from '../services/knowledge/text/lexicon';
import { OffTopicCheck } from '../services/knowledge/text/offTopic';

/**
 * The knowledge base's off-topic check over the shipped pack, for the tools that triage without a
 * database (eval, triage CLI); the service asks its live knowledge base instead.
 */
export function shippedOffTopic(): (text: string) => boolean {
  const pack = loadKnowledgePack();
  const check = new OffTopicCheck(
    defaultLexicon().offTopic,
    pack.flatMap((e) => [...e.questions.de, ...e.questions.en]),
  );
  return (text) => check.test(text);
}
