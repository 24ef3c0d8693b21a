/** OpenAPI paths of the files customers send for agents (images and PDFs, kept in GridFS). */
import { ACCEPTED_TYPES } from '../files/fileTypes';
import { AUTH, errors, handoffId, json, pathParam, secured } from './openApiPaths';
import type { Schema } from './openApiSchemas';

const file: Schema = {
  type: 'object',
  required: ['id', 'name', 'contentType', 'size', 'uploadedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string', description: 'Cleaned file name with the extension of its real type' },
    contentType: {
      type: 'string',
      enum: [...ACCEPTED_TYPES],
      description: 'Recognised from the content, not the declared type',
    },
    size: { type: 'integer', description: 'Bytes' },
    uploadedAt: { type: 'string', format: 'date-time' },
  },
};

export const filePaths: Record<string, Schema> = {
  '/api/handoffs/{id}/files': {
    get: {
      summary: 'Files the customer of this handoff sent (before or during it), oldest first',
      ...secured('agent'),
      parameters: [handoffId],
      responses: {
        200: json({ type: 'object', properties: { items: { type: 'array', items: file } } }),
        ...errors(...AUTH, 404),
      },
    },
  },
  '/api/files/{id}': {
    get: {
      summary: 'One file as a download (Content-Disposition: attachment)',
      ...secured('agent'),
      parameters: [pathParam('id', "File id from the handoff's file list")],
      responses: {
        200: {
          description: 'The file',
          content: Object.fromEntries(
            ACCEPTED_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        },
        ...errors(...AUTH, 404),
      },
    },
  },
};
