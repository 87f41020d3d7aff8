import { SqliteAdapter, sql, type Kysely } from 'kysely';

// 1. A participant's template must belong to the participant's account, and the database says
//    so itself: the foreign key becomes (account_id, template_id) → evaluation_templates
//    (account_id, id), so a cross-account template is refused whatever the code above does.
//    PostgreSQL swaps the constraint; SQLite cannot alter one, so the participants table is
//    rebuilt (SQLite's documented procedure: foreign keys off, copy, swap, check, on again).
// 2. Idempotency records get a lease (`lease_token`, `locked_until`): a request that died
//    mid-way frees its key when the lease ends, and only the holder of the lease may complete
//    the record. Records stored before this migration never kept a secret again: an API key's
//    secret is removed from stored responses.

/** Planner statistics of the participants table on SQLite, as 0002-participants-documents set them (frozen here). */
const SQLITE_PARTICIPANT_STATISTICS: [index: string, stat: string][] = [
  ['sqlite_autoindex_participants_1', '1000000 1'],
  ['participants_identity_uq', '1000000 100000 1 1'],
  ['participants_account_created_idx', '1000000 100000 1 1'],
  ['participants_template_idx', '1000000 10000 10000 1 1'],
  ['participants_account_external_idx', '1000000 100000 1'],
];

async function refuseCrossAccountTemplates(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from participants p join evaluation_templates t on t.id = p.template_id
    where t.account_id <> p.account_id`.execute(db);
  const count = Number(rows[0]?.n ?? 0);
  if (count > 0) {
    throw new Error(
      `${count} participant(s) belong to an evaluation template of another account. Set their evaluation_template_id to null (or to a template of their own account), then migrate again.`,
    );
  }
}

async function createParticipantIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('participants_identity_uq').on('participants').columns(['account_id', 'email_normalized', 'template_key']).unique().execute();
  await db.schema.createIndex('participants_account_created_idx').on('participants').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('participants_template_idx').on('participants').columns(['template_id', 'account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('participants_account_external_idx').on('participants').columns(['account_id', 'external_id']).execute();
}

/** SQLite's procedure for changing a table's constraints: a new table, a copy, a swap. */
async function rebuildSqliteParticipants(db: Kysely<unknown>): Promise<void> {
  await sql`create table participants_new (
    id text primary key,
    account_id text not null references accounts (id) on delete cascade,
    template_id text,
    template_key text not null,
    email_normalized text not null,
    search_text text not null,
    external_id text,
    status text not null,
    created_at text not null,
    updated_at text not null,
    doc text default '{}' not null,
    constraint participants_template_fk foreign key (account_id, template_id)
      references evaluation_templates (account_id, id) on delete restrict
  )`.execute(db);
  await sql`insert into participants_new (id, account_id, template_id, template_key, email_normalized, search_text,
      external_id, status, created_at, updated_at, doc)
    select id, account_id, template_id, template_key, email_normalized, search_text,
      external_id, status, created_at, updated_at, doc from participants`.execute(db);
  await sql`drop table participants`.execute(db);
  await sql`alter table participants_new rename to participants`.execute(db);
  await createParticipantIndexes(db);
  const broken = await sql`pragma foreign_key_check`.execute(db);
  if (broken.rows.length > 0) throw new Error(`foreign key check failed after rebuilding participants: ${JSON.stringify(broken.rows.slice(0, 5))}`);
  // Dropping the table dropped its statistics; the planner needs them back (see 0002-participants-documents).
  await sql`delete from sqlite_stat1 where tbl = 'participants'`.execute(db);
  for (const [index, stat] of SQLITE_PARTICIPANT_STATISTICS) {
    await sql`insert into sqlite_stat1 (tbl, idx, stat) values ('participants', ${index}, ${stat})`.execute(db);
  }
}

/**
 * SQLite runs migrations outside a transaction: this one runs in its own, so that a failure
 * leaves nothing half-done. Foreign keys are switched off around it (they cannot be inside a
 * transaction, and with them on, dropping the old participants table would cascade to its tags);
 * `foreign_key_check` stands in for them before the commit.
 */
async function inSqliteTransaction(db: Kysely<unknown>, fn: () => Promise<void>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await fn();
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
  // Makes this connection's planner read the restored statistics now.
  await sql`analyze sqlite_schema`.execute(db);
}

async function swapPostgresForeignKey(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ conname: string }>`
    select c.conname from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.conrelid = 'participants'::regclass and c.contype = 'f' and a.attname = 'template_id'`.execute(db);
  for (const { conname } of rows) {
    await db.schema.alterTable('participants').dropConstraint(conname).execute();
  }
  await db.schema
    .alterTable('participants')
    .addForeignKeyConstraint('participants_template_fk', ['account_id', 'template_id'], 'evaluation_templates', ['account_id', 'id'], (fk) =>
      fk.onDelete('restrict'),
    )
    .execute();
}

/** Stored responses of API key creations lose their secret (SPEC §1: shown once, only a hash stored). */
async function forgetStoredSecrets(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ account_id: string; key: string; response_body: string }>`
    select account_id, key, response_body from idempotency_keys where response_body like ${'%iv_live_%'}`.execute(db);
  for (const row of rows) {
    let body: unknown;
    try {
      body = JSON.parse(row.response_body);
    } catch {
      body = undefined;
    }
    const data = (body as { data?: Record<string, unknown> } | undefined)?.data;
    if (data !== undefined && data !== null && typeof data === 'object' && 'secret' in data) {
      delete data['secret'];
      await sql`update idempotency_keys set response_body = ${JSON.stringify(body)}
        where account_id = ${row.account_id} and key = ${row.key}`.execute(db);
    } else {
      await sql`delete from idempotency_keys where account_id = ${row.account_id} and key = ${row.key}`.execute(db);
    }
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const steps = async () => {
    await refuseCrossAccountTemplates(db);
    await db.schema.createIndex('evaluation_templates_account_id_uq').on('evaluation_templates').columns(['account_id', 'id']).unique().execute();
    if (sqlite) await rebuildSqliteParticipants(db);
    else await swapPostgresForeignKey(db);

    await db.schema.alterTable('idempotency_keys').addColumn('lease_token', 'text').execute();
    await db.schema.alterTable('idempotency_keys').addColumn('locked_until', 'text').execute();
    // Requests that were in progress under the old scheme: their lease has ended.
    await sql`update idempotency_keys set lease_token = 'expired', locked_until = created_at where status_code is null`.execute(db);
    await forgetStoredSecrets(db);
  };
  // PostgreSQL runs each migration in a transaction already.
  if (sqlite) await inSqliteTransaction(db, steps);
  else await steps();
}

// No down(): the composite key is what keeps accounts apart; migrating down past this point
// drops the tables in the earlier migrations.
