import type { DatabaseHandle } from '../../db/database.js';
import { readApiKeyVersion } from '../../db/auth-version.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordOutcome } from '../../db/transaction.js';
import type { ApiKeyRow } from '../../db/schema.js';
import { SCOPES, isScope, type Scope } from '../../lib/access.js';
import { AppError, notFound } from '../../errors.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import { randomBase62, sha256Hex } from '../../lib/secrets.js';
import * as repo from './api-keys.repository.js';

const SECRET_RANDOM_LENGTH = 40;
const PREFIX_LENGTH = 12;
/** last_used_at is written at most this often per key, so reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  created_at: string;
  updated_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuthenticatedKey {
  keyId: string;
  account: { id: string; slug: string; name: string };
  scopes: ReadonlySet<Scope>;
}

/** Keys remembered per process, at most this many (then forgotten all at once). */
const KEY_CACHE_SIZE = 10_000;

interface RememberedKey {
  key: AuthenticatedKey;
  /** When last_used_at was last written (ms), or null when never. */
  lastUsedMs: number | null;
}

export class ApiKeysService {
  /**
   * Resolved keys by presented secret, valid for `version` of the API-key version (auth-version.ts:
   * a row on PostgreSQL, an in-process counter on SQLite). Each request reads it first: a
   * revocation (or an account rename) bumps it with its commit, so the next request anywhere
   * sees a new version and forgets every key. Unknown secrets are never remembered (a key
   * created later must work at once). Keyed by the secret itself, in this process's memory
   * only (never logged or stored; the process holds every presented secret anyway): hashing it
   * on every request cost more than the rest of authentication. The database keeps hashes.
   */
  private remembered = new Map<string, RememberedKey>();
  private version: number | undefined;

  constructor(private readonly deps: { database: DatabaseHandle; clock: Clock }) {}

  /**
   * Resolves a presented secret; undefined when unknown or revoked. A revocation takes effect
   * on the next request, in every process. Answers at once (no promise) when nothing has to be
   * read or written — on SQLite, for a remembered key whose last use was recorded within the
   * minute — so that the auth hook of such a request costs no promise either.
   */
  authenticate(secret: string): AuthenticatedKey | undefined | Promise<AuthenticatedKey | undefined> {
    // The version first, then the key: a key read after the version cannot predate it.
    const version = readApiKeyVersion(this.deps.database.db);
    return typeof version === 'number' ? this.resolve(secret, version) : version.then((v) => this.resolve(secret, v));
  }

  private resolve(secret: string, version: number): AuthenticatedKey | undefined | Promise<AuthenticatedKey | undefined> {
    if (version !== this.version) {
      this.remembered = new Map();
      this.version = version;
    }
    const entry = this.remembered.get(secret);
    return entry === undefined ? this.lookUp(secret, version) : this.used(entry);
  }

  private async lookUp(secret: string, version: number): Promise<AuthenticatedKey | undefined> {
    const row = await repo.findActiveKeyByHash(this.deps.database.db, sha256Hex(secret));
    if (row === undefined) return undefined;
    const entry: RememberedKey = {
      key: { keyId: row.id, account: { id: row.account_id, slug: row.slug, name: row.account_name }, scopes: new Set(parseScopes(row.scopes)) },
      lastUsedMs: row.last_used_at === null ? null : Date.parse(row.last_used_at),
    };
    // Remembered only under the version read before the row: when another request has seen
    // a newer one meanwhile, this row may predate the change that bumped it.
    if (this.version === version) {
      if (this.remembered.size >= KEY_CACHE_SIZE) this.remembered = new Map();
      this.remembered.set(secret, entry);
    }
    return this.used(entry);
  }

  /** The key, once its last use is recorded (written at most once a minute per key and process). */
  private used(entry: RememberedKey): AuthenticatedKey | Promise<AuthenticatedKey> {
    const now = this.deps.clock.now();
    if (entry.lastUsedMs !== null && now.getTime() - entry.lastUsedMs < LAST_USED_RESOLUTION_MS) return entry.key;
    entry.lastUsedMs = now.getTime();
    return repo.touchLastUsed(this.deps.database.db, entry.key.keyId, now.toISOString()).then(() => entry.key);
  }

  /**
   * Creates a key and returns its secret, which is never stored or shown again. With `secret`
   * (first-run installs a given key) the call is idempotent for the same account.
   */
  async create(
    accountId: string,
    input: { name: string; scopes?: Scope[] | undefined; createdByUserId?: string | null; secret?: string },
  ): Promise<{ key: ApiKey; secret: string; created: boolean }> {
    const secret = input.secret ?? `iv_live_${randomBase62(SECRET_RANDOM_LENGTH)}`;
    const scopes = input.scopes === undefined || input.scopes.length === 0 ? [...SCOPES] : [...new Set(input.scopes)];
    const now = isoNow(this.deps.clock);
    const row: ApiKeyRow = {
      id: newId(),
      account_id: accountId,
      name: input.name,
      prefix: secret.slice(0, PREFIX_LENGTH),
      secret_hash: sha256Hex(secret),
      scopes: JSON.stringify(scopes),
      created_by_user_id: input.createdByUserId ?? null,
      created_at: now,
      updated_at: now,
      last_used_at: null,
      revoked_at: null,
    };
    try {
      await this.deps.database.transaction(async (tx) => {
        await repo.insertKey(tx, row);
        recordOutcome(tx, { ...toApiKey(row), secret });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await repo.findKeyByHash(this.deps.database.db, row.secret_hash);
      if (input.secret !== undefined && existing?.account_id === accountId) return { key: toApiKey(existing), secret, created: false };
      throw new AppError('conflict', 'That API key is already installed in another account.');
    }
    return { key: toApiKey(row), secret, created: true };
  }

  async list(accountId: string, page: { offset: number; limit: number }): Promise<{ items: ApiKey[]; total: number }> {
    const { rows, total } = await repo.listKeys(this.deps.database.db, accountId, page);
    return { items: rows.map(toApiKey), total };
  }

  async revoke(accountId: string, id: string): Promise<ApiKey> {
    // revokeKey bumps the API-key version: every process (this one included) forgets its keys.
    return this.deps.database.transaction(async (tx) => {
      await repo.revokeKey(tx, accountId, id, isoNow(this.deps.clock));
      const row = await repo.findKey(tx, accountId, id);
      if (row === undefined) throw notFound('API key');
      const key = toApiKey(row);
      recordOutcome(tx, key);
      return key;
    });
  }
}

function parseScopes(text: string): Scope[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((s): s is Scope => typeof s === 'string' && isScope(s)) : [];
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    created_at: row.created_at,
    updated_at: row.updated_at,
    last_used_at: row.last_used_at,
    revoked_at: row.revoked_at,
  };
}
