import { SqliteAdapter, sql, type Kysely } from 'kysely';

// The participants list sorts by name and by status as well as by creation time (keyset paging
// on (column, id) in either direction). Each order gets an index that walks it within an
// account, so a page costs the same at any depth of a cursor walk.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('participants_account_name_idx')
    .on('participants')
    .columns(['account_id', 'search_text', 'id'])
    .execute();
  await db.schema
    .createIndex('participants_account_status_idx')
    .on('participants')
    .columns(['account_id', 'status', 'id'])
    .execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // 0002 gave SQLite's planner figures for a large account; an index without any would look
    // far more selective than it is and be chosen for plain account scans. These say: many
    // rows per account, names nearly unique, two statuses.
    const stats: [index: string, stat: string][] = [
      ['participants_account_name_idx', '1000000 100000 2 1'],
      ['participants_account_status_idx', '1000000 100000 50000 1'],
    ];
    for (const [index, stat] of stats) {
      await sql`delete from sqlite_stat1 where tbl = 'participants' and idx = ${index}`.execute(db);
      await sql`insert into sqlite_stat1 (tbl, idx, stat) values ('participants', ${index}, ${stat})`.execute(db);
    }
    await sql`analyze sqlite_schema`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('participants_account_status_idx').execute();
  await db.schema.dropIndex('participants_account_name_idx').execute();
}
