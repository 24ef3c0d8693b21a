import type { Activity, TurnContext } from 'botbuilder';

/**
 * Swiss Standard German writes "ss" where German and Austrian write "ß" ("Grüsse", "Strasse"). A
 * customer writing from Switzerland (Web Chat locale de-CH, or a +41 number on WhatsApp) reads the
 * replies of the turn that way; texts, knowledge answers and button titles alike.
 */
export function writesFromSwitzerland(activity: Partial<Activity>): boolean {
  if ((activity.locale ?? '').toLowerCase() === 'de-ch') return true;
  return activity.channelId === 'whatsapp' && /^\+?41\d{8,10}$/.test(activity.from?.id ?? '');
}

export function swissSpelling(text: string): string {
  return text.replace(/ß/g, 'ss');
}

/** Makes this turn's replies follow Swiss spelling when the customer writes from Switzerland. */
export function spellForSwitzerland(context: TurnContext): void {
  if (!writesFromSwitzerland(context.activity)) return;
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const activity of activities) {
      if (typeof activity.text === 'string') activity.text = swissSpelling(activity.text);
      for (const action of activity.suggestedActions?.actions ?? [])
        if (typeof action.title === 'string') action.title = swissSpelling(action.title);
    }
    return next();
  });
}
