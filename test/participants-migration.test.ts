import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { isForeignKeyViolation } from '../src/db/errors.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import * as repo from '../src/modules/participants/participants.repository.js';
import { createEmptyDatabase, forEachDatabase } from './helpers/databases.js';

forEachDatabase((dialect) => {
  it('moves participants stored by the first participants migration into documents, keeping their tags', async () => {
    const { handle, schema, dispose } = await createEmptyDatabase(dialect);
    try {
      const db = handle.db;
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => migrations },
        ...(schema === undefined ? {} : { migrationTableSchema: schema }),
      });
      const first = await migrator.migrateTo('0002-participants');
      expect(first.error).toBeUndefined();
      const now = '2030-01-01T00:00:00.000Z';
      await sql`insert into accounts (id, slug, name, created_at, updated_at) values ('acc', 'old', 'Old', ${now}, ${now})`.execute(db);
      await sql`insert into participants (id, account_id, template_id, template_key, name, email, email_normalized, search_text,
          external_id, phone, tags, profile, background, metadata, resume_url, resume_status, status, created_at, updated_at)
        values ('0190b6a0-0000-7000-8000-000000000001', 'acc', null, '', 'Old Timer', 'Old@Example.com', 'old@example.com',
          ${'old timer\nold@example.com'}, 'ext-9', '+1 555', '["Senior","remote"]', '{"title":"Engineer"}', null, '{"k":"v"}',
          'https://files.example.com/cv.pdf', 'pending', 'active', ${now}, ${now})`.execute(db);
      await sql`insert into participant_tags (participant_id, account_id, tag_normalized, created_at)
        values ('0190b6a0-0000-7000-8000-000000000001', 'acc', 'senior', ${now}), ('0190b6a0-0000-7000-8000-000000000001', 'acc', 'remote', ${now})`.execute(db);

      await migrateToLatest(db, schema === undefined ? {} : { schema });

      const stored = await repo.findDocument(db, 'acc', '0190b6a0-0000-7000-8000-000000000001');
      expect(JSON.parse(String(stored))).toEqual({
        id: '0190b6a0-0000-7000-8000-000000000001',
        name: 'Old Timer',
        email: 'Old@Example.com',
        evaluation_template_id: null,
        external_id: 'ext-9',
        phone: '+1 555',
        tags: ['Senior', 'remote'],
        profile: { title: 'Engineer' },
        background: null,
        resume_url: 'https://files.example.com/cv.pdf',
        resume: { status: 'pending' },
        metadata: { k: 'v' },
        status: 'active',
        created_at: now,
        updated_at: now,
      });
      const bothTags = await repo.listParticipants(db, 'acc', { tag: ['remote', 'senior'] }, { after: undefined, limit: 10 });
      expect(bothTags.map((r) => r.id)).toEqual(['0190b6a0-0000-7000-8000-000000000001']);
      expect(await repo.countParticipants(db, 'acc', { email: 'old@example.com' })).toBe(1);
    } finally {
      await dispose();
    }
  });

  it('adds the sorting indexes to a database that already ran later migrations', async () => {
    const { handle, schema, dispose } = await createEmptyDatabase(dialect);
    try {
      const db = handle.db;
      const withoutSorting = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== '0005-participant-sorting'));
      const earlier = new Migrator({
        db,
        provider: { getMigrations: async () => withoutSorting },
        ...(schema === undefined ? {} : { migrationTableSchema: schema }),
      });
      const ran = await earlier.migrateToLatest();
      expect(ran.error).toBeUndefined();
      expect(ran.results?.map((r) => r.migrationName)).toContain('0006-sessions');

      const later = await migrateToLatest(db, schema === undefined ? {} : { schema });
      expect(later.results?.map((r) => r.migrationName)).toEqual(['0005-participant-sorting']);
      const indexes =
        dialect === 'sqlite'
          ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'participants'`.execute(db)
          : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'participants' and schemaname = ${schema ?? ''}`.execute(db);
      expect(indexes.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['participants_account_name_idx', 'participants_account_status_idx']));
    } finally {
      await dispose();
    }
  });
});

const ACME = '0190b6a0-0000-7000-8000-00000000a001';
const OTHER = '0190b6a0-0000-7000-8000-00000000a002';
const ACME_TEMPLATE = '0190b6a0-0000-7000-8000-00000000b001';
const OTHER_TEMPLATE = '0190b6a0-0000-7000-8000-00000000b002';
const T0 = '2030-01-01T00:00:00.000Z';

/** Two accounts with a template each, migrated up to `0003-platform`. */
async function beforeHardening(dialect: 'sqlite' | 'postgres') {
  const opened = await createEmptyDatabase(dialect);
  const db = opened.handle.db;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(opened.schema === undefined ? {} : { migrationTableSchema: opened.schema }),
  });
  expect((await migrator.migrateTo('0003-platform')).error).toBeUndefined();
  for (const [id, slug] of [[ACME, 'acme'], [OTHER, 'other']] as const) {
    await sql`insert into accounts (id, slug, name, created_at, updated_at) values (${id}, ${slug}, ${slug}, ${T0}, ${T0})`.execute(db);
  }
  for (const [id, account] of [[ACME_TEMPLATE, ACME], [OTHER_TEMPLATE, OTHER]] as const) {
    await sql`insert into evaluation_templates (id, account_id, template_name, use_case, success_outcome, status, skills, soft_skills,
        default_duration_minutes, default_difficulty, created_at, updated_at)
      values (${id}, ${account}, 'T', 'hiring', 'hire_no_hire', 'active', '[]', '[]', 30, 'intermediate', ${T0}, ${T0})`.execute(db);
  }
  const addParticipant = (id: string, account: string, template: string | null, email: string) =>
    sql`insert into participants (id, account_id, template_id, template_key, email_normalized, search_text, external_id, status,
        created_at, updated_at, doc)
      values (${id}, ${account}, ${template}, ${template ?? ''}, ${email}, ${email}, null, 'active', ${T0}, ${T0}, ${`{"id":"${id}"}`})`.execute(db);
  return { ...opened, db, addParticipant, migrate: () => migrateToLatest(db, opened.schema === undefined ? {} : { schema: opened.schema }) };
}

forEachDatabase((dialect) => {
  it('0004: the template key includes the account; rows, tags and statistics survive; old idempotency records are freed and lose secrets', async () => {
    const { db, dispose, addParticipant, migrate } = await beforeHardening(dialect);
    try {
      const kept = '0190b6a0-0000-7000-8000-00000000c001';
      await addParticipant(kept, ACME, ACME_TEMPLATE, 'kept@example.com');
      await addParticipant('0190b6a0-0000-7000-8000-00000000c002', ACME, null, 'none@example.com');
      await sql`insert into participant_tags (participant_id, account_id, tag_normalized, created_at)
        values (${kept}, ${ACME}, 'senior', ${T0}), (${kept}, ${ACME}, 'remote', ${T0})`.execute(db);
      await sql`insert into idempotency_keys (account_id, key, fingerprint, status_code, response_body, created_at)
        values (${ACME}, 'stuck', 'f', null, null, ${T0}),
               (${ACME}, 'key-made', 'f', 201, ${'{"data":{"id":"k","prefix":"iv_live_abcd","secret":"iv_live_0123456789abcdefghijklmnopqrstuvwxyz"}}'}, ${T0}),
               (${ACME}, 'template-made', 'f', 201, '{"data":{"id":"t"}}', ${T0})`.execute(db);

      await migrate();

      expect(await repo.countParticipants(db, ACME, {})).toBe(2);
      const tagged = await repo.listParticipants(db, ACME, { tag: ['remote', 'senior'] }, { after: undefined, limit: 10 });
      expect(tagged.map((r) => r.id)).toEqual([kept]);
      if (dialect === 'sqlite') {
        const stats = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'participants' order by idx`.execute(db);
        // 0004's own five, and the two sort indexes 0005 adds after it.
        expect(stats.rows.map((r) => r.idx)).toEqual([
          'participants_account_created_idx',
          'participants_account_external_idx',
          'participants_account_name_idx',
          'participants_account_status_idx',
          'participants_identity_uq',
          'participants_template_idx',
          'sqlite_autoindex_participants_1',
        ]);
        expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys).toBe(1);
      }

      // The database itself refuses a template of another account, on insert and on update.
      await expect(addParticipant('0190b6a0-0000-7000-8000-00000000c003', ACME, OTHER_TEMPLATE, 'cross@example.com')).rejects.toSatisfy(isForeignKeyViolation);
      await expect(
        sql`update participants set template_id = ${OTHER_TEMPLATE}, template_key = ${OTHER_TEMPLATE} where id = ${kept}`.execute(db),
      ).rejects.toSatisfy(isForeignKeyViolation);
      await addParticipant('0190b6a0-0000-7000-8000-00000000c004', OTHER, OTHER_TEMPLATE, 'theirs@example.com');
      // Deleting a template that has participants is still refused; deleting a participant's tags cascades.
      await expect(sql`delete from evaluation_templates where id = ${ACME_TEMPLATE}`.execute(db)).rejects.toSatisfy(isForeignKeyViolation);
      await sql`delete from participants where id = ${kept}`.execute(db);
      expect((await sql`select * from participant_tags where participant_id = ${kept}`.execute(db)).rows).toEqual([]);

      const records = await db.selectFrom('idempotency_keys').selectAll().orderBy('key').execute();
      expect(records.map((r) => [r.key, r.status_code, r.locked_until])).toEqual([
        ['key-made', 201, null],
        ['stuck', null, T0],
        ['template-made', 201, null],
      ]);
      expect(JSON.stringify(records)).not.toContain('iv_live_0123456789');
      expect(JSON.parse(String(records[0]?.response_body))).toEqual({ data: { id: 'k', prefix: 'iv_live_abcd' } });
    } finally {
      await dispose();
    }
  });

  it('0004: refuses to migrate while a participant belongs to another account’s template, saying what to fix', async () => {
    const { db, dispose, addParticipant, migrate } = await beforeHardening(dialect);
    try {
      await addParticipant('0190b6a0-0000-7000-8000-00000000c005', ACME, OTHER_TEMPLATE, 'crossed@example.com');
      await expect(migrate()).rejects.toThrow(/1 participant\(s\) belong to an evaluation template of another account/);
      // Nothing of the migration stayed behind: fixing the row lets it run.
      await sql`update participants set template_id = null, template_key = '' where account_id = ${ACME}`.execute(db);
      await migrate();
      expect(await repo.countParticipants(db, ACME, {})).toBe(1);
    } finally {
      await dispose();
    }
  });
});
