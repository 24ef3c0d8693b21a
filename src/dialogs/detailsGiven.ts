/**
 * Details given where the bot asked something else: "0172 4456789, Murat Demir" to "Hat Ihnen das
 * geholfen?" means "please take up my matter", not a question about customer numbers. A disputed
 * charge asked about just before is recorded with them; after a recorded request they are added to
 * it; otherwise a person is offered, who then sees them.
 */
import type { TurnContext } from 'botbuilder';
import { maskSensitive } from '../services/privacy/masking';
import type { Intent } from '../services/nlu/types';
import { REFERENCE_PATTERN } from '../services/requests/referenceNumber';
import { isDispute } from './billingDialog';
import type { DialogDeps } from './dialogDeps';
import { givesDetails } from './interpreter/questions';
import type { MenuOptions, Mode } from './mainMenu';

/** Modes that follow an answer or a finished request, where details can only mean the matter itself. */
const AFTER_ANSWER: ReadonlySet<Mode> = new Set(['helped', 'notHelped', 'soothed']);
const AFTER_REQUEST: ReadonlySet<Mode> = new Set(['again', 'anythingElse']);

export type DetailsRoute =
  { kind: 'dispute'; text: string } | { kind: 'again'; mode: Mode; more: Omit<MenuOptions, 'mode'> };

/** Where details given at this point lead; undefined when the message is no such details or the mode takes them itself. */
export async function afterDetails(
  deps: DialogDeps,
  ctx: TurnContext,
  text: string,
  options: MenuOptions,
): Promise<DetailsRoute | undefined> {
  if (!givesDetails(text)) return undefined;
  const session = await deps.sessions.get(ctx);
  const masked = maskSensitive(text).slice(0, 200);
  if (AFTER_ANSWER.has(options.mode)) {
    const asked = session.lastQuestion;
    if (asked && isDispute(asked)) return { kind: 'dispute', text: `${asked} – ${masked}` };
    await deps.sessions.addFact(ctx, `Angaben: ${masked}`);
    const category: Intent | undefined = options.category ?? session.lastTopic;
    return {
      kind: 'again',
      mode: 'notHelped',
      more: { lead: 'conversation:interpreter.detailsNoted', ...(category ? { category } : {}) },
    };
  }
  if (AFTER_REQUEST.has(options.mode)) {
    // Only a request this conversation recorded ("RK-7XABG"), not a ticket number the customer quoted.
    const reference = [...session.references].reverse().find((r) => REFERENCE_PATTERN.test(r));
    if (!reference) return undefined;
    await deps.requests.addDetails(reference, { customerDetails: masked });
    const t = await deps.sessions.t(ctx);
    await ctx.sendActivity(t('conversation:interpreter.detailsAdded', { reference }));
    return { kind: 'again', mode: 'anythingElse', more: {} };
  }
  return undefined;
}
