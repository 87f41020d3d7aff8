import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

/**
 * `schema` (PostgreSQL) names the schema that holds Kysely's own bookkeeping tables; it must be
 * given when the connection's search_path points elsewhere than `public`, because the migrator
 * looks for its tables across schemas.
 */
export async function migrateToLatest(db: Db, options: { schema?: string } = {}): Promise<MigrationResultSet> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return migrate(db, options);
  // Kysely's migrator first looks for its tables through the catalogue of every schema, before
  // taking its own lock; a migration running meanwhile in the same database (another process
  // starting, another schema) can fail that look-up ("column … does not exist" from
  // pg_get_serial_sequence on a column being dropped). One session lock for the whole run
  // keeps migrations of one database one at a time.
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY}::bigint)`.execute(connection);
    try {
      return await migrate(connection, options);
    } finally {
      // Fails only with a lost connection, whose session (and lock) is gone with it: the
      // migration's own outcome is what the caller needs to see.
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY}::bigint)`.execute(connection).catch(() => undefined);
    }
  });
}

/** The key of PostgreSQL's advisory lock held while Docket migrates (any number, Docket's own). */
const MIGRATION_LOCK_KEY = '7311146993651343209';

async function migrate(db: Kysely<Database>, options: { schema?: string }): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Migration numbers are handed out ahead, and a lower one can land after a higher one has
    // run somewhere (each touches its own tables or indexes): run it then rather than refuse.
    allowUnorderedMigrations: true,
    ...(options.schema !== undefined ? { migrationTableSchema: options.schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    throw result.error instanceof Error ? result.error : new Error(String(result.error));
  }
  return result;
}
