import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../src/db/ids.js';
import type { ParticipantRow, ParticipantTagRow } from '../src/db/schema.js';
import { newParticipant, toRow, toTagRows } from '../src/modules/participants/participants.model.js';
import { PARTICIPANT_COLUMNS } from '../src/modules/participants/participants.repository.js';
import { loadSqliteBinding } from '../src/db/sqlite-connection.js';

/**
 * Seeds participants straight into the tables, in large batches: the rows are made by the
 * same functions the API uses (so they are what the API would have written), but skip HTTP,
 * validation and events, which would make seeding a million rows take many minutes.
 */

export interface SeedPlan {
  accountId: string;
  rows: number;
  tags: readonly string[];
  templateIds: readonly string[];
  /** created_at of row 0; row i is created i × 10 ms later. */
  startMs: number;
}

export interface SeedResult {
  /** Ids spread over the whole table, for get-by-id. */
  sampleIds: string[];
  /** Sort key of the row in the middle: a cursor there is a deep page. */
  middle: { created_at: string; id: string };
  tagRows: number;
  seconds: number;
}

const LEVELS = ['entry', 'junior', 'senior', 'staff'];
const SAMPLE_SIZE = 10_000;

function participantAt(i: number, plan: SeedPlan): { row: ParticipantRow; tags: ParticipantTagRow[] } {
  const t = plan.tags;
  const tags = [t[i % t.length] ?? '', t[(i * 7 + 3) % t.length] ?? ''];
  if (i % 3 === 0) tags.push(t[(i * 13 + 5) % t.length] ?? '');
  const template = i % (plan.templateIds.length + 1);
  const createdAt = new Date(plan.startMs + i * 10).toISOString();
  const participant = newParticipant(
    {
      name: `Person ${i}`,
      email: `person${i}@example.com`,
      evaluation_template_id: plan.templateIds[template] ?? null,
      external_id: `ext-${i}`,
      phone: i % 2 === 0 ? '+1 555 0100' : null,
      tags,
      profile: { title: 'Software Engineer', experienceLevel: LEVELS[i % LEVELS.length] ?? 'senior' },
      metadata: i % 4 === 0 ? { source: 'referral', cohort: `c${i % 12}` } : null,
    },
    newId(),
    createdAt,
  );
  return { row: toRow(plan.accountId, participant), tags: toTagRows(plan.accountId, participant) };
}

function* batches(plan: SeedPlan, size: number): Generator<{ rows: ParticipantRow[]; tags: ParticipantTagRow[]; first: number }> {
  for (let first = 0; first < plan.rows; first += size) {
    const rows: ParticipantRow[] = [];
    const tags: ParticipantTagRow[] = [];
    for (let i = first; i < Math.min(first + size, plan.rows); i += 1) {
      const made = participantAt(i, plan);
      rows.push(made.row);
      tags.push(...made.tags);
    }
    yield { rows, tags, first };
  }
}

class Sampler {
  readonly ids: string[] = [];
  middle = { created_at: '', id: '' };
  private readonly every: number;

  constructor(private readonly plan: SeedPlan) {
    this.every = Math.max(1, Math.floor(plan.rows / SAMPLE_SIZE));
  }

  see(rows: readonly ParticipantRow[], first: number): void {
    rows.forEach((row, k) => {
      const i = first + k;
      if (i % this.every === 0) this.ids.push(row.id);
      if (i === Math.floor(this.plan.rows / 2)) this.middle = { created_at: row.created_at, id: row.id };
    });
  }
}

const COUNT_SQL = `insert into participant_counts (account_id, stripe, n) values (?, 0, ?)
  on conflict (account_id, stripe) do update set n = participant_counts.n + excluded.n`;

const TAG_COLUMNS: (keyof ParticipantTagRow)[] = ['participant_id', 'account_id', 'tag_normalized', 'created_at'];

export function seedSqlite(filename: string, plan: SeedPlan): SeedResult {
  const started = process.hrtime.bigint();
  const Database = loadSqliteBinding();
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const rowsPerStatement = 100;
  const insertValues = (table: string, columns: readonly string[], count: number) =>
    db.prepare(
      `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: count }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
    );
  const fullParticipants = insertValues('participants', PARTICIPANT_COLUMNS, rowsPerStatement);
  const fullTags = insertValues('participant_tags', TAG_COLUMNS, rowsPerStatement);
  const insertAll = <R>(rows: readonly R[], columns: readonly (keyof R)[], table: string, full: BetterSqlite3.Statement) => {
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const chunk = rows.slice(start, start + rowsPerStatement);
      const statement = chunk.length === rowsPerStatement ? full : insertValues(table, columns.map(String), chunk.length);
      statement.run(chunk.flatMap((row) => columns.map((c) => row[c])));
    }
  };
  const sampler = new Sampler(plan);
  let tagRows = 0;
  const write = db.transaction((rows: ParticipantRow[], tags: ParticipantTagRow[]) => {
    insertAll(rows, PARTICIPANT_COLUMNS, 'participants', fullParticipants);
    insertAll(tags, TAG_COLUMNS, 'participant_tags', fullTags);
  });
  for (const batch of batches(plan, 20_000)) {
    write(batch.rows, batch.tags);
    sampler.see(batch.rows, batch.first);
    tagRows += batch.tags.length;
  }
  // The account's maintained count, as the API keeps it (migration 0011-participant-counts).
  db.prepare(COUNT_SQL).run(plan.accountId, plan.rows);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { sampleIds: sampler.ids, middle: sampler.middle, tagRows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export async function seedPostgres(connectionString: string, plan: SeedPlan): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  const client = new pg.Client({ connectionString });
  await client.connect();
  const unnest = (table: string, columns: readonly string[]) =>
    `insert into ${table} (${columns.join(', ')}) select * from unnest(${columns.map((_, k) => `$${k + 1}::text[]`).join(', ')})`;
  const participantsSql = unnest('participants', PARTICIPANT_COLUMNS);
  const tagsSql = unnest('participant_tags', TAG_COLUMNS);
  const columnsOf = <R>(rows: readonly R[], columns: readonly (keyof R)[]) => columns.map((c) => rows.map((row) => row[c]));
  const sampler = new Sampler(plan);
  let tagRows = 0;
  try {
    for (const batch of batches(plan, 20_000)) {
      await client.query('begin');
      await client.query(participantsSql, columnsOf(batch.rows, PARTICIPANT_COLUMNS));
      await client.query(tagsSql, columnsOf(batch.tags, TAG_COLUMNS));
      await client.query('commit');
      sampler.see(batch.rows, batch.first);
      tagRows += batch.tags.length;
    }
    await client.query(COUNT_SQL.replace('?', '$1').replace('?', '$2'), [plan.accountId, plan.rows]);
    // What autovacuum would soon do after a load this size.
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return { sampleIds: sampler.ids, middle: sampler.middle, tagRows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
