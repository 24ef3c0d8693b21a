import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

/** Seconds; from a fast API answer to a slow Bot Framework turn. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds a customer waited for an agent: from moments to an hour and more. */
const WAIT_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];

/**
 * Prometheus metrics of this process; one registry per process (and per test app). Default Node
 * metrics and the HTTP histogram carry the conventional names (no prefix), so stock dashboards
 * work; what is Lotse's own starts with `lotse_`.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly turns: Counter<'channel' | 'outcome'>;
  readonly turnDuration: Histogram<'channel'>;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly handoffsCreated: Counter<'reason' | 'category'>;
  readonly handoffWait: Histogram;
  readonly databaseUp: Gauge;
  private databaseReady: () => boolean = () => false;

  constructor(collectDefaults = true) {
    if (collectDefaults) collectDefaultMetrics({ register: this.registry });
    this.turns = new Counter({
      name: 'lotse_turns_total',
      help: 'Customer and agent turns processed, by channel and outcome',
      labelNames: ['channel', 'outcome'],
      registers: [this.registry],
    });
    this.turnDuration = new Histogram({
      name: 'lotse_turn_duration_seconds',
      help: 'Time to process one turn',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: 'lotse_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to finishing its response, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers: [this.registry],
    });
    this.handoffsCreated = new Counter({
      name: 'lotse_handoffs_created_total',
      help: 'Handoffs to a person created by this instance, by reason and category',
      labelNames: ['reason', 'category'],
      registers: [this.registry],
    });
    this.handoffWait = new Histogram({
      name: 'lotse_handoff_wait_seconds',
      help: 'Time a handoff waited until an agent claimed it (observed on claim)',
      buckets: WAIT_BUCKETS,
      registers: [this.registry],
    });
    const readiness = () => this.databaseReady();
    this.databaseUp = new Gauge({
      name: 'lotse_database_up',
      help: '1 while MongoDB answers the periodic ping, else 0',
      registers: [this.registry],
      collect() {
        this.set(readiness() ? 1 : 0);
      },
    });
  }

  /**
   * Makes lotse_database_up follow a readiness flag that a ping loop keeps current (the Database's
   * monitor pings every few seconds and stops on close), so the gauge moves without anyone calling /readyz.
   */
  followDatabase(ready: () => boolean): void {
    this.databaseReady = ready;
  }
}
