/** OpenAPI paths of the agents' tools: opening-line suggestions and canned responses. */
import { AUTH, body, errors, handoffId, json, pathParam, query, secured } from './openApiPaths';
import type { Schema } from './openApiSchemas';
import { CANNED_CATEGORIES } from '../cannedResponses/cannedResponseRules';

const canned: Schema = {
  type: 'object',
  required: ['name', 'text'],
  properties: {
    name: { type: 'string', pattern: '^[a-zäöüß0-9-]{2,30}$', description: 'Short German name, e.g. "rückruf"' },
    category: { type: 'string', enum: [...CANNED_CATEGORIES], default: 'all' },
    text: {
      type: 'object',
      required: ['de'],
      properties: { de: { type: 'string', maxLength: 2000 }, en: { type: 'string', maxLength: 2000 } },
    },
  },
};
const list: Schema = { type: 'object', properties: { items: { type: 'array', items: canned } } };
const category = query('category', 'Only this category and the responses for every case', {
  enum: [...CANNED_CATEGORIES],
});
const name = pathParam('name', 'Name, case- and umlaut-tolerant');

export const agentToolPaths: Record<string, Schema> = {
  '/api/handoffs/{id}/suggestions': {
    get: {
      summary: "Opening lines for the handoff's category and mood, in the customer's language",
      ...secured('agent'),
      parameters: [handoffId],
      responses: {
        200: json({ type: 'object', properties: { lines: { type: 'array', items: { type: 'string' } } } }),
        ...errors(...AUTH, 404),
      },
    },
  },
  '/api/canned-responses': {
    get: {
      summary: 'Canned responses (Textbausteine)',
      ...secured('agent'),
      parameters: [category],
      responses: { 200: json(list), ...errors(400, ...AUTH) },
    },
  },
  '/api/admin/canned-responses': {
    get: { summary: 'Canned responses', ...secured('admin'), parameters: [category], responses: { 200: json(list) } },
    post: {
      summary: 'Add a canned response',
      ...secured('admin'),
      requestBody: body(canned),
      responses: { 201: json(canned, 'Created'), ...errors(400, ...AUTH, 409) },
    },
  },
  '/api/admin/canned-responses/{name}': {
    put: {
      summary: 'Change a canned response',
      ...secured('admin'),
      parameters: [name],
      requestBody: body(canned),
      responses: { 200: json(canned), ...errors(400, ...AUTH, 404, 409) },
    },
    delete: {
      summary: 'Remove a canned response',
      ...secured('admin'),
      parameters: [name],
      responses: { 204: { description: 'Removed' }, ...errors(...AUTH, 404) },
    },
  },
};
