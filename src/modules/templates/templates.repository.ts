import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/database.js';
import { newestFirst } from '../../db/keyset.js';
import { forUpdate } from '../../db/locking.js';
import { preparedColumn } from '../../db/precompiled.js';
import type { NewTemplateRow, StageRow, TemplateRow, TemplateUpdate } from '../../db/schema.js';
import type { TemplateFilters } from './templates.schemas.js';

export async function insertTemplate(db: Executor, row: NewTemplateRow): Promise<void> {
  await db.insertInto('evaluation_templates').values(row).execute();
}

export async function findTemplate(db: Executor, accountId: string, id: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('evaluation_templates')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const templateIdInAccount = preparedColumn<string>((db, arg) =>
  db.selectFrom('evaluation_templates').select('id').where('account_id', '=', arg(0)).where('id', '=', arg(1)),
);

/** Whether the template exists in the account: one point read, compiled once (creates ask it). */
export async function templateExists(db: Executor, accountId: string, id: string): Promise<boolean> {
  return (await templateIdInAccount(db, [accountId, id])).length > 0;
}

export async function lockTemplate(tx: Tx, accountId: string, id: string): Promise<TemplateRow | undefined> {
  return forUpdate(tx, tx.selectFrom('evaluation_templates').selectAll().where('account_id', '=', accountId).where('id', '=', id)).executeTakeFirst();
}

export async function findTemplatesByName(db: Executor, accountId: string, name: string): Promise<TemplateRow[]> {
  return db
    .selectFrom('evaluation_templates')
    .selectAll()
    .where('account_id', '=', accountId)
    .where(sql<string>`lower(template_name)`, '=', name.toLowerCase())
    .orderBy('created_at', 'desc')
    .execute();
}

function filtered(db: Executor, accountId: string, filters: TemplateFilters) {
  let qb = db.selectFrom('evaluation_templates').where('account_id', '=', accountId);
  if (filters.status !== undefined) qb = qb.where('status', '=', filters.status);
  if (filters.use_case !== undefined) qb = qb.where('use_case', '=', filters.use_case);
  if (filters.q !== undefined) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where(sql<boolean>`lower(template_name) like ${pattern} escape '\\'`);
  }
  return qb;
}

export async function listTemplates(
  db: Executor,
  accountId: string,
  filters: TemplateFilters,
  page: { offset: number; limit: number } | { after: { created_at: string; id: string } | undefined; limit: number },
): Promise<TemplateRow[]> {
  let qb = newestFirst(filtered(db, accountId, filters).selectAll(), 'after' in page ? page.after : undefined);
  qb = qb.limit(page.limit);
  if ('offset' in page) qb = qb.offset(page.offset);
  return qb.execute();
}

export async function countTemplates(db: Executor, accountId: string, filters: TemplateFilters): Promise<number> {
  const row = await filtered(db, accountId, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateTemplate(db: Executor, accountId: string, id: string, patch: TemplateUpdate): Promise<void> {
  await db.updateTable('evaluation_templates').set(patch).where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function deleteTemplate(db: Executor, accountId: string, id: string): Promise<number> {
  const result = await db
    .deleteFrom('evaluation_templates')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function stagesOf(db: Executor, templateIds: readonly string[]): Promise<StageRow[]> {
  if (templateIds.length === 0) return [];
  return db
    .selectFrom('evaluation_stages')
    .selectAll()
    .where('template_id', 'in', templateIds)
    .orderBy('template_id')
    .orderBy('stage_order')
    .execute();
}

export async function findStage(db: Executor, accountId: string, id: string): Promise<StageRow | undefined> {
  return db
    .selectFrom('evaluation_stages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertStage(db: Executor, row: StageRow): Promise<void> {
  await db.insertInto('evaluation_stages').values(row).execute();
}

export async function updateStage(db: Executor, id: string, patch: Partial<StageRow>): Promise<void> {
  await db.updateTable('evaluation_stages').set(patch).where('id', '=', id).execute();
}

export async function deleteStage(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('evaluation_stages').where('id', '=', id).execute();
}
