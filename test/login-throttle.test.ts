import { expect, it } from 'vitest';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type JsonResponse } from './helpers/test-app.js';

/**
 * Sign-in throttling per (email, client address) and per client address, with growing delays:
 * failures slow down whoever makes them, never the owner of the email signing in from elsewhere.
 * Client addresses are loopback addresses (127.0.0.x), as the connection would give them.
 */

const ATTACKER = '127.0.0.2';
const OWNER_AT_HOME = '127.0.0.3';

forEachDatabase((dialect) => {
  const clock = new TestClock();
  const t = useTestApp(dialect, { clock });

  const login = (email: string, password: string, from: string): Promise<JsonResponse> =>
    t().request('POST', '/api/auth/login', { key: null, body: { email, password }, remoteAddress: from });

  it('does not let someone who knows an email lock its owner out from elsewhere', async () => {
    const owner = await t().createUser('member');
    let last: JsonResponse | undefined;
    for (let i = 0; i < 40; i += 1) {
      last = await login(owner.email, `guess ${i}`, ATTACKER);
      clock.advance(100);
    }
    expect(last?.statusCode).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    // The attacker's address is slowed down even with the right password …
    expect((await login(owner.email, owner.password, ATTACKER)).statusCode).toBe(429);
    // … the owner, elsewhere, signs in at once.
    const ok = await login(owner.email, owner.password, OWNER_AT_HOME);
    expect(ok.statusCode).toBe(200);
  });

  it('grows the delay with each further failure: 5 free, then 1 s, 2 s, 4 s …; a success starts afresh', async () => {
    const user = await t().createUser('viewer');
    const from = '127.0.0.4';
    for (let i = 0; i < 5; i += 1) expect((await login(user.email, 'wrong', from)).statusCode).toBe(401);
    for (const seconds of [1, 2, 4, 8]) {
      const early = await login(user.email, 'wrong', from);
      expect(early.statusCode).toBe(429);
      expect(early.body.code).toBe('too_many_login_attempts');
      expect(Number(early.headers['retry-after'])).toBe(seconds);
      clock.advance(seconds * 1000 - 1);
      expect((await login(user.email, 'wrong', from)).statusCode).toBe(429);
      clock.advance(1);
      expect((await login(user.email, 'wrong', from)).statusCode).toBe(401);
    }
    clock.advance(16_000);
    expect((await login(user.email, user.password, from)).statusCode).toBe(200);
    expect((await login(user.email, 'wrong', from)).statusCode).toBe(401);
    expect((await login(user.email, 'wrong', from)).statusCode).toBe(401);
  });

  it('treats known and unknown emails alike', async () => {
    const user = await t().createUser('viewer');
    const sequence = async (email: string, from: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const res = await login(email, 'wrong', from);
        seen.push(`${res.statusCode} ${String(res.headers['retry-after'] ?? '-')} ${String(res.body.error)}`);
      }
      return seen;
    };
    expect(await sequence(user.email, '127.0.0.5')).toEqual(await sequence(`nobody-${dialect}@example.test`, '127.0.0.6'));
  });

  it('also slows down one address trying many emails (30 failures in 15 minutes, then growing delays)', async () => {
    const from = '127.0.0.7';
    // Five at a time: each attempt checks a password hash, also for unknown emails.
    for (let batch = 0; batch < 6; batch += 1) {
      const attempts = await Promise.all(Array.from({ length: 5 }, (_, i) => login(`spray-${batch}-${i}@example.test`, 'password', from)));
      for (const res of attempts) expect(res.statusCode).toBe(401);
    }
    const next = await login('spray-new@example.test', 'password', from);
    expect(next.statusCode).toBe(429);
    expect(Number(next.headers['retry-after'])).toBe(1);
    // Another address is not affected; and failures older than the window stop counting.
    expect((await login('spray-new@example.test', 'password', '127.0.0.8')).statusCode).toBe(401);
    clock.advance(15 * 60_000 + 1);
    expect((await login('spray-new@example.test', 'password', from)).statusCode).toBe(401);
  }, 120_000);
});
