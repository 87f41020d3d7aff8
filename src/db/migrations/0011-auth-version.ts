import type { Kysely } from 'kysely';

// A counter that every change to what an API key authenticates as (a revocation, an account
// renamed) increments in its own transaction. Each server process remembers resolved keys and
// reads this one row per request: while it is unchanged, nothing it remembers has changed, in
// this process or any other sharing the database (see api-keys.service.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('auth_versions' as never).values({ name: 'api_keys', version: 0 } as never).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auth_versions').execute();
}
