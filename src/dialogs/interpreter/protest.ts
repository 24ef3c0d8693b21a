import { wordsPattern } from './cues';

/**
 * "Sie verstehen mich nicht", "Quatsch", "schon wieder": at a step, a protest is frustration with
 * the bot, not a wrong value (folded words, matched as whole words).
 */
export const PROTEST = wordsPattern([
  'verstehen mich nicht',
  'verstehen mich einfach nicht',
  'verstehen sie mich',
  'verstehen sie nicht',
  'sie verstehen nicht',
  'verstehst du',
  'hab ich doch schon',
  'habe ich doch schon',
  'habe ich schon gesagt',
  'hab ich schon gesagt',
  'horen sie mir',
  'hort mir',
  'lesen sie',
  'das ist doch',
  'so ein quatsch',
  'quatsch',
  'unsinn',
  'blodsinn',
  'schwachsinn',
  'nutzlos',
  'sinnlos',
  'bescheuert',
  'dummer bot',
  'blode maschine',
  'you don t understand',
  'you dont understand',
  'useless',
  'stupid bot',
  'not listening',
  'das stand da',
  'wird bearbeitet',
  'immer dasselbe',
  'immer das gleiche',
  'schon wieder',
]);
