import { once } from 'node:events';
import type { Request, Response, Server } from 'restify';
import type { AuthService } from '../../services/auth/authService';
import { csvLine } from '../../services/reports/csv';
import { HANDOFF_CSV_COLUMNS, HandoffRows } from '../../services/reports/handoffRows';
import { reportPeriod } from '../../services/reports/reportPeriod';
import type { ReportService } from '../../services/reports/reportService';
import { answering } from '../errorPolicy';
import { route, RouteModule } from '../server';
import { requireRole } from './authRoutes';

/**
 * Supervisor reports: GET /api/reports/summary?from&to (JSON figures) and
 * GET /api/reports/handoffs.csv?from&to (one row per handoff, masked). Supervisors and admins.
 */
export class ReportRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly reports: ReportService,
    private readonly handoffRows: HandoffRows,
  ) {}

  register(server: Server): void {
    const supervisor = requireRole(this.auth, 'supervisor');
    server.get(
      '/api/reports/summary',
      supervisor,
      route(async (req) => [200, await this.reports.summary(reportPeriod(req.query ?? {}))], {
        cacheControl: 'no-store',
      }),
    );
    server.get(
      '/api/reports/handoffs.csv',
      supervisor,
      answering(async (req: Request, res: Response) => {
        const period = reportPeriod(req.query ?? {});
        const rows = this.handoffRows.rows(period);
        // The first row is read before anything is sent, so a database that is away still gets
        // the error policy's answer rather than a file cut short.
        const first = await rows.next();
        const day = (d: Date) => d.toISOString().slice(0, 10);
        res.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="handoffs-${day(period.from)}-${day(period.to)}.csv"`,
          'Cache-Control': 'no-store',
        });
        // The byte order mark makes spreadsheet programs read the umlauts as UTF-8.
        res.write(`\uFEFF${csvLine(HANDOFF_CSV_COLUMNS)}`);
        try {
          for (let next = first; !next.done; next = await rows.next()) {
            if (!res.write(csvLine(next.value))) await once(res, 'drain');
          }
        } catch (err) {
          // The status line is out: the only honest answer left is a broken download, never a
          // file that looks complete. The access log records the failure.
          res.destroy(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        res.end();
      }),
    );
  }
}
