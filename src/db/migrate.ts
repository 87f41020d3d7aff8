import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

/**
 * `schema` (PostgreSQL) names the schema that holds Kysely's own bookkeeping tables; it must be
 * given when the connection's search_path points elsewhere than `public`, because the migrator
 * looks for its tables across schemas.
 */
export async function migrateToLatest(db: Db, options: { schema?: string } = {}): Promise<MigrationResultSet> {
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
