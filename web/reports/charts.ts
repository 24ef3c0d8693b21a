/*
 * The two charts of the reports page, drawn with chart.js (bundled from node_modules at build time:
 * nothing is loaded from elsewhere). Only the parts used are registered, which keeps the bundle small.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ReportSummary } from './types';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const COLORS = { conversations: '#8a8fd6', handoffs: '#4b53bc', abandoned: '#b3261e' };

export interface ChartTexts {
  conversations: string;
  handoffs: string;
  abandoned: string;
  category(id: string): string;
  day(date: string): string;
}

/** Draws (or redraws) both charts for a summary. */
export class ReportCharts {
  private days?: Chart;
  private categories?: Chart;

  constructor(
    private readonly daysCanvas: HTMLCanvasElement,
    private readonly categoriesCanvas: HTMLCanvasElement,
  ) {}

  show(summary: ReportSummary, texts: ChartTexts): void {
    this.days?.destroy();
    this.categories?.destroy();
    const common = { responsive: true, maintainAspectRatio: false, animation: false as const };
    const countAxis = { beginAtZero: true, ticks: { precision: 0 } };
    this.days = new Chart(this.daysCanvas, {
      type: 'bar',
      data: {
        labels: summary.byDay.map((d) => texts.day(d.date)),
        datasets: [
          {
            type: 'line',
            label: texts.conversations,
            data: summary.byDay.map((d) => d.conversations),
            borderColor: COLORS.conversations,
            backgroundColor: COLORS.conversations,
          },
          {
            label: texts.handoffs,
            data: summary.byDay.map((d) => d.handoffs),
            backgroundColor: COLORS.handoffs,
          },
          {
            label: texts.abandoned,
            data: summary.byDay.map((d) => d.abandoned),
            backgroundColor: COLORS.abandoned,
          },
        ],
      },
      options: { ...common, scales: { y: countAxis } },
    });
    const categories = Object.entries(summary.byCategory);
    this.categories = new Chart(this.categoriesCanvas, {
      type: 'bar',
      data: {
        labels: categories.map(([id]) => texts.category(id)),
        datasets: [
          { label: texts.handoffs, data: categories.map(([, c]) => c.handoffs), backgroundColor: COLORS.handoffs },
          { label: texts.abandoned, data: categories.map(([, c]) => c.abandoned), backgroundColor: COLORS.abandoned },
        ],
      },
      options: { ...common, indexAxis: 'y', scales: { x: countAxis } },
    });
  }
}
