/** A cell: text, a number, a yes/no, or nothing. */
export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (or start one after a tab or return). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One cell as RFC 4180 text. Text is always quoted, and text a spreadsheet would take for a formula
 * gets a leading apostrophe, so a customer's "=HYPERLINK(…)" stays text when a supervisor opens the file.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = value.length > 0 && FORMULA_START.has(value[0]) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One line, ended with CRLF as RFC 4180 asks. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
