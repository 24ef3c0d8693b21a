/**
 * Informal German address (du, dich, dir, dein…, euch, euer…) in an agent's text. Words inside
 * quotation marks do not count: an agent quoting what the customer read ("…") addresses nobody.
 * Boundaries are Unicode letters, so "Dubai", "Direktor", "Deinstallation" or "dürfen" never match.
 */
const INFORMAL =
  /(?<![\p{L}\p{N}])(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|eurem|eurer|eures)(?![\p{L}\p{N}])/giu;
/** Opening quotation marks and the marks that close them. */
const CLOSERS: Record<string, string> = { '„': '“”"', '"': '"', '»': '«', '“': '”"' };

/** The text with quoted passages blanked, in one pass; an unclosed quote at a line end is no quote. */
function withoutQuotes(text: string): string {
  let out = '';
  let pending = '';
  let closers = '';
  for (const ch of text) {
    if (closers) {
      if (closers.includes(ch)) {
        out += ' ';
        pending = '';
        closers = '';
      } else if (ch === '\n') {
        out += pending + ch;
        pending = '';
        closers = '';
      } else pending += ch;
    } else if (CLOSERS[ch]) {
      closers = CLOSERS[ch];
      pending = ch;
    } else out += ch;
  }
  return out + pending;
}
/** "Dir." is the abbreviation of Direktor/Direktion in a title, not the pronoun. */
const TITLE_ABBREVIATION = /(?<![\p{L}\p{N}])Dir\.(?=\s*\p{Lu})/gu;

/** The informal words found, lowercased, in order; empty when the text is formal. */
export function informalWords(text: string): string[] {
  const unquoted = withoutQuotes(text.slice(0, 4000)).replace(TITLE_ABBREVIATION, ' ');
  return [...unquoted.matchAll(INFORMAL)].map((m) => m[1].toLowerCase());
}

export function isInformal(text: string): boolean {
  return informalWords(text).length > 0;
}
