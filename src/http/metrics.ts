import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

const REQUESTS = 'docket_http_requests_total';
const DURATION = 'docket_http_request_duration_seconds';
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Series {
  method: string;
  route: string;
  status: string;
  count: number;
  /** Observations per bucket (not cumulative); the last slot is +Inf. */
  buckets: number[];
  sum: number;
}

/**
 * HTTP metrics, on the context's registry (one per context: no global state between tests):
 * requests by method, route and status, and their duration by method and route.
 *
 * A request only adds to plain numbers of its series (found by one string key); the Prometheus
 * text is built when /metrics is scraped. prom-client's Counter and Histogram validate and hash
 * their label values on every call, which cost as much as the rest of a cached GET's own code.
 */
export function installMetrics(app: FastifyInstance, registry: Registry): void {
  const series = new Map<string, Series>();

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const key = `${request.method} ${status} ${route}`;
    let s = series.get(key);
    if (s === undefined) {
      s = { method: request.method, route, status: String(status), count: 0, buckets: new Array<number>(BUCKETS.length + 1).fill(0), sum: 0 };
      series.set(key, s);
    }
    const seconds = reply.elapsedTime / 1000;
    s.count += 1;
    s.sum += seconds;
    let i = 0;
    while (i < BUCKETS.length && seconds > (BUCKETS[i] as number)) i += 1;
    s.buckets[i] = (s.buckets[i] ?? 0) + 1;
    done();
  });

  const requests = (): PromValue[] =>
    [...series.values()].map((s) => ({ labels: { method: s.method, route: s.route, status: s.status }, value: s.count }));

  const durations = (): PromValue[] => {
    // Durations are by method and route: the series of each status are summed.
    const byRoute = new Map<string, { labels: Record<string, string>; buckets: number[]; sum: number; count: number }>();
    for (const s of series.values()) {
      const key = `${s.method} ${s.route}`;
      let r = byRoute.get(key);
      if (r === undefined) {
        r = { labels: { method: s.method, route: s.route }, buckets: new Array<number>(BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
        byRoute.set(key, r);
      }
      for (let i = 0; i < s.buckets.length; i += 1) r.buckets[i] = (r.buckets[i] ?? 0) + (s.buckets[i] ?? 0);
      r.sum += s.sum;
      r.count += s.count;
    }
    const values: PromValue[] = [];
    for (const r of byRoute.values()) {
      let cumulative = 0;
      r.buckets.forEach((n, i) => {
        cumulative += n;
        const le = i < BUCKETS.length ? String(BUCKETS[i]) : '+Inf';
        values.push({ metricName: `${DURATION}_bucket`, labels: { ...r.labels, le }, value: cumulative });
      });
      values.push({ metricName: `${DURATION}_sum`, labels: r.labels, value: r.sum });
      values.push({ metricName: `${DURATION}_count`, labels: r.labels, value: r.count });
    }
    return values;
  };

  register(registry, REQUESTS, 'HTTP requests by method, route and status.', 'counter', requests, () => series.clear());
  register(registry, DURATION, 'HTTP request duration by method and route.', 'histogram', durations, () => series.clear());
}

interface PromValue {
  metricName?: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric whose values are computed when scraped, in the shape prom-client's registry prints. */
function register(registry: Registry, name: string, help: string, type: 'counter' | 'histogram', values: () => PromValue[], reset: () => void): void {
  const metric = { name, help, type, get: async () => ({ name, help, type, aggregator: 'sum', values: values() }), reset };
  registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
}
