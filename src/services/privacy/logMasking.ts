/**
 * A last line of defence for logs: runs of 8 or more digits (a WhatsApp wa_id is the customer's
 * phone number, and it is also their conversation id) are masked in every log line before it
 * leaves the process, whichever module logged it.
 */

/** 8 or more digits with an optional "+" (longer runs may be card numbers): one class, linear to find. */
const DIGIT_RUN = /\+?\d{8,}/g;

/** "4915112345678" -> "49*********78": enough to tell two customers apart in a log, not to call them. */
export function maskDigitRun(run: string): string {
  const digits = run.startsWith('+') ? run.slice(1) : run;
  return `${run.startsWith('+') ? '+' : ''}${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** A log line with every phone-number-like digit run masked. */
export function maskPhoneNumbersInLine(line: string): string {
  return line.replace(DIGIT_RUN, maskDigitRun);
}

export interface LineDestination {
  write(line: string): unknown;
}

/** A pino destination that masks each line before handing it on. */
export function maskingDestination(target: LineDestination): LineDestination {
  return { write: (line: string) => target.write(maskPhoneNumbersInLine(line)) };
}
