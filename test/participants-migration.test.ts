import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { expect, inject, it } from 'vitest';
import { parseDatabaseUrl } from '../src/config/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import * as repo from '../src/modules/participants/participants.repository.js';
import { forEachDatabase } from './helpers/databases.js';

/** A database migrated only up to `0002-participants`, and its disposal. */
async function openUnmigrated(
  dialect: 'sqlite' | 'postgres',
): Promise<{ handle: DatabaseHandle; schema?: string; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migration-'));
    const handle = openDatabase(parseDatabaseUrl(`sqlite:${join(dir, 'old.db')}`, 1), { checkpointIntervalMs: 0 });
    return { handle, dispose: async () => { await handle.destroy(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = inject('postgresUrl');
  if (url === null) throw new Error('PostgreSQL is not available');
  const schema = `m_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase(parseDatabaseUrl(url, 2), { searchPath: schema });
  return {
    handle,
    schema,
    dispose: async () => {
      await handle.destroy();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

forEachDatabase((dialect) => {
  it('moves participants stored by the first participants migration into documents, keeping their tags', async () => {
    const { handle, schema, dispose } = await openUnmigrated(dialect);
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

      const stored = await repo.findParticipant(db, 'acc', '0190b6a0-0000-7000-8000-000000000001');
      expect(JSON.parse(String(stored?.doc))).toEqual({
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
    const { handle, schema, dispose } = await openUnmigrated(dialect);
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
