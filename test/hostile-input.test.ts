import { errorCodes } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toAppError } from '../src/http/error-handler.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type JsonResponse } from './helpers/test-app.js';

/**
 * Inputs that used to answer 500 (each reproduced against the code before this file): every one
 * must now get a 4xx with the standard error body, write nothing, and behave the same on SQLite
 * and PostgreSQL.
 */

const PARTICIPANTS = '/api/v1/participants';
const TEMPLATES = '/api/v1/evaluation-templates';
const JSON_TYPE = { 'content-type': 'application/json' };

function expectClientError(res: JsonResponse, status: number, code?: string): void {
  expect(res.statusCode, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ error: expect.any(String), issues: expect.any(Array), request_id: res.headers['x-request-id'] });
  if (code !== undefined) expect(res.body.code).toBe(code);
}

function cursorOf(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** 8,000 nested arrays: about 16 KB of body. */
const DEEP = `${'['.repeat(8000)}${']'.repeat(8000)}`;

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  async function participantCount(): Promise<number> {
    const res = await t().request('GET', PARTICIPANTS, { query: { pageSize: 1 } });
    return Number(res.body.meta.total);
  }

  describe('deep nesting', () => {
    it('refuses a body nested deeper than 32 levels with 400, before any recursive step, also without authentication', async () => {
      const before = await participantCount();
      for (const field of ['metadata', 'profile', 'tags']) {
        const body = `{"name":"Deep","email":"deep@example.com","${field}":${DEEP}}`;
        expect(body.length).toBeGreaterThan(16_000);
        expectClientError(await t().request('POST', PARTICIPANTS, { body, headers: JSON_TYPE }), 400, 'invalid_json');
      }
      const login = await t().request('POST', '/api/auth/login', { key: null, body: `{"email":${DEEP},"password":"x"}`, headers: JSON_TYPE });
      expectClientError(login, 400, 'invalid_json');
      const bulk = await t().request('POST', `${PARTICIPANTS}/bulk`, { body: `{"participants":[${DEEP}]}`, headers: JSON_TYPE });
      expectClientError(bulk, 400, 'invalid_json');
      expect(await participantCount()).toBe(before);
    });

    it('accepts 32 levels, and brackets inside strings do not count', async () => {
      const nested = `${'['.repeat(30)}${']'.repeat(30)}`;
      // Body (1) → bulk array (2) → item (3) → tags: 30 more levels would be 33.
      const tooDeep = await t().request('POST', `${PARTICIPANTS}/bulk`, { body: `{"participants":[{"tags":${nested}}]}`, headers: JSON_TYPE });
      expectClientError(tooDeep, 400, 'invalid_json');
      const fits = await t().request('POST', `${PARTICIPANTS}/bulk`, {
        body: `{"participants":[{"tags":${'['.repeat(29)}${']'.repeat(29)}}]}`,
        headers: JSON_TYPE,
      });
      expect(fits.statusCode).toBe(200);
      expect(fits.body.data.failed).toBe(1);
      const bracketsInText = await t().request('POST', PARTICIPANTS, {
        body: { name: `Brackets ${'['.repeat(100)}`, email: 'brackets@example.com', metadata: { note: '{'.repeat(200) } },
      });
      expect(bracketsInText.statusCode).toBe(201);
    });
  });

  describe('NUL and invalid text', () => {
    it('refuses NUL in any body text with 400 naming the field, on both databases alike', async () => {
      const template = await t().request('POST', TEMPLATES, { body: { template_name: 'T', description: 'a\u0000b' } });
      expectClientError(template, 400, 'validation_failed');
      expect(template.body.issues).toEqual([expect.objectContaining({ path: 'description', code: 'invalid_characters' })]);
      const inKey = await t().request('POST', PARTICIPANTS, { body: { name: 'N', email: 'n@example.com', metadata: { 'k\u0000': 'v' } } });
      expectClientError(inKey, 400, 'validation_failed');
      const login = await t().request('POST', '/api/auth/login', { key: null, body: { email: 'a\u0000b@example.com', password: 'x' } });
      expectClientError(login, 400, 'validation_failed');
      const names = await t().request('GET', TEMPLATES, { query: { pageSize: 100 } });
      expect(JSON.stringify(names.body)).not.toContain('\\u0000');
    });

    it('refuses unpaired surrogates, which JSON allows but text is not', async () => {
      for (const body of ['{"template_name":"a\\ud800b"}', '{"template_name":"a\\udc00"}', '{"template_name":"ok","description":"\\udfff\\ud800"}']) {
        expectClientError(await t().request('POST', TEMPLATES, { body, headers: JSON_TYPE }), 400, 'validation_failed');
      }
      // A proper pair (an emoji written as escapes) is text.
      const paired = await t().request('POST', TEMPLATES, { body: '{"template_name":"Rocket \\ud83d\\ude80"}', headers: JSON_TYPE });
      expect(paired.statusCode).toBe(201);
      expect(paired.body.data.template_name).toBe('Rocket 🚀');
    });

    it('refuses NUL in every filter and path parameter with 400', async () => {
      for (const filter of ['email', 'external_id', 'tag', 'q']) {
        expectClientError(await t().request('GET', `${PARTICIPANTS}?${filter}=%00`), 400, 'validation_failed');
        expectClientError(await t().request('GET', `${PARTICIPANTS}/export?${filter}=a%00b`), 400, 'validation_failed');
      }
      expectClientError(await t().request('GET', `${TEMPLATES}?q=%00`), 400, 'validation_failed');
      expectClientError(await t().request('GET', `${PARTICIPANTS}?accountSlug=%00`), 400, 'validation_failed');
      expectClientError(await t().request('GET', `${PARTICIPANTS}/%00`), 400, 'validation_failed');
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      expectClientError(await t().asUser(session, 'GET', `${PARTICIPANTS}?accountSlug=a%00b`), 400, 'validation_failed');
    });

    it('refuses a CSV import holding NUL (a UTF-16 file, say) with 400 naming the line, nothing written', async () => {
      const before = await participantCount();
      const csv = 'name,email,template_name\r\nFine,fine@example.com,\r\nNul,nul@example.com,Eng\u0000ineering\r\n';
      const res = await t().request('POST', `${PARTICIPANTS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } });
      expectClientError(res, 400, 'invalid_csv');
      expect(res.body.line).toBe(3);
      expect(await participantCount()).toBe(before);
    });
  });

  describe('CSV files', () => {
    it('refuses a quote inside an unquoted field with 400 naming the line (the parser reports it under a code of its own)', async () => {
      for (const [csv, line] of [
        ['{"template_name":"  Typed  "}', 1],
        ['name,email\r\nJane "JJ" Smith,jane@example.com\r\n', 2],
      ] as const) {
        const res = await t().request('POST', `${PARTICIPANTS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } });
        expectClientError(res, 400, 'invalid_csv');
        expect(res.body.line).toBe(line);
      }
    });
  });

  describe('timestamps', () => {
    it('answers 400 for date-times the format allows but Date cannot hold (list and export)', async () => {
      for (const value of ['2016-12-31T23:59:60Z', '2026-02-31T00:00:00Z', '2026-01-01T24:00:00Z']) {
        for (const url of [PARTICIPANTS, `${PARTICIPANTS}/export`]) {
          for (const filter of ['created_after', 'created_before', 'updated_after']) {
            const res = await t().request('GET', url, { query: { [filter]: value } });
            expectClientError(res, 400, 'validation_failed');
            expect(res.body.issues[0].path).toBe(filter);
          }
        }
      }
      const valid = await t().request('GET', PARTICIPANTS, { query: { created_after: '2016-12-31T23:59:59+01:00' } });
      expect(valid.statusCode).toBe(200);
    });
  });

  describe('forged cursors', () => {
    it('answers 400 invalid_cursor for a cursor whose filters or key do not fit the query schema', async () => {
      const forged = [
        { v: 1, f: { tag: 'abc' }, k: ['a', 'b'] },
        { v: 1, f: { tag: ['abc'] }, k: ['a', 'b'] },
        { v: 1, f: { q: {} }, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: { created_after: {} }, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: { email: ['a'] }, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: { email: 'a\u0000b' }, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: {}, k: ['a\u0000', 'b'] },
        { v: 1, f: {}, k: ['2026-01-01T00:00:00.000Z\u0000', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: {}, k: ['2016-12-31T23:59:60Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: { unknown_filter: 'x' }, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: { status: 'deleted' }, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 2, f: {}, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        { v: 1, f: {}, k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000', 'extra'] },
        { v: 1, f: [], k: ['2026-01-01T00:00:00.000Z', '0190b6a0-0000-7000-8000-000000000000'] },
        [],
        null,
        'text',
      ];
      for (const payload of forged) {
        const res = await t().request('GET', PARTICIPANTS, { query: { cursor: cursorOf(payload) } });
        expect.soft(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect.soft(res.body.code, JSON.stringify(payload)).toBe('invalid_cursor');
      }
      for (const payload of [{ v: 1, f: { q: {} }, k: ['a', 'b'] }, { v: 1, f: { status: 1 }, k: ['a', 'b'] }]) {
        expectClientError(await t().request('GET', TEMPLATES, { query: { cursor: cursorOf(payload) } }), 400, 'invalid_cursor');
        expectClientError(await t().request('GET', '/api/v1/outbox', { query: { cursor: cursorOf(payload) } }), 400, 'invalid_cursor');
      }
      // A cursor the API issued still works.
      await t().request('POST', PARTICIPANTS, { body: { name: 'Cursor One', email: 'cursor1@example.com', tags: ['Paged'] } });
      await t().request('POST', PARTICIPANTS, { body: { name: 'Cursor Two', email: 'cursor2@example.com', tags: ['paged'] } });
      const first = await t().request('GET', PARTICIPANTS, { query: { limit: 1, tag: 'PAGED', created_after: '2000-01-01T00:00:00+02:00' } });
      expect(first.body.meta.next_cursor).toEqual(expect.any(String));
      const second = await t().request('GET', PARTICIPANTS, { query: { limit: 1, cursor: first.body.meta.next_cursor } });
      expect(second.statusCode).toBe(200);
      expect(second.body.data).toHaveLength(1);
    });
  });

  describe('framework errors', () => {
    it('answers a path id longer than 100 characters with 414, not 500', async () => {
      for (const url of [`${PARTICIPANTS}/${'a'.repeat(101)}`, `${TEMPLATES}/${'9'.repeat(500)}/stages`]) {
        expectClientError(await t().request('GET', url), 414, 'uri_too_long');
      }
    });

    it('maps every error Fastify can raise with a client status to a client status, in the one error mapper', () => {
      let checked = 0;
      for (const [name, make] of Object.entries(errorCodes)) {
        const error = new (make as unknown as new (...args: string[]) => Error & { statusCode?: number })('a', 'b', 'c');
        const status = error.statusCode ?? 500;
        if (status < 400 || (status >= 500 && name !== 'FST_ERR_HANDLER_TIMEOUT')) continue;
        const mapped = toAppError(error);
        expect(mapped, name).toBeDefined();
        if (status < 500) expect(mapped?.status, name).toBe(status);
        else expect(mapped?.status, name).toBe(503);
        checked += 1;
      }
      expect(checked).toBeGreaterThanOrEqual(10);
    });
  });

  describe('content types', () => {
    it('trims bodies whatever the casing and parameters of the JSON media type', async () => {
      for (const type of ['Application/JSON', 'APPLICATION/JSON; charset=UTF-8', 'application/json;charset=utf-8']) {
        const blank = await t().request('POST', TEMPLATES, { body: '{"template_name":"   "}', headers: { 'content-type': type } });
        expectClientError(blank, 400, 'validation_failed');
        expect(blank.body.issues[0].path).toBe('template_name');
        const padded = await t().request('POST', TEMPLATES, { body: '{"template_name":"  Padded  "}', headers: { 'content-type': type } });
        expect(padded.statusCode).toBe(201);
        expect(padded.body.data.template_name).toBe('Padded');
      }
    });

    it('answers text/plain and other non-JSON bodies on JSON routes with 415', async () => {
      for (const type of ['text/plain', 'Text/Plain; charset=utf-8', 'application/x-www-form-urlencoded', 'application/jsonx', 'text/csv']) {
        const res = await t().request('POST', TEMPLATES, { body: '{"template_name":"x"}', headers: { 'content-type': type } });
        expectClientError(res, 415, 'unsupported_media_type');
      }
      const login = await t().request('POST', '/api/auth/login', { key: null, body: '{"email":"a@b.co","password":"x"}', headers: { 'content-type': 'text/plain' } });
      expectClientError(login, 415, 'unsupported_media_type');
    });
  });
});
