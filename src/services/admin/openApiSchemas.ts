/** The component schemas of the OpenAPI document (openApi.ts): the shapes the admin and handoff API exchange. */
import { CONTENT_KINDS } from './versionModel';
import { FAQ_CATEGORIES } from './validators/faq';
import { HANDOFF_PRIORITIES, MENU_DIALOGS } from './validators/menu';

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const langs = {
  type: 'object',
  required: ['de', 'en'],
  properties: { de: { type: 'string' }, en: { type: 'string' } },
  additionalProperties: false,
};
export const versionRef = {
  type: ['string', 'null'],
  description: 'Id of the version written; null when the edit changed nothing',
};

export const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: {
            type: 'string',
            description: 'Names the field, e.g. "conversation.greeting.welcome: drops the placeholder {{company}}"',
          },
        },
      },
    },
  },
  TranslationTree: {
    type: 'object',
    description: 'Nested i18next JSON by namespace: {"conversation": {"greeting": {"welcome": "…"}}}',
    additionalProperties: {
      oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/TranslationTree' }, { type: 'null' }],
    },
  },
  MenuTarget: {
    oneOf: [
      {
        type: 'object',
        required: ['kind', 'dialog'],
        properties: { kind: { const: 'dialog' }, dialog: { enum: MENU_DIALOGS } },
        additionalProperties: false,
      },
      {
        type: 'object',
        required: ['kind', 'faqId'],
        properties: {
          kind: { const: 'faq' },
          faqId: { type: 'string', description: 'Entry id or shipped key of an active entry' },
        },
        additionalProperties: false,
      },
      {
        type: 'object',
        required: ['kind', 'menuId'],
        properties: { kind: { const: 'submenu' }, menuId: { type: 'string' } },
        additionalProperties: false,
      },
      {
        type: 'object',
        required: ['kind', 'priority'],
        properties: {
          kind: { const: 'handoff' },
          priority: { enum: HANDOFF_PRIORITIES },
          category: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
  },
  MenuOption: {
    type: 'object',
    required: ['id', 'digit', 'label', 'target'],
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' },
      digit: { type: 'string', pattern: '^\\d$' },
      label: { ...langs, description: 'At most 24 characters each (WhatsApp list rows)' },
      target: ref('MenuTarget'),
    },
    additionalProperties: false,
  },
  Menu: {
    type: 'object',
    required: ['options'],
    properties: {
      id: { type: 'string' },
      options: { type: 'array', minItems: 1, maxItems: 10, items: ref('MenuOption') },
    },
    additionalProperties: false,
  },
  Menus: {
    type: 'object',
    required: ['main'],
    description: 'Menus keyed by id; "main" is the phone menu and must keep the lost_or_stolen dialog',
    additionalProperties: ref('Menu'),
  },
  Settings: {
    type: 'object',
    properties: {
      companyName: { type: 'string', maxLength: 80 },
      botName: { type: 'string', maxLength: 40 },
      timeZone: { type: 'string', examples: ['Europe/Berlin'] },
      frustration: {
        type: 'object',
        properties: {
          annoyed: { type: 'number', minimum: 0.05, maximum: 0.95 },
          irate: { type: 'number', minimum: 0.1, maximum: 1 },
          extraTriggerWords: { type: 'array', items: { type: 'string' } },
        },
      },
      businessHours: {
        type: 'object',
        properties: {
          weekly: {
            type: 'object',
            description: 'ISO weekday "1" (Monday) … "7" -> ["08:00", "20:00"]; absent or null = closed',
            additionalProperties: { type: ['array', 'null'], items: { type: 'string' }, minItems: 2, maxItems: 2 },
          },
          holidays: { type: 'array', items: { type: 'string', format: 'date' } },
        },
      },
      callbackOfferAfterMinutes: { type: 'integer', minimum: 1, maximum: 240 },
    },
    additionalProperties: false,
  },
  FaqEntry: {
    type: 'object',
    required: ['questions', 'answer', 'category'],
    properties: {
      questions: {
        type: 'object',
        required: ['de'],
        properties: {
          de: { type: 'array', minItems: 1, items: { type: 'string' } },
          en: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
      answer: {
        type: 'object',
        required: ['de'],
        properties: {
          de: { type: 'string', minLength: 1 },
          en: {
            type: 'string',
            description: 'Optional; English customers get the German answer with a note until it exists',
          },
        },
        additionalProperties: false,
      },
      category: { enum: FAQ_CATEGORIES },
      active: { type: 'boolean', default: true },
    },
  },
  FaqEntryView: {
    allOf: [
      ref('FaqEntry'),
      {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string' },
          key: { type: 'string', description: 'Content-pack id of a shipped entry' },
          updatedAt: { type: 'string', format: 'date-time' },
          versionId: versionRef,
        },
      },
    ],
  },
  Version: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      kind: { enum: CONTENT_KINDS },
      target: {
        type: 'string',
        description: '"main" (menu, settings), the language (translations) or the entry id (faq)',
      },
      seq: { type: 'integer' },
      action: { enum: ['update', 'create', 'delete', 'rollback'] },
      by: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
      },
      at: { type: 'string', format: 'date-time' },
      before: { description: 'The full content before the change (null: did not exist)' },
      after: { description: 'The full content after the change (null: deleted)' },
      rollbackOf: { type: 'string' },
    },
  },
  PreviewRequest: {
    type: 'object',
    required: ['messages'],
    properties: {
      draft: {
        type: 'object',
        properties: {
          translations: { type: 'object', properties: { de: ref('TranslationTree'), en: ref('TranslationTree') } },
          menus: ref('Menus'),
          settings: ref('Settings'),
        },
        additionalProperties: false,
      },
      messages: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 1000 } },
      language: { enum: ['de', 'en'] },
    },
  },
  PreviewResponse: {
    type: 'object',
    properties: {
      turns: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            message: { type: ['string', 'null'] },
            replies: {
              type: 'array',
              items: {
                type: 'object',
                properties: { text: { type: 'string' }, choices: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
  Handoff: {
    type: 'object',
    description:
      'A handoff record: id, status, priority, position, category, reason, language, customer summary and, on GET by id, the transcript',
    additionalProperties: true,
  },
  ApiUser: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      role: { enum: ['agent', 'supervisor', 'admin'] },
      active: { type: 'boolean' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
};
