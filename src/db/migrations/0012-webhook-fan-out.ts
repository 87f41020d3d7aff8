import { sql, type Kysely } from 'kysely';

// Webhook fan-out leaves the write path. The transaction that records an event used to write a
// delivery row per subscribed endpoint (a table and five indexes: six B-tree pages more to commit
// for every participant create). Now it only notes, on the event row itself, which endpoints
// the event is for; the `webhook.fan-out` job turns those notes into delivery rows and clears
// them. A partial index finds the noted events; an event of an account without endpoints has
// no note and is not in it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('fanout_endpoints', 'text').execute();
  await db.schema
    .createIndex('events_fanout_idx')
    .on('events')
    .columns(['account_id', 'id'])
    .where(sql.ref('fanout_endpoints'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_fanout_idx').execute();
  await db.schema.alterTable('events').dropColumn('fanout_endpoints').execute();
}
