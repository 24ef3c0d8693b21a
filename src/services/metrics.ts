import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

/** Prometheus metrics of this process; one registry per process (and per test app). */
export class Metrics {
  readonly registry = new Registry();
  readonly turns: Counter<'channel' | 'outcome'>;
  readonly turnDuration: Histogram<'channel'>;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly databaseUp: Gauge;

  constructor(collectDefaults = true) {
    if (collectDefaults) collectDefaultMetrics({ register: this.registry, prefix: 'lotse_' });
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
    this.databaseUp = new Gauge({
      name: 'lotse_database_up',
      help: '1 while MongoDB answers',
      registers: [this.registry],
    });
  }
}
