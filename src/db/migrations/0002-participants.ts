import type { Kysely } from 'kysely';

// Participants (SPEC §4) and their tags. Indexes are few on purpose: every one is written on
// each insert, and bulk imports pay for them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // RESTRICT: deleting a template that has participants fails; the templates service turns
    // that into 409 template_in_use.
    .addColumn('template_id', 'text', (c) => c.references('evaluation_templates.id').onDelete('restrict'))
    // The template id, or '' for none: NULLs never collide in a unique index, '' does, on both
    // databases alike.
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalized', 'text', (c) => c.notNull())
    // Lower-cased "name\nemail" for the `q` filter: one case-folding rule (JavaScript's) on both
    // databases, where SQLite's lower() only folds ASCII.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('phone', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('profile', 'text')
    .addColumn('background', 'text')
    .addColumn('metadata', 'text')
    .addColumn('resume_url', 'text')
    .addColumn('resume_status', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Uniqueness of (account, template or none, email). Email first, so the `email` filter is a
  // lookup in this index too.
  await db.schema
    .createIndex('participants_identity_uq')
    .on('participants')
    .columns(['account_id', 'email_normalized', 'template_key'])
    .unique()
    .execute();
  // Newest-first keyset paging of an account's participants.
  await db.schema
    .createIndex('participants_account_created_idx')
    .on('participants')
    .columns(['account_id', 'created_at', 'id'])
    .execute();
  // The template filter in list order; also what the foreign key check on template delete uses.
  await db.schema
    .createIndex('participants_template_created_idx')
    .on('participants')
    .columns(['template_id', 'created_at', 'id'])
    .execute();
  // Integrations find their people by their own id.
  await db.schema
    .createIndex('participants_account_external_idx')
    .on('participants')
    .columns(['account_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('participant_tags')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('tag_normalized', 'text', (c) => c.notNull())
    // The participant's created_at, copied so a tag filter pages in list order from this index alone.
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participant_tags_pk', ['participant_id', 'tag_normalized'])
    .execute();
  await db.schema
    .createIndex('participant_tags_filter_idx')
    .on('participant_tags')
    .columns(['account_id', 'tag_normalized', 'created_at', 'participant_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('participant_tags').execute();
  await db.schema.dropTable('participants').execute();
}
