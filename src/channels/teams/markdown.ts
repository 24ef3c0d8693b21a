/**
 * Text somebody else wrote (customers, desk agents), placed into Teams messages and Adaptive Cards,
 * which render Markdown: escaped so that it shows as written. A customer's
 * "[Rechnung](https://evil…)" must not become a link an agent clicks, and a masked IBAN's "****"
 * must not turn into bold text.
 */
/** What makes links, images, emphasis, code, headings and HTML; the rest stays readable as typed. */
const MARKDOWN_SPECIAL = /[\\`*_[\]#~<>]/g;

export function escapeTeamsMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}
