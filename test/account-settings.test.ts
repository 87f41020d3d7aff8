import { describe, expect, it } from 'vitest';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

forEachDatabase((dialect) => {
  // The throttle counts time by this clock: a slow machine cannot let the delay run out between guesses.
  const clock = new TestClock();
  const t = useTestApp(dialect, { clock });

  describe('the team name', () => {
    it('is read by any member or key, renamed only by owners and admins, and the slug stays', async () => {
      const slug = { accountSlug: t().account.slug };
      const read = await t().request('GET', '/api/v1/account');
      expect(read.statusCode).toBe(200);
      expect(read.body.data).toMatchObject({ id: t().account.id, slug: t().account.slug, name: 'Team acme' });

      const byKey = await t().request('PATCH', '/api/v1/account', { body: { name: 'Keyed' } });
      expect(byKey.statusCode).toBe(403);
      const member = await t().createUser('member');
      const memberSession = await t().signIn(member.email, member.password);
      const byMember = await t().asUser(memberSession, 'PATCH', '/api/v1/account', { query: slug, body: { name: 'Members' } });
      expect(byMember.statusCode).toBe(403);
      expect((await t().asUser(memberSession, 'GET', '/api/v1/account', { query: slug })).statusCode).toBe(200);

      const admin = await t().createUser('admin');
      const adminSession = await t().signIn(admin.email, admin.password);
      const renamed = await t().asUser(adminSession, 'PATCH', '/api/v1/account', { query: slug, body: { name: '  Acme Talent  ' } });
      expect(renamed.statusCode, JSON.stringify(renamed.body)).toBe(200);
      expect(renamed.body.data).toMatchObject({ slug: t().account.slug, name: 'Acme Talent' });
      const me = await t().asUser(adminSession, 'GET', '/api/auth/me');
      expect(me.body.data.accounts).toEqual([expect.objectContaining({ slug: t().account.slug, name: 'Acme Talent' })]);

      for (const name of ['', '   ', 'Tab\tname', 'x'.repeat(201)]) {
        const bad = await t().asUser(adminSession, 'PATCH', '/api/v1/account', { query: slug, body: { name } });
        expect(bad.statusCode, JSON.stringify(name)).toBe(400);
        expect(bad.body.issues[0].path).toContain('name');
      }
      const extra = await t().asUser(adminSession, 'PATCH', '/api/v1/account', { query: slug, body: { name: 'Ok', slug: 'new-slug' } });
      expect(extra.statusCode).toBe(400);
      expect((await t().request('GET', '/api/v1/account')).body.data.name).toBe('Acme Talent');
    });
  });

  describe('changing your own password', () => {
    it('needs the current password, ends the other sessions, keeps this one', async () => {
      const user = await t().createUser('viewer');
      const here = await t().signIn(user.email, user.password);
      const elsewhere = await t().signIn(user.email, user.password);
      const change = (body: unknown, session = here) => t().asUser(session, 'POST', '/api/auth/password', { body });

      const wrong = await change({ current_password: 'not it', new_password: 'a new long password' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body.issues).toEqual([expect.objectContaining({ path: 'current_password', code: 'incorrect' })]);
      const short = await change({ current_password: user.password, new_password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(short.body.issues[0].path).toContain('new_password');
      const same = await change({ current_password: user.password, new_password: user.password });
      expect(same.statusCode).toBe(400);

      const ok = await change({ current_password: user.password, new_password: 'a new long password' });
      expect(ok.statusCode, JSON.stringify(ok.body)).toBe(204);
      expect((await t().asUser(here, 'GET', '/api/auth/me')).statusCode).toBe(200);
      expect((await t().asUser(elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(401);
      await expect(t().signIn(user.email, user.password)).rejects.toThrow('401');
      await t().signIn(user.email, 'a new long password');
    });

    it('throttles guessing the current password', async () => {
      const user = await t().createUser('member');
      const session = await t().signIn(user.email, user.password);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const res = await t().asUser(session, 'POST', '/api/auth/password', { body: { current_password: `guess ${i}`, new_password: 'whatever long' } });
        statuses.push(res.statusCode);
      }
      // As for sign-in: five wrong ones are free, then each waits longer.
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
      clock.advance(1000);
      const later = await t().asUser(session, 'POST', '/api/auth/password', { body: { current_password: 'guess 6', new_password: 'whatever long' } });
      expect(later.statusCode).toBe(400);
      const next = await t().asUser(session, 'POST', '/api/auth/password', { body: { current_password: 'guess 7', new_password: 'whatever long' } });
      expect(next.statusCode).toBe(429);
      expect(Number(next.headers['retry-after'])).toBe(2);
    });
  });
});
