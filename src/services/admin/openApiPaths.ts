/** The paths of the OpenAPI document (openApi.ts): the admin routes, and the helpers every paths file uses. */
import { CONTENT_KINDS } from './versionModel';
import { ref, versionRef, type Schema } from './openApiSchemas';

export const json = (schema: Schema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
export const body = (schema: Schema, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
});
export const pathParam = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
export const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
export const secured = (role: string) => ({ security: [{ bearerAuth: [] }], 'x-required-role': role });
const id = pathParam('id', 'Entry id (24 hex characters)');
export const AUTH = [401, 403];
const lngParam = pathParam('lng', 'Language', { enum: ['de', 'en'] });
export const handoffId = pathParam('id', 'Handoff id');

export const paths: Record<string, Schema> = {
  '/api/admin/translations/{lng}': {
    get: {
      summary: 'Texts of one language',
      ...secured('admin'),
      parameters: [
        lngParam,
        query(
          'layer',
          'effective (default): shipped with overrides; shipped; overrides; all: { shipped, overrides, effective }',
          { enum: ['effective', 'shipped', 'overrides', 'all'] },
        ),
      ],
      responses: { 200: json(ref('TranslationTree')), ...errors(400, ...AUTH) },
    },
    put: {
      summary: 'Merge overrides into the texts of one language',
      description:
        'Only keys of the shipped locales; a value equal to the shipped text, or null, removes the override. Rejected with 400 naming the key: a non-string, an empty text, a dropped or unknown {{placeholder}}, informal German (du, dich, dir, dein…, euch, euer…), an unknown namespace or key. Live on every instance within a few seconds.',
      ...secured('admin'),
      parameters: [lngParam],
      requestBody: body(ref('TranslationTree')),
      responses: {
        200: json({
          type: 'object',
          properties: { language: { type: 'string' }, overrides: ref('TranslationTree'), versionId: versionRef },
        }),
        ...errors(400, ...AUTH, 409),
      },
    },
  },
  '/api/admin/faq': {
    get: {
      summary: 'Knowledge-base entries',
      ...secured('supervisor'),
      parameters: [
        query('q', 'Search in keys, questions and answers'),
        query('category', 'Category'),
        query('active', 'true or false'),
      ],
      responses: {
        200: json({ type: 'object', properties: { items: { type: 'array', items: ref('FaqEntryView') } } }),
        ...errors(...AUTH),
      },
    },
    post: {
      summary: 'Add an entry (the recognizer retrains at once)',
      ...secured('admin'),
      requestBody: body(ref('FaqEntry')),
      responses: { 201: json(ref('FaqEntryView'), 'Created'), ...errors(400, ...AUTH) },
    },
  },
  '/api/admin/faq/{id}': {
    get: {
      summary: 'One entry',
      ...secured('supervisor'),
      parameters: [id],
      responses: { 200: json(ref('FaqEntryView')), ...errors(...AUTH, 404) },
    },
    put: {
      summary: 'Change an entry (fields left out stay); supervisors may change the answer only',
      ...secured('supervisor'),
      parameters: [id],
      requestBody: body(ref('FaqEntry')),
      responses: { 200: json(ref('FaqEntryView')), ...errors(400, ...AUTH, 404, 409) },
    },
    delete: {
      summary: 'Delete an entry (refused while a menu option points at it)',
      ...secured('admin'),
      parameters: [id],
      responses: {
        200: json({ type: 'object', properties: { deleted: { type: 'string' }, versionId: { type: 'string' } } }),
        ...errors(400, ...AUTH, 404, 409),
      },
    },
  },
  '/api/admin/menu': {
    get: {
      summary: 'The phone menu and its sub-menus',
      ...secured('admin'),
      responses: { 200: json({ type: 'object', properties: { menus: ref('Menus') } }), ...errors(...AUTH) },
    },
    put: {
      summary: 'Replace the menus',
      description:
        'Every target must exist (a known dialog, an active entry, a menu of the same set); unique digits and ids; labels ≤ 24 characters; formal German.',
      ...secured('admin'),
      requestBody: body({ type: 'object', required: ['menus'], properties: { menus: ref('Menus') } }),
      responses: {
        200: json({ type: 'object', properties: { menus: ref('Menus'), versionId: versionRef } }),
        ...errors(400, ...AUTH, 409),
      },
    },
  },
  '/api/admin/settings': {
    get: {
      summary: 'Identity, escalation, business hours and holidays',
      ...secured('admin'),
      responses: { 200: json({ type: 'object', properties: { settings: ref('Settings') } }), ...errors(...AUTH) },
    },
    put: {
      summary: 'Change settings (objects are merged, lists and values replaced)',
      ...secured('admin'),
      requestBody: body({ oneOf: [ref('Settings'), { type: 'object', properties: { settings: ref('Settings') } }] }),
      responses: {
        200: json({ type: 'object', properties: { settings: ref('Settings'), versionId: versionRef } }),
        ...errors(400, ...AUTH, 409),
      },
    },
  },
  '/api/admin/meta': {
    get: {
      summary:
        'Enumerations the admin pages use: intents, menu dialogs, knowledge categories, priorities, handoff statuses, roles, content kinds',
      ...secured('supervisor'),
      responses: { 200: json({ type: 'object' }), ...errors(...AUTH) },
    },
  },
  '/api/admin/history': {
    get: {
      summary: 'Versions, newest first',
      ...secured('admin'),
      parameters: [
        query('kind', 'menu, settings, translations or faq', { enum: CONTENT_KINDS }),
        query('target', 'main, de, en or an entry id'),
        query('limit', 'At most 500', { type: 'integer', default: 50 }),
      ],
      responses: {
        200: json({ type: 'object', properties: { items: { type: 'array', items: ref('Version') } } }),
        ...errors(400, ...AUTH),
      },
    },
  },
  '/api/admin/history/{versionId}': {
    get: {
      summary: 'One version',
      ...secured('admin'),
      parameters: [pathParam('versionId', 'Version id')],
      responses: { 200: json(ref('Version')), ...errors(...AUTH, 404) },
    },
  },
  '/api/admin/history/{versionId}/rollback': {
    post: {
      summary: 'Roll back to a version (written as a new version)',
      description:
        'to "before" (default): the content as it was just before this version, i.e. the change is undone; to "after": the content as this version left it. The restored content is validated like an edit.',
      ...secured('admin'),
      parameters: [pathParam('versionId', 'Version id')],
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: { type: 'object', properties: { to: { enum: ['before', 'after'], default: 'before' } } },
          },
        },
      },
      responses: {
        200: json({
          type: 'object',
          properties: {
            kind: { type: 'string' },
            target: { type: 'string' },
            versionId: versionRef,
            version: { oneOf: [ref('Version'), { type: 'null' }] },
          },
        }),
        ...errors(400, ...AUTH, 404, 409),
      },
    },
  },
  '/api/admin/preview': {
    post: {
      summary: "The bot's replies with a draft, nothing published or stored",
      ...secured('admin'),
      requestBody: body(ref('PreviewRequest')),
      responses: { 200: json(ref('PreviewResponse')), ...errors(400, ...AUTH) },
    },
  },
  '/api/admin/users': {
    get: {
      summary: 'API users',
      ...secured('admin'),
      responses: {
        200: json({ type: 'object', properties: { items: { type: 'array', items: ref('ApiUser') } } }),
        ...errors(...AUTH),
      },
    },
    post: {
      summary: 'Create an API user; the token is shown once',
      ...secured('admin'),
      requestBody: body({
        type: 'object',
        required: ['name', 'role'],
        properties: { name: { type: 'string' }, role: { enum: ['agent', 'supervisor', 'admin'] } },
      }),
      responses: {
        201: json(
          { allOf: [ref('ApiUser'), { type: 'object', properties: { token: { type: 'string' } } }] },
          'Created',
        ),
        ...errors(400, ...AUTH),
      },
    },
  },
  '/api/admin/users/{id}': {
    delete: {
      summary: 'Deactivate an API user',
      ...secured('admin'),
      parameters: [pathParam('id', 'User id')],
      responses: { 204: { description: 'Deactivated' }, ...errors(...AUTH, 404) },
    },
  },
  '/api/admin/customers/{customerId}/export': {
    get: {
      summary: 'Everything stored about one customer',
      ...secured('admin'),
      parameters: [pathParam('customerId', 'Channel user id')],
      responses: { 200: json({ type: 'object' }), ...errors(400, ...AUTH, 404) },
    },
  },
  '/api/admin/customers/{customerId}': {
    delete: {
      summary: 'Erase one customer',
      ...secured('admin'),
      parameters: [pathParam('customerId', 'Channel user id')],
      responses: { 200: json({ type: 'object' }), ...errors(400, ...AUTH) },
    },
  },
  '/api/admin/retention/sweep': {
    post: {
      summary: 'Run the retention sweep now',
      ...secured('admin'),
      responses: { 200: json({ type: 'object' }), ...errors(...AUTH) },
    },
  },
};
