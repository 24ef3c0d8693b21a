import type { Activity, Middleware, TurnContext } from 'botbuilder';

/** Channels whose client is Web Chat, which renders Markdown and would pass raw HTML through. */
const WEB_CHAT_CHANNELS = new Set(['webchat', 'directline']);

/** Raw HTML in a Markdown text shown as written: "<" becomes an entity, Markdown stays Markdown. */
export function withoutRawHtml(text: string): string {
  return text.replace(/</g, '&lt;');
}

/**
 * Everything the bot sends to Web Chat (dialog texts an admin edited, an agent's messages) goes out
 * as Markdown without raw HTML: an agent's or admin's "<img src=x onerror=…>" is shown, not run.
 */
export function webChatTextMiddleware(): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      if (WEB_CHAT_CHANNELS.has(context.activity.channelId ?? '')) {
        context.onSendActivities(async (_ctx, activities: Partial<Activity>[], send) => {
          for (const activity of activities)
            if (activity.type === 'message' && typeof activity.text === 'string')
              activity.text = withoutRawHtml(activity.text);
          return send();
        });
      }
      await next();
    },
  };
}
