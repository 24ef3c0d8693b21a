/**
 * Reads the answer to the satisfaction question: a digit 1–5 ("5", "4 von 5", "5 Sterne") or
 * words ("war super, danke" → 5, "ging so" → 3, "schlecht" → 2, "furchtbar" → 1). Negated praise
 * is checked before praise, so "nicht gut" is not read as "gut". Every pattern is linear.
 */
const DIGIT = /^\s*([1-5])(?:\s*(?:\/|von|of|out of)\s*5)?(?:\s*(?:sterne?|stars?|punkte?|points?))?\b/i;

/** Most specific first: the first rule that matches wins. */
const RULES: Array<[RegExp, number]> = [
  [
    /\b(sehr schlecht|ganz schlecht|furchtbar|katastrophal|katastrophe|miserabel|schrecklich|grauenhaft|unterirdisch|gar nicht zufrieden|überhaupt nicht zufrieden|terrible|awful|horrible|very bad)\b/i,
    1,
  ],
  [
    /\b(nicht (so |besonders |wirklich |sehr )?(gut|zufrieden|toll|hilfreich)|not (so |very |really )?(good|great|helpful|satisfied)|eher schlecht|unzufrieden|mäßig|maessig|dürftig|poor)\b/i,
    2,
  ],
  [/\b(nicht (so |ganz )?schlecht|not (too |that )?bad)\b/i, 4],
  [/\b(schlecht|schlächt|schlecht gsi|bad|mies)\b/i, 2],
  [
    /\b(ging so|geht so|gings so|so lala|mittel|mittelmäßig|naja|na ja|passt schon|passt scho|bassd scho|ok|okay|in ordnung|average|so-so|so so)\b/i,
    3,
  ],
  [
    /\b(super|sehr gut|klasse|toll|perfekt|ausgezeichnet|hervorragend|prima|spitze|top|wunderbar|großartig|excellent|great|perfect|awesome|fantastic|very good|sehr zufrieden|sehr hilfreich|mega|1a|einwandfrei|leiwand|urleiwand|subba|sauguat|huere guet|mega guet|sehr guat|sehr guet)\b/i,
    5,
  ],
  // Austrian and Swiss forms included: "passt eh", "recht guat", "guet".
  [/\b(gut|guat|guet|passt|passt eh|zufrieden|hilfreich|good|fine|helpful|satisfied|nett|freundlich)\b/i, 4],
];

/** 1..5, or undefined when the message is no rating. */
export function readRating(text: string): number | undefined {
  const trimmed = text.trim().slice(0, 300);
  const digit = DIGIT.exec(trimmed);
  if (digit) return Number(digit[1]);
  for (const [pattern, rating] of RULES) if (pattern.test(trimmed)) return rating;
  return undefined;
}
