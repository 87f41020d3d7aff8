import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type Context } from '../src/context.js';
import type { DatabaseHandle } from '../src/db/database.js';
import type { App } from '../src/http/app-types.js';
import { buildApp } from '../src/http/app.js';
import { systemClock } from '../src/lib/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { loopbackLookup } from './helpers/net.js';
import { useTestApp } from './helpers/test-app.js';

/**
 * Each process remembers resolved API keys; a revocation must still be refused on the very next
 * request, in the process that revoked and in every other process sharing the database. The
 * second app here has its own connection: on PostgreSQL another pool, exactly what a second
 * `docket serve` would have; on SQLite another connection to the same file in the same process
 * (the version is counted in memory per file; a second `docket serve` on the file refuses to
 * start, see operations.test.ts).
 */
forEachDatabase((dialect) => {
  const t = useTestApp(dialect);
  let other: { database: DatabaseHandle; ctx: Context; app: App };

  beforeAll(async () => {
    const database = t().db.openAnother();
    const ctx = createContext(t().config, { database, clock: systemClock, lookup: loopbackLookup });
    const { app } = await buildApp(ctx);
    await app.ready();
    other = { database, ctx, app };
  });

  afterAll(async () => {
    await other.app.close();
    await other.ctx.close();
    await other.database.destroy();
  });

  const get = async (app: App, key: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/participants', headers: { 'x-api-key': key } })).statusCode;

  const keyId = async (secret: string) => {
    const keys = await t().services.apiKeys.list(t().account.id, { offset: 0, limit: 100 });
    const key = keys.items.find((k) => secret.startsWith(k.prefix));
    if (key === undefined) throw new Error('key not found');
    return key.id;
  };

  describe('API key cache', () => {
    it('refuses a key revoked in another process on the next request', async () => {
      const secret = await t().createKey(['candidates.read']);
      // Both processes have resolved (and remembered) the key.
      expect(await get(t().app, secret)).toBe(200);
      expect(await get(other.app, secret)).toBe(200);
      expect(await get(t().app, secret)).toBe(200);

      const revoked = await other.ctx.services.apiKeys.revoke(t().account.id, await keyId(secret));
      expect(revoked.revoked_at).toEqual(expect.any(String));

      expect(await get(t().app, secret)).toBe(401);
      expect(await get(other.app, secret)).toBe(401);
    });

    it('refuses a key revoked in this process on the next request, and keeps other keys working', async () => {
      const revokedSecret = await t().createKey(['candidates.read']);
      const keptSecret = await t().createKey(['candidates.read']);
      expect(await get(t().app, revokedSecret)).toBe(200);
      expect(await get(t().app, keptSecret)).toBe(200);
      expect(await get(other.app, keptSecret)).toBe(200);

      await t().services.apiKeys.revoke(t().account.id, await keyId(revokedSecret));

      expect(await get(t().app, revokedSecret)).toBe(401);
      expect(await get(other.app, revokedSecret)).toBe(401);
      expect(await get(t().app, keptSecret)).toBe(200);
      expect(await get(other.app, keptSecret)).toBe(200);
    });

    it('does not remember unknown secrets: a key installed later works at once', async () => {
      const secret = `iv_live_${'Q'.repeat(40)}`;
      expect(await get(t().app, secret)).toBe(401);
      const { created } = await other.ctx.services.apiKeys.create(t().account.id, { name: 'installed', secret });
      expect(created).toBe(true);
      expect(await get(t().app, secret)).toBe(200);
    });

    it('sees an account renamed in another process on the next request', async () => {
      const secret = await t().createKey(['candidates.read']);
      const before = await t().services.apiKeys.authenticate(secret);
      expect(before?.account.name).toBe('Team acme');
      await other.ctx.services.accounts.renameAccount(t().account.id, 'Renamed elsewhere');
      const after = await t().services.apiKeys.authenticate(secret);
      expect(after?.account.name).toBe('Renamed elsewhere');
      await t().services.accounts.renameAccount(t().account.id, 'Team acme');
      expect((await other.ctx.services.apiKeys.authenticate(secret))?.account.name).toBe('Team acme');
    });

    it('still records when a remembered key was last used', async () => {
      const secret = await t().createKey(['candidates.read']);
      expect(await get(t().app, secret)).toBe(200);
      const keys = await t().services.apiKeys.list(t().account.id, { offset: 0, limit: 100 });
      const key = keys.items.find((k) => secret.startsWith(k.prefix));
      expect(key?.last_used_at).toEqual(expect.any(String));
    });
  });
});
