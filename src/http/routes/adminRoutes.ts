import type { Request, Server } from 'restify';
import { jsonBody, route, RouteModule } from '../server';
import type { RouteWork } from '../errorPolicy';
import { principalOf, requireRole } from './authRoutes';
import type { AuthService } from '../../services/auth/authService';
import { ValidationError } from '../../services/errors';
import { requireId } from '../../services/validation/input';
import { AdminContentService, requireLang, RollbackTo } from '../../services/admin/adminService';
import { requireKind, VersionView } from '../../services/admin/contentStore';
import type { FaqService } from '../../services/admin/faqService';
import type { PreviewService } from '../../services/admin/previewService';
import { isPlainObject } from '../../services/admin/validators/textRules';

const LAYERS = ['effective', 'shipped', 'overrides', 'all'] as const;

function versionId(version: VersionView | undefined): string | null {
  return version?.id ?? null;
}

/** The request's JSON object, or an empty object when there is no body. */
function bodyOf(req: Request): unknown {
  return req.body === undefined || req.body === '' ? {} : req.body;
}

/**
 * The admin content API (contract in docs/ARCHITECTURE.md): translations, knowledge base, menu, settings, history
 * with rollback, and the preview. Admins only, except that supervisors may read the knowledge
 * base and change its answers. 401 without a token, 403 with too low a role.
 */
export class AdminRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly content: AdminContentService,
    private readonly faqs: FaqService,
    private readonly preview: PreviewService,
  ) {}

  register(server: Server): void {
    const admin = requireRole(this.auth, 'admin');
    const supervisor = requireRole(this.auth, 'supervisor');
    const handle = (work: RouteWork) => route(work, { cacheControl: 'no-store' });

    server.get(
      '/api/admin/translations/:lng',
      admin,
      handle(async (req) => {
        const lng = requireLang(req.params.lng);
        const layer = (req.query as Record<string, unknown> | undefined)?.layer ?? 'effective';
        if (typeof layer !== 'string' || !(LAYERS as readonly string[]).includes(layer))
          throw new ValidationError('layer', `must be one of ${LAYERS.join(', ')}`);
        const all = await this.content.translations(lng);
        return [200, layer === 'all' ? { language: lng, ...all } : all[layer as 'effective' | 'shipped' | 'overrides']];
      }),
    );
    server.put(
      '/api/admin/translations/:lng',
      admin,
      jsonBody,
      handle(async (req) => {
        const lng = requireLang(req.params.lng);
        const saved = await this.content.editTranslations(lng, req.body, principalOf(req));
        return [200, { language: lng, overrides: saved.value, versionId: versionId(saved.version) }];
      }),
    );

    server.get(
      '/api/admin/faq',
      supervisor,
      handle(async (req) => {
        const query = (req.query ?? {}) as Record<string, unknown>;
        const q = typeof query.q === 'string' ? query.q.slice(0, 200) : undefined;
        const category = typeof query.category === 'string' && query.category !== '' ? query.category : undefined;
        const active = query.active === 'true' ? true : query.active === 'false' ? false : undefined;
        return [200, { items: await this.faqs.list({ q, category, active }) }];
      }),
    );
    server.post(
      '/api/admin/faq',
      admin,
      jsonBody,
      handle(async (req) => {
        const created = await this.faqs.create(req.body, principalOf(req));
        await this.content.applied('faq');
        return [201, { ...created.entry, versionId: created.version.id }];
      }),
    );
    server.get(
      '/api/admin/faq/:id',
      supervisor,
      handle(async (req) => [200, await this.faqs.get(requireId(req.params.id))]),
    );
    server.put(
      '/api/admin/faq/:id',
      supervisor,
      jsonBody,
      handle(async (req) => {
        const updated = await this.faqs.update(requireId(req.params.id), req.body, principalOf(req));
        if (updated.version) await this.content.applied('faq');
        return [200, { ...updated.entry, versionId: versionId(updated.version) }];
      }),
    );
    server.del(
      '/api/admin/faq/:id',
      admin,
      handle(async (req) => {
        const id = requireId(req.params.id);
        const version = await this.faqs.remove(id, principalOf(req));
        await this.content.applied('faq');
        return [200, { deleted: id, versionId: version.id }];
      }),
    );

    server.get(
      '/api/admin/menu',
      admin,
      handle(async () => [200, { menus: await this.content.menus() }]),
    );
    server.put(
      '/api/admin/menu',
      admin,
      jsonBody,
      handle(async (req) => {
        const body = bodyOf(req);
        const menus = isPlainObject(body) && 'menus' in body ? body.menus : body;
        const saved = await this.content.saveMenus(menus, principalOf(req));
        return [200, { menus: saved.value, versionId: versionId(saved.version) }];
      }),
    );

    server.get(
      '/api/admin/settings',
      admin,
      handle(async () => [200, { settings: await this.content.settings() }]),
    );
    server.put(
      '/api/admin/settings',
      admin,
      jsonBody,
      handle(async (req) => {
        const body = bodyOf(req);
        const edit =
          isPlainObject(body) && Object.keys(body).length === 1 && isPlainObject(body.settings) ? body.settings : body;
        const saved = await this.content.saveSettings(edit, principalOf(req));
        return [200, { settings: saved.value, versionId: versionId(saved.version) }];
      }),
    );

    server.get(
      '/api/admin/history',
      admin,
      handle(async (req) => {
        const query = (req.query ?? {}) as Record<string, unknown>;
        const kind = requireKind(query.kind);
        const target =
          typeof query.target === 'string' && query.target !== '' ? requireId(query.target, 'target') : undefined;
        const limit = query.limit === undefined ? undefined : Number(query.limit);
        return [
          200,
          { items: await this.content.history({ kind, target, limit: Number.isFinite(limit) ? limit : undefined }) },
        ];
      }),
    );
    server.get(
      '/api/admin/history/:versionId',
      admin,
      handle(async (req) => [200, await this.content.version(requireId(req.params.versionId, 'versionId'))]),
    );
    server.post(
      '/api/admin/history/:versionId/rollback',
      admin,
      jsonBody,
      handle(async (req) => {
        const body = bodyOf(req);
        const to = isPlainObject(body) && body.to !== undefined ? body.to : 'before';
        if (to !== 'before' && to !== 'after')
          throw new ValidationError('to', 'must be "before" (undo this change) or "after" (restore its result)');
        const result = await this.content.rollback(
          requireId(req.params.versionId, 'versionId'),
          principalOf(req),
          to as RollbackTo,
        );
        return [
          200,
          {
            kind: result.kind,
            target: result.target,
            versionId: versionId(result.version),
            version: result.version ?? null,
          },
        ];
      }),
    );

    server.post(
      '/api/admin/preview',
      admin,
      jsonBody,
      handle(async (req) => [200, await this.preview.run(req.body)]),
    );
  }
}
