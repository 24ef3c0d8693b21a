import { loadKnowledgePack } from '../services/knowledge/contentPack';
import { defaultLexicon } from '../services/knowledge/text/lexicon';
import { OffTopicCheck } from '../services/knowledge/text/offTopic';

/**
 * The knowledge base's off-topic check over the shipped pack, for the tools that triage without a
 * database (eval, triage CLI); the service asks its live knowledge base instead.
 */
export function shippedOffTopic(): (text: string) => boolean {
  const check = OffTopicCheck.forEntries(defaultLexicon().offTopic, loadKnowledgePack());
  return (text) => check.test(text);
}
