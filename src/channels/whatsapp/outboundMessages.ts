import type { Activity, CardAction } from 'botbuilder';

/** Limits of the Cloud API (docs/ARCHITECTURE.md, WhatsApp). */
export const LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButton: 20,
  replyId: 200,
} as const;

export interface OutboundLabels {
  /** Label of the button that opens a list, e.g. "Auswahl". */
  listButton: string;
  /** Body when a menu comes without text. */
  choose: string;
}

export type WhatsAppPayload = Record<string, unknown>;

interface Choice {
  id: string;
  title: string;
}

/** Splits text into parts of at most `max` characters, at a paragraph, line or word if possible. */
export function splitText(text: string, max: number = LIMITS.text): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'));
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

const length = (text: string) => Array.from(text).length;

/** Bot Framework markdown to WhatsApp's: **bold** -> *bold*, links as "text (url)", hard breaks as newlines. */
function toWhatsAppMarkdown(text: string): string {
  return text
    .replace(/ {2}\n/g, '\n')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/\[([^\][]+)\]\((https?:[^)\s[\]]+)\)/g, '$1 ($2)');
}

function actionsOf(activity: Partial<Activity>): { choices: Choice[]; links: string[] } {
  const actions: CardAction[] = [...(activity.suggestedActions?.actions ?? [])];
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as { buttons?: CardAction[] } | undefined;
    if (attachment.contentType?.startsWith('application/vnd.microsoft.card.') && Array.isArray(content?.buttons))
      actions.push(...content.buttons);
  }
  const choices: Choice[] = [];
  const links: string[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    const title = String(action.title ?? action.text ?? action.value ?? '').trim();
    if (action.type === 'openUrl') {
      links.push(`${title}: ${String(action.value)}`);
      continue;
    }
    const raw = typeof action.value === 'string' || typeof action.value === 'number' ? String(action.value) : title;
    let id = raw.slice(0, LIMITS.replyId);
    if (id === '' || title === '') continue;
    // Reply ids must be unique within a message; a duplicate value still has to be tappable.
    for (let n = 2; seen.has(id); n++) id = `${raw.slice(0, LIMITS.replyId - 4)}#${n}`;
    seen.add(id);
    choices.push({ id, title });
  }
  return { choices, links };
}

/**
 * Files an agent sends: an image or a document by link (Meta fetches it from our signed URL).
 * Cards are not files; a link that is not http(s) is never passed on.
 */
function mediaPayloads(activity: Partial<Activity>): WhatsAppPayload[] {
  const out: WhatsAppPayload[] = [];
  for (const attachment of activity.attachments ?? []) {
    const link = attachment.contentUrl;
    if (!link || !/^https?:\/\//.test(link)) continue;
    if (attachment.contentType?.startsWith('image/')) out.push({ type: 'image', image: { link } });
    else if (attachment.contentType === 'application/pdf')
      out.push({ type: 'document', document: { link, ...(attachment.name ? { filename: attachment.name } : {}) } });
  }
  return out;
}

/** Texts of hero/thumbnail cards, which WhatsApp cannot show as cards. */
function cardTexts(activity: Partial<Activity>): string[] {
  const out: string[] = [];
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as { title?: string; subtitle?: string; text?: string } | undefined;
    if (!content || typeof content !== 'object' || attachment.contentType === 'application/vnd.microsoft.card.adaptive')
      continue;
    out.push(
      ...[content.title, content.subtitle, content.text].filter(
        (t): t is string => typeof t === 'string' && t.trim() !== '',
      ),
    );
  }
  return out;
}

/**
 * One bot message as the Cloud API messages it takes: text split at 4,096 characters; a menu as
 * reply buttons (up to 3 short titles), as a list (up to 10 rows), or beyond that as numbered text
 * (typing the digit works everywhere).
 */
export function toWhatsAppPayloads(activity: Partial<Activity>, labels: OutboundLabels): WhatsAppPayload[] {
  const { choices, links } = actionsOf(activity);
  const text = toWhatsAppMarkdown(
    [activity.text ?? '', ...cardTexts(activity), ...links].filter((t) => t.trim() !== '').join('\n\n'),
  );
  const textMessages = (body: string): WhatsAppPayload[] =>
    splitText(body).map((part) => ({ type: 'text', text: { body: part, preview_url: false } }));

  if (choices.length === 0) return [...(text.trim() ? textMessages(text) : []), ...mediaPayloads(activity)];

  if (choices.length > LIMITS.listRows) {
    const numbered = choices.map((c) => `${c.id} – ${c.title}`).join('\n');
    return textMessages(`${text || labels.choose}\n\n${numbered}`);
  }

  // The interactive body holds at most 1,024 characters; longer text goes out first on its own.
  let leading: WhatsAppPayload[] = [];
  let body = text || labels.choose;
  if (length(body) > LIMITS.interactiveBody) {
    const parts = splitText(body, LIMITS.interactiveBody);
    body = parts.pop()!;
    leading = textMessages(parts.join('\n\n'));
  }

  if (choices.length <= LIMITS.buttons && choices.every((c) => length(c.title) <= LIMITS.buttonTitle)) {
    return [
      ...leading,
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: body },
          action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.title } })) },
        },
      },
    ];
  }
  const rows = choices.map((c) => {
    const row: Record<string, string> = { id: c.id, title: truncate(c.title, LIMITS.rowTitle) };
    if (length(c.title) > LIMITS.rowTitle) row.description = truncate(c.title, LIMITS.rowDescription);
    return row;
  });
  return [
    ...leading,
    {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: body },
        action: { button: truncate(labels.listButton, LIMITS.listButton), sections: [{ rows }] },
      },
    },
  ];
}

/** The approved template that invites the customer back once the 24-hour window has closed. */
export function templatePayload(name: string, language: string): WhatsAppPayload {
  return { type: 'template', template: { name, language: { code: language } } };
}
