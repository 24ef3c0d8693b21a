/**
 * Drops the given characters from the end of a text. A loop instead of `/[.!]+$/`: an unanchored
 * pattern with a trailing `$` rescans every run of those characters from each of its positions.
 */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
