import { SqliteAdapter, sql, type Kysely } from 'kysely';

// Participants are read far more than written, and a page of them was dominated by reading a
// dozen columns per row and turning JSON text into objects only to turn them back into JSON.
// Each row now keeps its API representation in one `doc` column (written with every change),
// which reads send as they are; the remaining columns exist to be filtered or kept unique.
// Also: the template index carries account_id (the template filter and its count stay inside
// the index), participant_tags is clustered by its key on SQLite (one b-tree fewer per tag), and
// SQLite gets planner statistics describing a large account (see below).

const MOVED_INTO_DOC = ['name', 'email', 'phone', 'tags', 'profile', 'background', 'metadata', 'resume_url', 'resume_status'];

interface OldRow {
  id: string;
  name: string;
  email: string;
  template_id: string | null;
  external_id: string | null;
  phone: string | null;
  tags: string;
  profile: string | null;
  background: string | null;
  metadata: string | null;
  resume_url: string | null;
  resume_status: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

/** The API representation as it was when this migration was written (frozen here on purpose). */
function documentOf(row: OldRow): string {
  return JSON.stringify({
    id: row.id,
    name: row.name,
    email: row.email,
    evaluation_template_id: row.template_id,
    external_id: row.external_id,
    phone: row.phone,
    tags: JSON.parse(row.tags) as unknown,
    profile: row.profile === null ? null : (JSON.parse(row.profile) as unknown),
    background: row.background === null ? null : (JSON.parse(row.background) as unknown),
    resume_url: row.resume_url,
    resume: row.resume_status === null ? null : { status: row.resume_status },
    metadata: row.metadata === null ? {} : (JSON.parse(row.metadata) as unknown),
    status: row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
  });
}

/**
 * Without ANALYZE, SQLite assumes every index is selective, so with `account_id = ?` it walks the
 * newest-first index even for an email or external_id lookup (a scan of the whole account).
 * These figures describe the shape of a large account instead: many rows per account and per
 * template, about one per email or external id. They only rank plans; a real ANALYZE replaces them.
 */
const SQLITE_STATISTICS: [table: string, index: string, stat: string][] = [
  ['participants', 'sqlite_autoindex_participants_1', '1000000 1'],
  ['participants', 'participants_identity_uq', '1000000 100000 1 1'],
  ['participants', 'participants_account_created_idx', '1000000 100000 1 1'],
  ['participants', 'participants_template_idx', '1000000 10000 10000 1 1'],
  ['participants', 'participants_account_external_idx', '1000000 100000 1'],
  ['participant_tags', 'participant_tags', '2000000 2 1'],
  ['participant_tags', 'participant_tags_filter_idx', '2000000 200000 10000 1 1'],
];

async function backfillDocuments(db: Kysely<unknown>): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = await sql<OldRow>`
      select id, name, email, template_id, external_id, phone, tags, profile, background, metadata,
             resume_url, resume_status, status, created_at, updated_at
      from participants where id > ${after} order by id limit 1000`.execute(db);
    for (const row of rows) {
      await sql`update participants set doc = ${documentOf(row)} where id = ${row.id}`.execute(db);
    }
    const last = rows[rows.length - 1];
    if (last === undefined) return;
    after = last.id;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  await db.schema
    .alterTable('participants')
    .addColumn('doc', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await backfillDocuments(db);
  for (const column of MOVED_INTO_DOC) {
    await db.schema.alterTable('participants').dropColumn(column).execute();
  }

  await db.schema.dropIndex('participants_template_created_idx').execute();
  await db.schema
    .createIndex('participants_template_idx')
    .on('participants')
    .columns(['template_id', 'account_id', 'created_at', 'id'])
    .execute();

  if (sqlite) {
    await sql`create table participant_tags_clustered (
      participant_id text not null references participants(id) on delete cascade,
      account_id text not null,
      tag_normalized text not null,
      created_at text not null,
      primary key (participant_id, tag_normalized)
    ) without rowid`.execute(db);
    await sql`insert into participant_tags_clustered (participant_id, account_id, tag_normalized, created_at)
      select participant_id, account_id, tag_normalized, created_at from participant_tags`.execute(db);
    await db.schema.dropTable('participant_tags').execute();
    await sql`alter table participant_tags_clustered rename to participant_tags`.execute(db);
    await db.schema
      .createIndex('participant_tags_filter_idx')
      .on('participant_tags')
      .columns(['account_id', 'tag_normalized', 'created_at', 'participant_id'])
      .execute();

    // ANALYZE of one small table creates sqlite_stat1 without scanning the big ones.
    await sql`analyze accounts`.execute(db);
    await sql`delete from sqlite_stat1 where tbl in ('participants', 'participant_tags')`.execute(db);
    for (const [table, index, stat] of SQLITE_STATISTICS) {
      await sql`insert into sqlite_stat1 (tbl, idx, stat) values (${table}, ${index}, ${stat})`.execute(db);
    }
    // Makes this connection's planner read them now; other connections read them when they open.
    await sql`analyze sqlite_schema`.execute(db);
  }
}

// No down(): splitting the documents back into columns is not worth writing; migrating down
// past this point drops both tables in 0002-participants.
