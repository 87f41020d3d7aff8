import type { DatabaseHandle } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256Hex, verifyPassword } from '../../lib/secrets.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import * as repo from './auth.repository.js';
import { LoginThrottle, type ThrottlePolicy } from './login-throttle.js';

export interface SignedInUser {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; name: string };
}

// Compared against when the email is unknown, so both paths take the same time.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * Failed sign-ins are throttled per (email, client address) and per client address, with
 * growing delays. Never per email alone: anyone who knows an address could otherwise lock its
 * owner out from anywhere; this way a guesser slows down only themselves. One address (an office
 * behind NAT) gets more room before its delays start. Known and unknown emails are treated
 * alike, and take the same time (a password hash is checked either way).
 */
const PER_EMAIL_AND_ADDRESS: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, windowMs: 3_600_000 };
const PER_ADDRESS: ThrottlePolicy = { freeFailures: 30, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, windowMs: 15 * 60_000 };

export class AuthService {
  private readonly perEmailAndAddress = new LoginThrottle(PER_EMAIL_AND_ADDRESS);
  private readonly perAddress = new LoginThrottle(PER_ADDRESS);
  /** Wrong current passwords when changing one, per signed-in user (only their own session can add to it). */
  private readonly passwordChecks = new LoginThrottle(PER_EMAIL_AND_ADDRESS);

  constructor(private readonly deps: { database: DatabaseHandle; clock: Clock; accounts: AccountsService; sessionTtlHours: number }) {}

  async login(email: string, password: string, clientIp: string): Promise<SignedInUser & { token: string; expiresAt: Date }> {
    const normalized = email.trim().toLowerCase();
    const now = this.deps.clock.now();
    const pair = `${normalized}\n${clientIp}`;
    const wait = Math.max(
      this.perEmailAndAddress.retryAfterSeconds(pair, now.getTime()),
      this.perAddress.retryAfterSeconds(clientIp, now.getTime()),
    );
    if (wait > 0) {
      throw new AppError('too_many_login_attempts', 'Too many failed sign-in attempts. Try again later.', [], {}, {
        'retry-after': String(wait),
      });
    }
    const user = await this.deps.accounts.findUserByEmail(normalized);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (user === undefined || !ok) {
      this.perEmailAndAddress.recordFailure(pair, now.getTime());
      this.perAddress.recordFailure(clientIp, now.getTime());
      throw new AppError('invalid_credentials', 'The email or password is incorrect.');
    }
    this.perEmailAndAddress.reset(pair);
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + this.deps.sessionTtlHours * 3_600_000);
    const sessionId = newId();
    await repo.insertSession(this.deps.database.db, {
      id: sessionId,
      token_hash: sha256Hex(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
    return { token, expiresAt, sessionId, csrfToken, user: { id: user.id, email: user.email, name: user.name } };
  }

  async resolveSession(token: string): Promise<SignedInUser | undefined> {
    const row = await repo.findSessionByHash(this.deps.database.db, sha256Hex(token), this.deps.clock.now().toISOString());
    if (row === undefined) return undefined;
    return { sessionId: row.id, csrfToken: row.csrf_token, user: { id: row.user_id, email: row.email, name: row.name } };
  }

  /**
   * Changes the signed-in user's password after checking the current one (wrong ones are
   * throttled like sign-in, per user). Every other session of the user ends; this one stays.
   */
  async changePassword(session: SignedInUser, currentPassword: string, newPassword: string): Promise<void> {
    const key = session.user.id;
    const nowMs = this.deps.clock.now().getTime();
    const wait = this.passwordChecks.retryAfterSeconds(key, nowMs);
    if (wait > 0) {
      throw new AppError('too_many_login_attempts', 'Too many wrong passwords. Try again later.', [], {}, { 'retry-after': String(wait) });
    }
    const user = await this.deps.accounts.findUserById(session.user.id);
    if (user === undefined || !(await verifyPassword(currentPassword, user.password_hash))) {
      this.passwordChecks.recordFailure(key, nowMs);
      throw new AppError('validation_failed', 'The current password is incorrect.', [
        { path: 'current_password', message: 'is incorrect', code: 'incorrect' },
      ]);
    }
    this.passwordChecks.reset(key);
    if (newPassword === currentPassword) {
      throw new AppError('validation_failed', 'The new password is the same as the current one.', [
        { path: 'new_password', message: 'must differ from the current password', code: 'unchanged' },
      ]);
    }
    await this.deps.accounts.setPassword(user.id, newPassword);
    await repo.deleteOtherSessions(this.deps.database.db, user.id, session.sessionId);
  }

  async logout(token: string): Promise<void> {
    await repo.deleteSessionByHash(this.deps.database.db, sha256Hex(token));
  }

  /** Ends every dashboard session of a user (after a password reset). */
  async signOutEverywhere(userId: string): Promise<number> {
    return repo.deleteSessionsOfUser(this.deps.database.db, userId);
  }

  /** Housekeeping: sessions past their expiry are removed. */
  async purgeExpiredSessions(): Promise<number> {
    return repo.deleteExpiredSessions(this.deps.database.db, this.deps.clock.now().toISOString());
  }
}
