import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

forEachDatabase((dialect) => {
  describe('cross-cutting HTTP behaviour', () => {
    const t = useTestApp(dialect, { env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '4' } });

    it('echoes a client x-request-id and makes one otherwise', async () => {
      const echoed = await t().request('GET', '/healthz', { key: null, headers: { 'x-request-id': 'client-abc.123' } });
      expect(echoed.headers['x-request-id']).toBe('client-abc.123');
      const made = await t().request('GET', '/healthz', { key: null, headers: { 'x-request-id': 'bad id with spaces' } });
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers unknown API routes with the error body', async () => {
      const res = await t().request('GET', '/api/v1/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.body).toMatchObject({ code: 'not_found', issues: [], request_id: res.headers['x-request-id'] });
    });

    it('explains a malformed URL with 400 bad_request, not a body error', async () => {
      const res = await t().request('GET', '/api/v1/evaluation-templates/%E0%A4%A');
      expect(res.statusCode).toBe(400);
      expect(res.body.code).not.toBe('internal_error');
      expect(res.body.error).not.toContain('body');
      expect(res.body.code).toBe('bad_request');
    });

    it('limits body size with 413 and rejects __proto__ keys with 400', async () => {
      const big = await t().request('POST', '/api/v1/evaluation-templates', {
        key: (await t().createKey(['evaluation_templates.write'])),
        body: { template_name: 'x', description: 'y'.repeat(1024 * 1024 + 10) },
      });
      expect(big.statusCode).toBe(413);
      expect(big.body.code).toBe('payload_too_large');
      const proto = await t().request('POST', '/api/v1/evaluation-templates', {
        key: (await t().createKey(['evaluation_templates.write'])),
        body: '{"template_name":"x","__proto__":{"admin":true}}',
        headers: { 'content-type': 'application/json' },
      });
      expect(proto.statusCode).toBe(400);
      expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
    });

    it('rate-limits per key with RateLimit headers, then 429 with Retry-After', async () => {
      const key = await t().createKey(['evaluation_templates.read']);
      const otherKey = await t().createKey(['evaluation_templates.read']);
      const first = await t().request('GET', '/api/v1/evaluation-templates', { key });
      expect(first.headers['ratelimit-limit']).toBe('4');
      expect(first.headers['ratelimit-remaining']).toBe('3');
      expect(first.headers['ratelimit-reset']).toEqual(expect.any(String));
      let last = first;
      for (let i = 0; i < 6 && last.statusCode !== 429; i += 1) {
        last = await t().request('GET', '/api/v1/evaluation-templates', { key });
      }
      expect(last.statusCode).toBe(429);
      expect(last.body.code).toBe('rate_limited');
      expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      const unaffected = await t().request('GET', '/api/v1/evaluation-templates', { key: otherKey });
      expect(unaffected.statusCode).toBe(200);
    });

    it('serves health, readiness and Prometheus metrics', async () => {
      expect((await t().request('GET', '/healthz', { key: null })).body).toEqual({ status: 'ok' });
      expect((await t().request('GET', '/readyz', { key: null })).body).toEqual({ status: 'ready' });
      const metrics = await t().request('GET', '/metrics', { key: null });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('docket_http_requests_total');
      expect(metrics.body).toContain('route="/healthz"');
    });

    it('counts each request in the Prometheus text: by status, and its duration in a histogram', async () => {
      const text = async () => String((await t().request('GET', '/metrics', { key: null })).body);
      const value = (body: string, line: string) => {
        const found = body.split('\n').find((l) => l.startsWith(`${line} `));
        return found === undefined ? 0 : Number(found.slice(line.length + 1));
      };
      const ok = 'docket_http_requests_total{method="GET",route="/api/v1/participants/:id",status="200"}';
      const missing = 'docket_http_requests_total{method="GET",route="/api/v1/participants/:id",status="404"}';
      const labels = 'method="GET",route="/api/v1/participants/:id"';
      // A key of its own: this file's rate limit allows a burst of 4 requests per key.
      const key = await t().createKey(['candidates.read', 'candidates.write']);
      const before = await text();
      const created = await t().request('POST', '/api/v1/participants', { key, body: { name: 'Metered', email: 'metered@example.com' } });
      const id = (created.body as { data: { id: string } }).data.id;
      for (let i = 0; i < 2; i += 1) expect((await t().request('GET', `/api/v1/participants/${id}`, { key })).statusCode).toBe(200);
      expect((await t().request('GET', '/api/v1/participants/0190b6a0-0000-7000-8000-00000000dead', { key })).statusCode).toBe(404);
      const after = await text();
      expect(after).toContain('# TYPE docket_http_requests_total counter');
      expect(after).toContain('# TYPE docket_http_request_duration_seconds histogram');
      expect(value(after, ok) - value(before, ok)).toBe(2);
      expect(value(after, missing) - value(before, missing)).toBe(1);
      const count = `docket_http_request_duration_seconds_count{${labels}}`;
      const inf = `docket_http_request_duration_seconds_bucket{${labels},le="+Inf"}`;
      expect(value(after, count) - value(before, count)).toBe(3);
      expect(value(after, inf)).toBe(value(after, count));
      // Buckets are cumulative: never decreasing up to +Inf.
      const buckets = after.split('\n').filter((l) => l.startsWith(`docket_http_request_duration_seconds_bucket{${labels},`)).map((l) => Number(l.split(' ')[1]));
      expect(buckets).toHaveLength(13);
      expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
      expect(value(after, `docket_http_request_duration_seconds_sum{${labels}}`)).toBeGreaterThan(0);
    });

    it('publishes a valid OpenAPI 3.1 document covering the API, and the /docs page', async () => {
      const res = await t().request('GET', '/api/v1/openapi.json', { key: null });
      expect(res.statusCode).toBe(200);
      const validator = new Validator();
      const result = await validator.validate(res.body);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toBe('3.1');
      const paths = Object.keys(res.body.paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/v1/evaluation-templates',
          '/api/v1/evaluation-templates/{id}',
          '/api/v1/evaluation-templates/{id}/stages',
          '/api/v1/evaluation-stages/{id}',
          '/api/v1/api-keys',
          '/api/v1/members',
          '/api/auth/login',
        ]),
      );
      expect(paths).not.toContain('/healthz');
      expect(res.body.paths['/api/v1/evaluation-templates'].post.security).toEqual([{ apiKey: [] }, { dashboardSession: [] }]);
      const docs = await t().request('GET', '/docs/', { key: null });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain('<html');
    });
  });
});
