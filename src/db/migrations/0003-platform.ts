import { sql, type Kysely } from 'kysely';

/** Durable jobs (SPEC §11) and the mail log that is also the built-in outbox (SPEC §5). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending | running | dead. A finished job's row is deleted (or, for a periodic job, set
    // pending again at its next time).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    // At most one job per dedupe key: enqueueing the same key again replaces the job.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    // Jobs of one group (e.g. deliveries to one webhook endpoint) run with capped concurrency.
    .addColumn('group_key', 'text')
    .addColumn('account_id', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    // Changes with every claim and every replacement: only the claim that holds it may finish.
    .addColumn('lease_token', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Claims look for due pending jobs and expired leases in run_at order.
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema
    .createIndex('jobs_group_idx')
    .on('jobs')
    .columns(['group_key', 'status'])
    .where(sql.ref('group_key'), 'is not', null)
    .execute();

  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // invite | update | cancellation | reminder | notice
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('ics', 'text')
    .addColumn('ics_method', 'text')
    .addColumn('session_id', 'text')
    // The RFC 5322 Message-ID, fixed when queued so that every SMTP retry carries the same one.
    .addColumn('message_id', 'text', (c) => c.notNull())
    // queued | sent | outbox | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    // Outbox only: the exact bytes SMTP would have carried.
    .addColumn('raw', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_messages_account_idx').on('mail_messages').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('mail_messages_session_idx').on('mail_messages').columns(['session_id', 'created_at']).execute();
  // Retention of delivered events reads them by time.
  await db.schema.createIndex('events_occurred_idx').on('events').columns(['occurred_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_occurred_idx').execute();
  await db.schema.dropTable('mail_messages').execute();
  await db.schema.dropTable('jobs').execute();
}
