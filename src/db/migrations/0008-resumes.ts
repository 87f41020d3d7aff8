import type { Kysely } from 'kysely';

/**
 * The text read from a participant's resume (SPEC §7). The participant's `resume` object (status,
 * error, sizes) lives in its document, so lists and gets never join this table; the text, up to
 * 200,000 characters, is read only by `GET /participants/{id}/resume` and the interview plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('participant_resumes')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    // The resume_url the text was read from.
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('characters', 'integer', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('participant_resumes').execute();
}
