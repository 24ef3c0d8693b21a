import { paths } from './openApiPaths';
import { agentToolPaths } from './openApiAgentToolPaths';
import { deskPaths } from './openApiDeskPaths';
import { filePaths } from './openApiFilePaths';
import { ref, schemas } from './openApiSchemas';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

/** The OpenAPI 3.1 description of the admin and handoff API (GET /api/openapi.json). */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Lotse API',
    version: '1.0.0',
    description:
      'Admin content (live within seconds on every instance, validated, versioned) and the supervisor handoff queue. Roles: admin > supervisor > agent.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API token (ADMIN_API_TOKEN bootstraps the first admin; admins issue more under /api/admin/users)',
      },
    },
    schemas,
    responses: {
      E400: errorResponse('Invalid input; the message names the field'),
      E401: errorResponse('No valid bearer token'),
      E403: errorResponse('The role is too low'),
      E404: errorResponse('Not found'),
      E409: errorResponse('Conflict: changed by someone else meanwhile, or already claimed'),
    },
  },
  paths: { ...paths, ...deskPaths, ...agentToolPaths, ...filePaths },
};
