import type { Executor, Tx } from '../../db/database.js';
import { forUpdate } from '../../db/locking.js';
import type { InterviewRow, InterviewTurnRow, InterviewUpdate } from '../../db/schema.js';

export async function findInterview(db: Executor, sessionId: string): Promise<InterviewRow | undefined> {
  return db.selectFrom('interviews').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

export async function lockInterview(tx: Tx, sessionId: string): Promise<InterviewRow | undefined> {
  return forUpdate(tx, tx.selectFrom('interviews').selectAll().where('session_id', '=', sessionId)).executeTakeFirst();
}

/** Creates the row if it is not there yet (two first opens at once make one). */
export async function insertInterviewIfAbsent(db: Executor, row: InterviewRow): Promise<void> {
  await db.insertInto('interviews').values(row).onConflict((oc) => oc.column('session_id').doNothing()).execute();
}

export async function updateInterview(db: Executor, sessionId: string, set: InterviewUpdate): Promise<void> {
  await db.updateTable('interviews').set(set).where('session_id', '=', sessionId).execute();
}

/** Freezes the plan: only a row without one takes it. Returns whether this call wrote it. */
export async function setPlanOnce(db: Executor, sessionId: string, plan: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('interviews')
    .set({ plan, updated_at: now })
    .where('session_id', '=', sessionId)
    .where('plan', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function turnsOf(db: Executor, sessionId: string): Promise<InterviewTurnRow[]> {
  return db.selectFrom('interview_turns').selectAll().where('session_id', '=', sessionId).orderBy('seq').execute();
}

export async function insertTurn(db: Executor, row: InterviewTurnRow): Promise<void> {
  await db.insertInto('interview_turns').values(row).execute();
}
