import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/database.js';
import { newestFirst } from '../../db/keyset.js';
import { forUpdate } from '../../db/locking.js';
import type { AgentProfileRow, AgentProfileUpdate } from '../../db/schema.js';
import type { AgentProfileFilters } from './agent-profiles.schemas.js';

export async function insertProfiles(db: Executor, rows: readonly AgentProfileRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('agent_profiles').values([...rows]).execute();
}

export async function findProfile(db: Executor, accountId: string, id: string): Promise<AgentProfileRow | undefined> {
  return db.selectFrom('agent_profiles').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function lockProfile(tx: Tx, accountId: string, id: string): Promise<AgentProfileRow | undefined> {
  return forUpdate(tx, tx.selectFrom('agent_profiles').selectAll().where('account_id', '=', accountId).where('id', '=', id)).executeTakeFirst();
}

function filtered(db: Executor, accountId: string, filters: AgentProfileFilters) {
  let qb = db.selectFrom('agent_profiles').where('account_id', '=', accountId);
  if (filters.useCase !== undefined) qb = qb.where('use_case', '=', filters.useCase);
  if (filters.q !== undefined) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where(sql<boolean>`lower(name) like ${pattern} escape '\\'`);
  }
  return qb;
}

export async function listProfiles(
  db: Executor,
  accountId: string,
  filters: AgentProfileFilters,
  page: { offset: number; limit: number } | { after: { created_at: string; id: string } | undefined; limit: number },
): Promise<AgentProfileRow[]> {
  let qb = newestFirst(filtered(db, accountId, filters).selectAll(), 'after' in page ? page.after : undefined).limit(page.limit);
  if ('offset' in page) qb = qb.offset(page.offset);
  return qb.execute();
}

export async function countProfiles(db: Executor, accountId: string, filters: AgentProfileFilters): Promise<number> {
  const row = await filtered(db, accountId, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateProfile(db: Executor, accountId: string, id: string, patch: AgentProfileUpdate): Promise<void> {
  await db.updateTable('agent_profiles').set(patch).where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function deleteProfile(db: Executor, accountId: string, id: string): Promise<number> {
  const result = await db.deleteFrom('agent_profiles').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}
