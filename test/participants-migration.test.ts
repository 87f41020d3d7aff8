import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
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
});
