import Fastify from 'fastify';
import { newId } from '../src/db/ids.js';
import { loadSqliteBinding } from '../src/db/sqlite-connection.js';

/**
 * The practical limit for the participants API on this machine: a hand-written Fastify +
 * better-sqlite3 server over the same database file and the same seeded rows, with every
 * statement prepared once, and no authentication, no validation, no events, no jobs. Run in
 * its own process, measured with the same load generator as Docket in the same run.
 *
 * `node minimal-server.ts <port> <sqlite file> <account id>`. It writes into the same tables
 * (and so the same indexes) as Docket; its creates use their own emails.
 */
const [portArg, filename, accountId] = process.argv.slice(2);
if (filename === undefined || accountId === undefined) throw new Error('usage: minimal-server <port> <file> <account id>');

const Database = loadSqliteBinding();
const db = new Database(filename);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -16384');
// Docket's server, running throughout the benchmark on the same file, checkpoints the WAL from a
// worker thread every 200 ms: the minimal server leaves checkpoints to it, as Docket does.
db.pragma('wal_autocheckpoint = 20000');

const byId = db.prepare('select doc from participants where account_id = ? and id = ?').pluck();
const byTag = db
  .prepare(
    `select p.doc from participant_tags t join participants p on p.id = t.participant_id
     where t.account_id = ? and t.tag_normalized = ? and (t.created_at, t.participant_id) < (?, ?)
     order by t.created_at desc, t.participant_id desc limit ?`,
  )
  .pluck();
const COLUMNS = ['id', 'account_id', 'template_id', 'template_key', 'email_normalized', 'search_text', 'external_id', 'status', 'created_at', 'updated_at', 'doc'];
const TAG_COLUMNS = ['participant_id', 'account_id', 'tag_normalized', 'created_at'];
const insertSql = (table: string, columns: string[], rows: number) =>
  `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
const insertOne = db.prepare(insertSql('participants', COLUMNS, 1));
const insertMany = new Map<number, ReturnType<typeof db.prepare>>();
const insertTags = new Map<number, ReturnType<typeof db.prepare>>();
const many = (cache: Map<number, ReturnType<typeof db.prepare>>, table: string, columns: string[], n: number) => {
  let statement = cache.get(n);
  if (statement === undefined) {
    statement = db.prepare(insertSql(table, columns, n));
    cache.set(n, statement);
  }
  return statement;
};

interface Body {
  name: string;
  email: string;
  evaluation_template_id?: string;
  external_id?: string;
  tags?: string[];
}

function rowsOf(body: Body): { row: unknown[]; tags: unknown[] } {
  const now = new Date().toISOString();
  // Docket's ids (UUIDv7, time-ordered): the same b-tree behaviour on insert.
  const id = newId();
  const email = body.email.toLowerCase();
  const template = body.evaluation_template_id ?? null;
  const doc = JSON.stringify({ id, ...body, created_at: now, updated_at: now });
  const tags: unknown[] = [];
  for (const tag of body.tags ?? []) tags.push(id, accountId, tag.toLowerCase(), now);
  return { row: [id, accountId, template, template ?? '', email, `${body.name.toLowerCase()}\n${email}`, body.external_id ?? null, 'active', now, now, doc], tags };
}

const create = db.transaction((body: Body) => {
  const { row, tags } = rowsOf(body);
  insertOne.run(row);
  if (tags.length > 0) many(insertTags, 'participant_tags', TAG_COLUMNS, tags.length / TAG_COLUMNS.length).run(tags);
  return row[COLUMNS.length - 1] as string;
});

const bulk = db.transaction((items: Body[]) => {
  const rows: unknown[] = [];
  const tags: unknown[] = [];
  for (const item of items) {
    const made = rowsOf(item);
    rows.push(...made.row);
    tags.push(...made.tags);
  }
  many(insertMany, 'participants', COLUMNS, items.length).run(rows);
  // Tag rows in chunks of 200 (SQLite's limit of 32,766 parameters allows up to 8,191).
  for (let start = 0; start < tags.length; start += 200 * TAG_COLUMNS.length) {
    const chunk = tags.slice(start, start + 200 * TAG_COLUMNS.length);
    many(insertTags, 'participant_tags', TAG_COLUMNS, chunk.length / TAG_COLUMNS.length).run(chunk);
  }
  return items.length;
});

const app = Fastify({ logger: false });
app.get('/', async () => ({ ok: true }));
app.get<{ Params: { id: string } }>('/participants/:id', async (request, reply) => {
  const doc = byId.get(accountId, request.params.id) as string | undefined;
  if (doc === undefined) return reply.code(404).send({ error: 'not found' });
  return reply.type('application/json').send(`{"data":${doc}}`);
});
app.get<{ Querystring: { tag: string; limit: string; at: string; id: string } }>('/participants', async (request, reply) => {
  const q = request.query;
  const docs = byTag.all(accountId, q.tag, q.at, q.id, Number(q.limit)) as string[];
  return reply.type('application/json').send(`{"data":[${docs.join(',')}]}`);
});
app.post<{ Body: Body }>('/participants', async (request, reply) => {
  const doc = create(request.body);
  return reply.code(201).type('application/json').send(`{"data":${doc}}`);
});
app.post<{ Body: { participants: Body[] } }>('/participants/bulk', async (request, reply) => {
  const created = bulk(request.body.participants);
  return reply.code(201).send({ created });
});

await app.listen({ port: Number(portArg ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${JSON.stringify(app.server.address())}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
