import type { Executor } from '../../db/database.js';
import type { ParticipantResumeRow } from '../../db/schema.js';

/** SQL for the text read from resumes only. */

export async function findText(db: Executor, accountId: string, participantId: string): Promise<ParticipantResumeRow | undefined> {
  return db
    .selectFrom('participant_resumes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
}

export async function upsertText(db: Executor, row: ParticipantResumeRow): Promise<void> {
  const { participant_id: _id, ...set } = row;
  await db
    .insertInto('participant_resumes')
    .values(row)
    .onConflict((oc) => oc.column('participant_id').doUpdateSet(set))
    .execute();
}

export async function deleteText(db: Executor, participantId: string): Promise<void> {
  await db.deleteFrom('participant_resumes').where('participant_id', '=', participantId).execute();
}
