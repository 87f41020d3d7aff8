import type { Kysely } from 'kysely';

// Docket's own interviews (SPEC §10): one `interviews` row per session it conducts (the frozen
// plan, the conversation's state, the tab that holds it, authenticity signals, scoring status and
// provenance) and the transcript's turns, each stored as it is sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interviews')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // JSON of the InterviewPlan; written once (frozen), null until planned.
    .addColumn('plan', 'text')
    // JSON of the ConductState (plan position, follow-ups used, wrap-up asked).
    .addColumn('state', 'text')
    .addColumn('consented_at', 'text')
    // The browser tab that holds the conversation, and when it was last heard from.
    .addColumn('connection_id', 'text')
    .addColumn('connection_seen_at', 'text')
    .addColumn('last_activity_at', 'text')
    // Set while the interviewer's reply to the last answer is being written (a model call).
    .addColumn('reply_pending_since', 'text')
    // JSON { tab_switches, pastes }: counted, never judged.
    .addColumn('signals', 'text', (c) => c.notNull())
    // none | pending | awaiting_review | scored | failed
    .addColumn('scoring_status', 'text', (c) => c.notNull())
    .addColumn('scoring_error', 'text')
    // JSON: who or what wrote the current scorecard, and with which model and versions.
    .addColumn('scored_by', 'text')
    // JSON list of scorecards replaced by a person's review (with who replaced them and when).
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('interview_turns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // 1, 2, 3 … in the session; the unique key makes a resent answer a no-op.
    .addColumn('seq', 'integer', (c) => c.notNull())
    // interviewer | participant
    .addColumn('speaker', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // opening | question | follow_up | wrap_up | close | answer
    .addColumn('kind', 'text', (c) => c.notNull())
    // The planned question the turn belongs to (null for wrap-up and close).
    .addColumn('question_id', 'text')
    // plan (scripted) | model | fallback (the model failed; the plan's text was used) | participant
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('interview_turns_session_seq_uq', ['session_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interview_turns').execute();
  await db.schema.dropTable('interviews').execute();
}
