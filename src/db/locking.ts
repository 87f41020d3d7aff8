import type { SelectQueryBuilder } from 'kysely';
import type { Dialect } from './database.js';

/**
 * Row lock for read-modify-write inside a transaction. PostgreSQL takes `FOR UPDATE`; SQLite
 * has no row locks and needs none: its writers are serialised by the database lock.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  dialect: Dialect,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? qb.forUpdate() : qb;
}
