import { createHmac } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import { sha256Hex } from '../../lib/secrets.js';
import * as repo from './sessions.repository.js';

/**
 * Join links (SPEC §5). The token is HMAC-SHA256(key, session id): 256 bits that nobody can
 * guess or forge without the key, a 256-bit random value made at install time (table
 * server_secrets) or given as JOIN_LINK_SECRET. The database stores only the token's SHA-256,
 * which is how a link is looked up; the team's view of a session derives the link again from
 * the key, so it is shown without ever being stored.
 */
export class JoinLinks {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly deps: { db: Executor; publicUrl: string; secret: string | undefined }) {}

  /** `db`: the transaction the caller is in, if any (SQLite has one connection: reading beside it would wait forever). */
  private loadKey(db: Executor): Promise<Buffer> {
    this.key ??= (async () => {
      const secret = this.deps.secret ?? (await repo.joinKey(db));
      if (secret === undefined) throw new Error('no join link key: the database misses migration 0006-sessions');
      return Buffer.from(secret, 'utf8');
    })().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  async token(sessionId: string, db: Executor = this.deps.db): Promise<string> {
    return createHmac('sha256', await this.loadKey(db))
      .update(`docket-join-v1:${sessionId}`)
      .digest('base64url');
  }

  async url(sessionId: string, db: Executor = this.deps.db): Promise<string> {
    return `${this.deps.publicUrl}/join/${await this.token(sessionId, db)}`;
  }

  /** What the database keeps of a token. */
  hash(token: string): string {
    return sha256Hex(token);
  }
}
