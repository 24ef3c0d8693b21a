import type { Request, Response, Server } from 'restify';
import { OPENAPI_DOCUMENT } from '../../services/admin/openApi';
import type { RouteModule } from '../server';

/** Serves the OpenAPI document; public, like any API description. */
export class OpenApiRoutes implements RouteModule {
  register(server: Server): void {
    server.get('/api/openapi.json', async (_req: Request, res: Response) => {
      res.header('Cache-Control', 'no-cache');
      res.send(200, OPENAPI_DOCUMENT);
    });
  }
}
