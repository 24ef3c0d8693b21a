/** OpenAPI paths of the agents' side: the signed-in user, handoffs, reports and training. */
import { AUTH, body, errors, handoffId, json, query, secured } from './openApiPaths';
import { ref, type Schema } from './openApiSchemas';
import { HAND_BACK_TARGETS } from '../handoff/handBackTargets';

const period = (name: 'from' | 'to') => ({
  name,
  in: 'query',
  required: false,
  description: 'ISO 8601 date or time',
  schema: { type: 'string', format: 'date-time' },
});

export const deskPaths: Record<string, Schema> = {
  '/api/me': {
    get: { summary: 'The caller', ...secured('agent'), responses: { 200: json(ref('ApiUser')), ...errors(...AUTH) } },
  },
  '/api/handoffs': {
    get: {
      summary: 'Handoffs by status',
      ...secured('agent'),
      parameters: [
        query('status', 'queued (default), claimed, resolved, …'),
        query('limit', 'Maximum', { type: 'integer' }),
      ],
      responses: {
        200: json({ type: 'object', properties: { items: { type: 'array', items: ref('Handoff') } } }),
        ...errors(400, ...AUTH),
      },
    },
  },
  '/api/handoffs/stats': {
    get: {
      summary: 'Queue figures',
      ...secured('agent'),
      responses: { 200: json({ type: 'object' }), ...errors(...AUTH) },
    },
  },
  '/api/handoffs/{id}': {
    get: {
      summary: 'A handoff with its transcript',
      ...secured('agent'),
      parameters: [handoffId],
      responses: { 200: json(ref('Handoff')), ...errors(...AUTH, 404) },
    },
  },
  '/api/handoffs/{id}/claim': {
    post: {
      summary: 'Claim (200 for the one winner, 409 for everyone else)',
      ...secured('agent'),
      parameters: [handoffId],
      responses: { 200: json(ref('Handoff')), ...errors(...AUTH, 404, 409) },
    },
  },
  '/api/handoffs/{id}/messages': {
    post: {
      summary: 'Agent -> customer (formal address and no arguing, or force)',
      description:
        'Informal German (du, dich, dir, dein…, euch, euer…) answers 422 InformalAddress, arguing ("Das ist Ihre Schuld", "Da kann ich nichts machen") 422 ArguingTone; both carry a formal `suggestion` and send nothing. `force: true` sends the text as written and adds the audit entry sent_despite_check with the rule (not the text).',
      ...secured('agent'),
      parameters: [handoffId],
      requestBody: body({
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string', maxLength: 4000 }, force: { type: 'boolean', default: false } },
      }),
      responses: {
        201: json({ type: 'object' }, 'Sent'),
        ...errors(400, ...AUTH, 404, 409),
        422: json(
          {
            type: 'object',
            properties: {
              error: {
                type: 'object',
                required: ['code', 'message', 'suggestion'],
                properties: {
                  code: { type: 'string', enum: ['InformalAddress', 'ArguingTone'] },
                  message: { type: 'string' },
                  suggestion: { type: 'string' },
                },
              },
            },
          },
          'Held: informal address or arguing; nothing was sent',
        ),
        502: { description: "The customer's channel did not accept the message" },
      },
    },
  },
  '/api/handoffs/{id}/resolve': {
    post: {
      summary: 'Resolve; with a target the customer goes on in that dialog (or the menu), without the survey',
      ...secured('agent'),
      parameters: [handoffId],
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { target: { type: 'string', enum: [...HAND_BACK_TARGETS] } },
            },
          },
        },
      },
      responses: { 200: json(ref('Handoff')), ...errors(400, ...AUTH, 404, 409) },
    },
  },
  '/api/handoffs/{id}/transfer': {
    post: {
      summary: 'Back to the queue, optionally with a note',
      ...secured('agent'),
      parameters: [handoffId],
      requestBody: {
        required: false,
        content: { 'application/json': { schema: { type: 'object', properties: { note: { type: 'string' } } } } },
      },
      responses: { 200: json(ref('Handoff')), ...errors(400, ...AUTH, 404, 409) },
    },
  },
  '/api/handoffs/{id}/notes': {
    post: {
      summary: 'Internal note',
      ...secured('agent'),
      parameters: [handoffId],
      requestBody: body({ type: 'object', required: ['text'], properties: { text: { type: 'string' } } }),
      responses: { 201: json({ type: 'object' }, 'Added'), ...errors(400, ...AUTH, 404) },
    },
  },
  '/api/reports/summary': {
    get: {
      summary:
        'Supervisor figures for a period: conversations, handoffs, rates, wait and handle times, CSAT, by category and day',
      ...secured('supervisor'),
      parameters: [period('from'), period('to')],
      responses: { 200: json({ type: 'object' }), ...errors(400, ...AUTH) },
    },
  },
  '/api/reports/handoffs.csv': {
    get: {
      summary: 'One row per handoff of the period (masked), text/csv',
      ...secured('supervisor'),
      parameters: [period('from'), period('to')],
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
        ...errors(400, ...AUTH),
      },
    },
  },
  '/api/training/scenarios': {
    get: {
      summary: 'The training scenarios (id and title)',
      ...secured('agent'),
      responses: { 200: json({ type: 'object' }), ...errors(...AUTH) },
    },
  },
  '/api/training/sessions': {
    post: {
      summary: 'Start a training conversation with a simulated customer (never touches real queues)',
      ...secured('agent'),
      requestBody: body({ type: 'object', properties: { scenario: { type: 'string' } } }),
      responses: { 201: json({ type: 'object' }, 'Started: id, scenario, customer'), ...errors(400, ...AUTH) },
    },
  },
  '/api/training/sessions/{id}': {
    get: {
      summary: 'The training conversation: turns, score, done',
      ...secured('agent'),
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: json({ type: 'object' }), ...errors(...AUTH, 404) },
    },
  },
  '/api/training/sessions/{id}/replies': {
    post: {
      summary: "The trainee's reply: the customer's next message (null at the end) and feedback",
      ...secured('agent'),
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: body({ type: 'object', required: ['text'], properties: { text: { type: 'string' } } }),
      responses: { 200: json({ type: 'object' }), ...errors(400, ...AUTH, 404, 409) },
    },
  },
};
