import type { Compilable, CompiledQuery, InsertQueryBuilder, InsertResult, Insertable, QueryResult } from 'kysely';
import type { Executor } from './database.js';
import type { Database } from './schema.js';

/**
 * Queries built and compiled once, then run with fresh parameter values. Kysely rebuilds and
 * recompiles its query tree on every call; for the few queries on every request's path (the
 * API key lookup, a participant by id, the inserts of a create) that was half their cost.
 *
 * The builder receives placeholders (`arg(i)`) where values go; compiling maps each
 * placeholder to its parameter slot. The compiled SQL is cached per dialect, so the same
 * function serves SQLite and PostgreSQL, and a transaction as well as the database.
 */

const MARK = '\u0000docket-arg:';

type Slot = { arg: number } | { constant: unknown };

interface Entry {
  compiled: CompiledQuery;
  slots: Slot[];
  inOrder: boolean;
}

function dialectOf(db: Executor): unknown {
  return db.getExecutor().adapter.constructor;
}

function compile(query: Compilable<unknown>): Entry {
  const compiled = query.compile();
  const slots = compiled.parameters.map((value): Slot =>
    typeof value === 'string' && value.startsWith(MARK) ? { arg: Number(value.slice(MARK.length)) } : { constant: value },
  );
  // Most queries take their arguments in order and nothing else: then they pass straight through.
  const inOrder = slots.every((slot, i) => 'arg' in slot && slot.arg === i);
  return { compiled, slots, inOrder };
}

/**
 * SQLite: the connection behind a database handle or one of its transactions, for running a
 * compiled query synchronously instead of through Kysely's driver (its connection mutex, query
 * ids and promise hops cost more than a point read itself). Registered by database.ts.
 */
export interface DirectSqlite {
  prepare(sql: string): { reader: boolean; all(parameters: readonly unknown[]): unknown[]; run(parameters: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint } };
  /** The first column of every row of a reader query: a string per row rather than an object per row. */
  column(sql: string, parameters: readonly unknown[]): unknown[];
  /** Whether a transaction is open on the connection. */
  inTransaction(): boolean;
  /** Runs a statement without parameters or rows (a savepoint). */
  exec(sql: string): void;
}

const directOf = new WeakMap<Executor, { sqlite: DirectSqlite; transaction: boolean }>();

/**
 * `executor` runs precompiled queries directly on `sqlite`. For the database itself that only
 * happens while no transaction is open on the connection (a transaction's uncommitted writes
 * must not be read from outside it: then the query waits for the connection like any other);
 * a transaction (`transaction: true`) owns the connection while it runs.
 */
export function registerDirectSqlite(executor: Executor, sqlite: DirectSqlite, transaction: boolean): void {
  directOf.set(executor, { sqlite, transaction });
}

function runDirect<R>(sqlite: DirectSqlite, sql: string, parameters: readonly unknown[]): QueryResult<R> {
  const statement = sqlite.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}

function parametersOf(entry: Entry, args: readonly unknown[]): readonly unknown[] {
  return entry.inOrder && args.length === entry.slots.length ? args : entry.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.constant));
}

/** The connection to run on directly, when `db` has one and may use it now. */
function directFor(db: Executor): DirectSqlite | undefined {
  const direct = directOf.get(db);
  return direct !== undefined && (direct.transaction || !direct.sqlite.inTransaction()) ? direct.sqlite : undefined;
}

/** Runs a compiled query directly on SQLite when it may, else through Kysely; `direct` and `viaKysely` shape the result. */
function execute<T>(
  db: Executor,
  entry: Entry,
  args: readonly unknown[],
  direct: (sqlite: DirectSqlite, sql: string, parameters: readonly unknown[]) => T,
  viaKysely: (result: QueryResult<unknown>) => T,
): Promise<T> {
  const parameters = parametersOf(entry, args);
  const sqlite = directFor(db);
  if (sqlite !== undefined) {
    try {
      return Promise.resolve(direct(sqlite, entry.compiled.sql, parameters));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  return db.executeQuery<unknown>({ ...entry.compiled, parameters }).then(viaKysely);
}

function run<R>(db: Executor, entry: Entry, args: readonly unknown[]): Promise<QueryResult<R>> {
  return execute(db, entry, args, runDirect<R>, (result) => result as QueryResult<R>);
}

/** The values of a one-column query's rows (better-sqlite3's pluck when run directly). */
function runColumn<V>(db: Executor, entry: Entry, args: readonly unknown[]): Promise<V[]> {
  return execute(
    db,
    entry,
    args,
    (sqlite, sql, parameters) => sqlite.column(sql, parameters) as V[],
    (result) => result.rows.map((row) => Object.values(row as Record<string, V>)[0] as V),
  );
}

/** A placeholder for argument `i`, typed as whatever the builder expects there. */
export type Arg = <T = string>(i: number) => T;

const arg: Arg = <T,>(i: number) => `${MARK}${i}` as unknown as T;

/**
 * `const byId = prepared((db, arg) => db.selectFrom('x').selectAll().where('id', '=', arg(0)))`,
 * then `(await byId(db, [id])).rows`.
 */
export function prepared<R>(build: (db: Executor, arg: Arg) => Compilable<R>): (db: Executor, args: readonly unknown[]) => Promise<QueryResult<R>> {
  const entryFor = compiledPerDialect(build);
  return (db, args) => run<R>(db, entryFor(db), args);
}

/** `build` compiled once per dialect, on first use. */
function compiledPerDialect(build: (db: Executor, arg: Arg) => Compilable<unknown>): (db: Executor) => Entry {
  const entries = new Map<unknown, Entry>();
  return (db) => {
    const dialect = dialectOf(db);
    let entry = entries.get(dialect);
    if (entry === undefined) {
      entry = compile(build(db, arg));
      entries.set(dialect, entry);
    }
    return entry;
  };
}

/**
 * Like `prepared`, for a query selecting one column: resolves to that column's values. On
 * SQLite a page of 51 documents read this way took about a third less time than as one object
 * per row (115 against 177 µs in a micro-benchmark).
 */
export function preparedColumn<V>(build: (db: Executor, arg: Arg) => Compilable<Record<string, V>>): (db: Executor, args: readonly unknown[]) => Promise<V[]> {
  const entryFor = compiledPerDialect(build);
  return (db, args) => runColumn<V>(db, entryFor(db), args);
}

/**
 * Statement sizes for `total` rows: full statements of `maxRows`, then powers of two. Each size
 * is a distinct statement to compile and to keep prepared (a 500-row INSERT holds hundreds of
 * kilobytes in SQLite), so sizes come from this short list rather than every possible count.
 */
function chunkSizes(total: number, maxRows: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left >= maxRows) {
    sizes.push(maxRows);
    left -= maxRows;
  }
  for (let size = 2 ** Math.floor(Math.log2(Math.max(1, maxRows))); left > 0; size /= 2) {
    while (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/**
 * A multi-row INSERT of fixed columns, compiled once per dialect and statement size (see
 * chunkSizes). `finish` adds e.g. ON CONFLICT or RETURNING.
 */
export function preparedInsert<T extends keyof Database & string, C extends keyof Insertable<Database[T]> & string, R = never>(
  table: T,
  columns: readonly C[],
  options: { maxRows: number; finish?: (query: InsertOf<T>) => Compilable<R> },
): (db: Executor, rows: readonly Pick<Insertable<Database[T]>, C>[]) => Promise<R[]> {
  const entries = new Map<unknown, Map<number, Entry>>();
  return async (db, rows) => {
    const dialect = dialectOf(db);
    let bySize = entries.get(dialect);
    if (bySize === undefined) {
      bySize = new Map();
      entries.set(dialect, bySize);
    }
    const out: R[] = [];
    let start = 0;
    for (const size of chunkSizes(rows.length, options.maxRows)) {
      const chunk = rows.slice(start, start + size);
      start += size;
      let entry = bySize.get(chunk.length);
      if (entry === undefined) {
        const values = chunk.map((_, r) => Object.fromEntries(columns.map((column, c) => [column, arg(r * columns.length + c)])));
        const insert: InsertOf<T> = db.insertInto(table).values(values as unknown as Insertable<Database[T]>);
        entry = compile(options.finish === undefined ? insert : options.finish(insert));
        bySize.set(chunk.length, entry);
      }
      const args: unknown[] = [];
      for (const row of chunk) for (const column of columns) args.push(row[column]);
      const result = await run<R>(db, entry, args);
      out.push(...result.rows);
    }
    return out;
  };
}

/** The INSERT builder handed to `finish`. */
export type InsertOf<T extends keyof Database & string> = InsertQueryBuilder<Database, T, InsertResult>;
