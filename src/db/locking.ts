import { PostgresAdapter, type SelectQueryBuilder } from 'kysely';
import type { Tx } from './database.js';

/**
 * Row lock for read-modify-write. It takes the transaction by type, so a lock can never be
 * asked for outside one. PostgreSQL takes `FOR UPDATE`; SQLite has no row locks and needs
 * none: its transactions start with BEGIN IMMEDIATE and so hold the database's write lock.
 */
export function forUpdate<DB, TB extends keyof DB, O>(tx: Tx, qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return tx.getExecutor().adapter instanceof PostgresAdapter ? qb.forUpdate() : qb;
}
