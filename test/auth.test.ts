import { describe, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  describe('dashboard sign-in', () => {
    it('refuses a wrong password, signs in with the right one and sets a safe cookie', async () => {
      const { email, password } = t().account.owner;
      const wrong = await t().request('POST', '/api/auth/login', { key: null, body: { email, password: 'nope nope' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body.code).toBe('invalid_credentials');
      const unknown = await t().request('POST', '/api/auth/login', { key: null, body: { email: 'ghost@example.test', password } });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.body.error).toBe(wrong.body.error);

      const ok = await t().request('POST', '/api/auth/login', { key: null, body: { email: email.toUpperCase(), password } });
      expect(ok.statusCode).toBe(200);
      const cookie = ok.cookies.find((c) => c.name === 'docket_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(ok.body.data.accounts).toEqual([expect.objectContaining({ slug: t().account.slug, role: 'owner' })]);
      expect(ok.body.data.csrf_token).toEqual(expect.any(String));
    });

    it('serves /me with the session, and logs out (needs CSRF); the session then ends', async () => {
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      const me = await t().request('GET', '/api/auth/me', { key: null, headers: { cookie: session.cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.body.data.user.email).toBe(t().account.owner.email);
      const noCsrf = await t().request('POST', '/api/auth/logout', { key: null, headers: { cookie: session.cookie } });
      expect(noCsrf.statusCode).toBe(403);
      const out = await t().asUser(session, 'POST', '/api/auth/logout');
      expect(out.statusCode).toBe(204);
      const after = await t().request('GET', '/api/auth/me', { key: null, headers: { cookie: session.cookie } });
      expect(after.statusCode).toBe(401);
      const api = await t().asUser(session, 'GET', '/api/v1/evaluation-templates', { query: { accountSlug: t().account.slug } });
      expect(api.statusCode).toBe(401);
    });

    it('throttles repeated failures with 429 and Retry-After', async () => {
      const user = await t().createUser('member');
      let last = await t().request('POST', '/api/auth/login', { key: null, body: { email: user.email, password: 'wrong password' } });
      for (let i = 0; i < 10; i += 1) {
        last = await t().request('POST', '/api/auth/login', { key: null, body: { email: user.email, password: 'wrong password' } });
      }
      expect(last.statusCode).toBe(429);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      const evenRight = await t().request('POST', '/api/auth/login', { key: null, body: { email: user.email, password: user.password } });
      expect(evenRight.statusCode).toBe(429);
    });

    it('works the API with the cookie and accountSlug', async () => {
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      const created = await t().asUser(session, 'POST', '/api/v1/evaluation-templates', {
        query: { accountSlug: t().account.slug },
        body: { template_name: 'From the dashboard' },
      });
      expect(created.statusCode).toBe(201);
    });
  });

  describe('API keys', () => {
    it('creates (secret once), lists with prefix, records use, and revokes effective on the next request', async () => {
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      const slug = { accountSlug: t().account.slug };
      const created = await t().asUser(session, 'POST', '/api/v1/api-keys', {
        query: slug,
        body: { name: 'ATS sync', scopes: ['candidates.read', 'evaluation_templates.read'] },
      });
      expect(created.statusCode).toBe(201);
      const secret: string = created.body.data.secret;
      expect(secret).toMatch(/^iv_live_[A-Za-z0-9]{32,}$/);
      expect(created.body.data).toMatchObject({ name: 'ATS sync', prefix: secret.slice(0, 12), last_used_at: null, revoked_at: null });
      expect(created.body.data.scopes).toEqual(['candidates.read', 'evaluation_templates.read']);

      const stored = await t().db.handle.db.selectFrom('api_keys').selectAll().where('id', '=', created.body.data.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(secret);

      const used = await t().request('GET', '/api/v1/evaluation-templates', { key: secret });
      expect(used.statusCode).toBe(200);
      const write = await t().request('POST', '/api/v1/evaluation-templates', { key: secret, body: { template_name: 'x' } });
      expect(write.statusCode).toBe(403);
      expect(write.body.error).toContain('evaluation_templates.write');

      const list = await t().asUser(session, 'GET', '/api/v1/api-keys', { query: slug });
      const listed = list.body.data.find((k: { id: string }) => k.id === created.body.data.id);
      expect(listed.secret).toBeUndefined();
      expect(listed.last_used_at).toEqual(expect.any(String));
      expect(JSON.stringify(list.body)).not.toContain(secret);

      const revoked = await t().asUser(session, 'POST', `/api/v1/api-keys/${created.body.data.id}/revoke`, { query: slug });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.body.data.revoked_at).toEqual(expect.any(String));
      const after = await t().request('GET', '/api/v1/evaluation-templates', { key: secret });
      expect(after.statusCode).toBe(401);
    });

    it('gives all scopes to a key created without a choice and refuses unknown scopes', async () => {
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      const slug = { accountSlug: t().account.slug };
      const all = await t().asUser(session, 'POST', '/api/v1/api-keys', { query: slug, body: { name: 'All' } });
      expect(all.body.data.scopes).toHaveLength(9);
      const bad = await t().asUser(session, 'POST', '/api/v1/api-keys', { query: slug, body: { name: 'Bad', scopes: ['candidates.admin'] } });
      expect(bad.statusCode).toBe(400);
      expect(bad.body.issues[0].path).toBe('scopes.0');
    });
  });

  describe('members', () => {
    it('adds a new user, changes the role, protects the last owner and removes', async () => {
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      const slug = { accountSlug: t().account.slug };
      const email = `new-${dialect}@example.test`;
      const added = await t().asUser(session, 'POST', '/api/v1/members', {
        query: slug,
        body: { email, name: 'New Person', password: 'initial password', role: 'viewer' },
      });
      expect(added.statusCode).toBe(201);
      expect(added.body.data).toMatchObject({ email, role: 'viewer', name: 'New Person' });
      const again = await t().asUser(session, 'POST', '/api/v1/members', { query: slug, body: { email, role: 'member' } });
      expect(again.statusCode).toBe(409);

      const theyCanSignIn = await t().signIn(email, 'initial password');
      expect(theyCanSignIn.csrf).toEqual(expect.any(String));

      const promoted = await t().asUser(session, 'PATCH', `/api/v1/members/${added.body.data.user_id}`, { query: slug, body: { role: 'admin' } });
      expect(promoted.body.data.role).toBe('admin');

      const list = await t().asUser(session, 'GET', '/api/v1/members', { query: slug });
      expect(list.body.data.map((m: { email: string }) => m.email)).toContain(email);

      const ownerId = t().account.owner.id;
      const demote = await t().asUser(session, 'PATCH', `/api/v1/members/${ownerId}`, { query: slug, body: { role: 'admin' } });
      expect(demote.statusCode).toBe(409);
      expect(demote.body.code).toBe('last_owner');
      const removeOwner = await t().asUser(session, 'DELETE', `/api/v1/members/${ownerId}`, { query: slug });
      expect(removeOwner.statusCode).toBe(409);

      const removed = await t().asUser(session, 'DELETE', `/api/v1/members/${added.body.data.user_id}`, { query: slug });
      expect(removed.statusCode).toBe(204);
      const gone = await t().asUser(theyCanSignIn, 'GET', '/api/v1/evaluation-templates', { query: slug });
      expect(gone.statusCode).toBe(403);
    });

    it('lets an admin manage members but not grant ownership', async () => {
      const admin = await t().createUser('admin');
      const session = await t().signIn(admin.email, admin.password);
      const slug = { accountSlug: t().account.slug };
      const owner = await t().asUser(session, 'POST', '/api/v1/members', {
        query: slug,
        body: { email: `would-be-owner-${dialect}@example.test`, name: 'X', password: 'password 123', role: 'owner' },
      });
      expect(owner.statusCode).toBe(403);
      const member = await t().asUser(session, 'POST', '/api/v1/members', {
        query: slug,
        body: { email: `plain-${dialect}@example.test`, name: 'Plain', password: 'password 123', role: 'member' },
      });
      expect(member.statusCode).toBe(201);
      const newUserNeedsPassword = await t().asUser(session, 'POST', '/api/v1/members', {
        query: slug,
        body: { email: `nopw-${dialect}@example.test`, role: 'member' },
      });
      expect(newUserNeedsPassword.statusCode).toBe(400);
      expect(newUserNeedsPassword.body.issues.map((i: { path: string }) => i.path)).toEqual(['name', 'password']);
    });
  });
});
