/** GET /api/reports/summary (see docs/ARCHITECTURE.md and the README's "Reports"). */
export interface ReportSummary {
  from: string;
  to: string;
  conversations: number;
  handoffs: number;
  handoffRate: number | null;
  abandoned: number;
  abandonmentRate: number | null;
  waitSeconds: { p50: number | null; p90: number | null; max: number | null };
  handleSeconds: { p50: number | null };
  csat: { average: number | null; count: number };
  byCategory: Record<string, { handoffs: number; abandoned: number }>;
  byDay: { date: string; conversations: number; handoffs: number; abandoned: number }[];
}
