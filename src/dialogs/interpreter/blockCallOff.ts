/**
 * After a block request is recorded, the customer may find the phone again or notice a wrong number.
 * Both act on the recorded request: a block called off is withdrawn (only while the team has not acted),
 * and a corrected number replaces the one recorded, read back by its last digits.
 */
import { foldedText } from './cues';
import { parsePhone } from './slots';

/**
 * "ich hab das Handy wieder", "wiedergefunden", "bitte NICHT sperren", "Sperre zurückziehen" (folded:
 * double letters are single, "sperren" is "speren").
 */
const CALL_OFF =
  /(?:^| )(?:wieder ?gefunden|wieder aufgetaucht|wieder da|(?:hab|habe|hob|han|ha|hani) (?:es|s|ihn|sie|das|mein|meine|die|des|mis|mini)(?: [a-z]+)? wieder|found it|found my (?:phone|card)|got it back|(?:nicht|nichts|ned|net|nid|nod|nix|doch nicht|don t) (?:mehr )?speren|(?:spere|sperung|speranfrage|sperauftrag) (?:bite )?(?:zuruckziehen|zuruknehmen|zuruck nehmen|aufheben|stornieren|abrechen|canceln)|(?:cancel|withdraw|stop) the block)(?= |$)/;

/**
 * "es ist nicht wieder aufgetaucht", "noch nicht wiedergefunden", Swiss "nöd wieder uftaucht", "haven't
 * found it": the phone is still gone, which confirms the block instead of calling it off (folded text).
 */
const STILL_GONE =
  /(?:^| )(?:nicht|ned|net|nid|nod|nie|nirgends|nirgendwo|kein|not|never|haven t|havent|hasn t|hasnt|didn t|didnt|still not)(?: [a-z]+){0,2} (?:wieder ?gefunden|wieder aufgetaucht|wieder da|gefunden|aufgetaucht|gfunden|gfunde|gefunde|uftaucht|ufgetaucht|ufgtaucht|found it|found my (?:phone|card)|got it back)(?= |$)/g;

const STILL_GONE_ONCE = new RegExp(STILL_GONE.source);

/** Whether the message calls off a block: the lost phone or card is back, or it must not be blocked. */
export function callsOffBlock(text: string): boolean {
  return CALL_OFF.test(foldedText(text).replace(STILL_GONE, ' '));
}

/** "Nein, es ist nicht wieder aufgetaucht": the loss confirmed, a reason to block rather than to stop. */
export function saysStillGone(text: string): boolean {
  return STILL_GONE_ONCE.test(foldedText(text));
}

/** "die Nummer ist falsch", "sorry, es ist …", "nicht 1234, sondern …": the customer corrects a detail. */
const CORRECTION =
  /(?:^| )(?:falsch|falsche|korrigier[a-z]*|korektur|sondern|richtig|richtige|eigentlich|sorry|entschuldigung|ach nein|oh nein|verschrieben|vertippt|tipfehler|zahlendreher|stat|wrong|correct|actually|mistake|oops|ups)(?= |$)/;

/** The national form of a number, so "+49 160 …" and "0160 …" compare alike. */
function national(phone: string): string {
  return phone.replace(/^\+4[139]/, '0');
}

/** Two spellings of one number ("+43 664 …" and "0664 …"). */
export function samePhone(a: string, b: string): boolean {
  return national(a) === national(b);
}

/**
 * The number a message corrects the recorded one to ("oh nein, die Nummer ist falsch, es ist 0160
 * 5551243"), if it names another number and says it corrects.
 */
export function correctedNumber(text: string, recorded: string): string | undefined {
  const phone = parsePhone(text);
  if (!phone || samePhone(phone, recorded)) return undefined;
  return CORRECTION.test(foldedText(text)) ? phone : undefined;
}

/**
 * "my phone isn't stolen! my SIM is fine", "Mein Handy ist nicht gestohlen": the loss the blocking form
 * assumed is denied (folded text). Nothing may be blocked; what the customer needs is something else.
 */
const DENIES_LOSS =
  /(?:^| )(?:(?:nicht|ned|net|nid|nod|not|isn t|is not|wasn t|was not|ist nicht|is ned) (?:[a-z]+ )?(?:gestohlen|verloren|geklaut|stolen|lost)|(?:sim|sim karte|simkarte|handy|phone|natel) (?:ist|is|isch) (?:in ordnung|ok|okay|fine|gut|alright)|(?:dont|don t|do not) (?:block|lock) (?:my )?(?:sim|phone))(?= |$)/;

export function deniesLoss(text: string): boolean {
  return DENIES_LOSS.test(foldedText(text));
}

/** The sentences of a message that do not deny the loss: what the customer needs instead. */
export function besidesDenial(text: string): string {
  return text
    .split(/(?<=[.!?;])\s+/)
    .filter((sentence) => !deniesLoss(sentence))
    .join(' ')
    .trim();
}
