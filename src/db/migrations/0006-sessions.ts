import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * Sessions (SPEC §5): one interview of one participant, and the server secrets that derive
 * their join links. Only text and integer columns, as everywhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // Deleting a participant first cancels their open sessions (events and mails written),
    // then their sessions go with them.
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    // RESTRICT, like participants: a template with sessions cannot be deleted (archive it).
    .addColumn('template_id', 'text', (c) => c.notNull().references('evaluation_templates.id').onDelete('restrict'))
    // The stage's type, and its id (null for a template's implicit stage). No foreign key: a
    // stage removed from the template later leaves its sessions as they were booked.
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    // scheduled | in_progress | completed | failed | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON [{status, at, reason?}]
    .addColumn('status_history', 'text', (c) => c.notNull())
    // SHA-256 of the join token; the token itself is derived, never stored.
    .addColumn('join_token_hash', 'text', (c) => c.notNull().unique())
    // The calendar entry's SEQUENCE: grows with every change the participant is told about.
    .addColumn('ical_sequence', 'integer', (c) => c.notNull())
    // JSON list of reminders already queued ("<offset>@<scheduled_at>"): a reminder job that
    // runs twice sends once.
    .addColumn('reminders_sent', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    // JSON of the §10 scorecard fields, once scored.
    .addColumn('scorecard', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The open-session rule: at most one scheduled or in-progress session per participant and
  // stage. The database decides, so it holds under concurrency (both databases have partial
  // indexes).
  await db.schema
    .createIndex('sessions_open_uq')
    .on('sessions')
    .columns(['participant_id', 'stage'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('scheduled', 'in_progress')`)
    .execute();
  // Newest-first keyset paging of an account's sessions.
  await db.schema.createIndex('sessions_account_created_idx').on('sessions').columns(['account_id', 'created_at', 'id']).execute();
  // A participant's sessions (their timeline, deletion), and the template's foreign key check.
  await db.schema.createIndex('sessions_participant_idx').on('sessions').columns(['participant_id', 'created_at']).execute();
  await db.schema.createIndex('sessions_template_idx').on('sessions').column('template_id').execute();

  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The key of join links, made once per installation (JOIN_LINK_SECRET replaces it).
  await db
    .insertInto('server_secrets' as never)
    .values({ name: 'join_link', value: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() } as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('server_secrets').execute();
  await db.schema.dropTable('sessions').execute();
}
