import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirstRunConfig } from '../src/config/config.js';
import { ensureFirstRun } from '../src/modules/accounts/first-run.js';
import { forEachDatabase } from './helpers/databases.js';
import { createTestApp, disposeTestApp, type TestApp } from './helpers/test-app.js';

const NONE: FirstRunConfig = { accountSlug: undefined, accountName: undefined, adminEmail: undefined, adminPassword: undefined, apiKey: undefined };

forEachDatabase((dialect) => {
  describe('first run', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      // Start from an empty database, as a fresh install does.
      await t.db.handle.db.deleteFrom('accounts').execute();
      await t.db.handle.db.deleteFrom('users').execute();
    });
    afterAll(async () => {
      await disposeTestApp(t);
    });

    it('creates a demo account, owner and key once on an empty database, and the key works', async () => {
      const deps = { accounts: t.services.accounts, apiKeys: t.services.apiKeys, publicUrl: 'http://localhost:3000' };
      const report = await ensureFirstRun(deps, NONE);
      const text = report.lines.join('\n');
      expect(text).toContain('admin@localhost');
      const password = /with password: (\S+)/.exec(text)?.[1];
      const key = /(iv_live_[A-Za-z0-9]+)/.exec(text)?.[1];
      expect(password).toBeDefined();
      expect(key).toBeDefined();
      const list = await t.request('GET', '/api/v1/evaluation-templates', { key: key ?? null, query: { accountSlug: 'demo' } });
      expect(list.statusCode).toBe(200);
      // The demo account comes with the starter agent profiles.
      const profiles = await t.request('GET', '/api/v1/agent-profiles', { key: key ?? null });
      expect(profiles.body.meta.total).toBe(4);
      const session = await t.signIn('admin@localhost', password ?? '');
      expect(session.csrf).toEqual(expect.any(String));

      const again = await ensureFirstRun(deps, NONE);
      expect(again.lines).toEqual([]);
    });

    it('installs what DOCKET_* names, idempotently', async () => {
      const deps = { accounts: t.services.accounts, apiKeys: t.services.apiKeys, publicUrl: 'http://localhost:3000' };
      const env: FirstRunConfig = {
        accountSlug: 'talent-team',
        accountName: 'Talent Team',
        adminEmail: 'ops@example.test',
        adminPassword: 'a strong password',
        apiKey: `iv_live_${'A1b2C3d4'.repeat(5)}`,
      };
      const first = await ensureFirstRun(deps, env);
      expect(first.lines.join('\n')).toContain('talent-team');
      expect(first.lines.join('\n')).not.toContain('a strong password');
      const second = await ensureFirstRun(deps, env);
      expect(second.lines).toEqual([]);
      const accounts = await t.db.handle.db.selectFrom('accounts').select('slug').where('slug', '=', 'talent-team').execute();
      expect(accounts).toHaveLength(1);
      const keys = await t.db.handle.db.selectFrom('api_keys').select('id').where('prefix', '=', env.apiKey?.slice(0, 12) ?? '').execute();
      expect(keys).toHaveLength(1);
      const res = await t.request('GET', '/api/v1/evaluation-templates', { key: env.apiKey ?? null, query: { accountSlug: 'talent-team' } });
      expect(res.statusCode).toBe(200);
      await t.signIn('ops@example.test', 'a strong password');
    });
  });
});
