import type { Db, Dialect, Executor } from '../../db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { AppError, notFound } from '../../http/errors.js';
import { pageResult, resolvePage, type PageMetaOut, type PageQuery } from '../../http/pagination.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import type { EventsService } from '../events/events.service.js';
import type { TemplatesService } from '../templates/templates.service.js';
import {
  identityKey,
  newParticipant,
  normaliseEmail,
  normaliseTag,
  patchedParticipant,
  toParticipant,
  toRow,
  toTagRows,
} from './participants.model.js';
import * as repo from './participants.repository.js';
import type { Participant, ParticipantCreate, ParticipantFilters, ParticipantPatch } from './participants.schemas.js';

export interface ParticipantsDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  templates: TemplatesService;
  events: EventsService;
}

/** Rows per query when streaming an export. */
const EXPORT_PAGE_SIZE = 1000;

export function participantExists(existingId: string): AppError {
  return new AppError(
    'participant_exists',
    'A participant with this email already exists for this evaluation template.',
    [{ path: 'email', message: 'is already used by a participant of the same template', code: 'duplicate' }],
    { existing_id: existingId },
  );
}

export function templateNotFound(): AppError {
  return new AppError('not_found', 'Evaluation template not found.', [
    { path: 'evaluation_template_id', message: 'is not a template of this account', code: 'not_found' },
  ]);
}

/** Filters from the query string in canonical form: what the query uses and a cursor carries. */
export function canonicalFilters(query: ParticipantFilters): ParticipantFilters {
  const out: ParticipantFilters = {};
  const tags = [...new Set((query.tag ?? []).map(normaliseTag).filter((tag) => tag !== ''))].sort();
  if (tags.length > 0) out.tag = tags;
  if (query.evaluation_template_id !== undefined) out.evaluation_template_id = query.evaluation_template_id.toLowerCase();
  if (query.status !== undefined) out.status = query.status;
  if (query.email !== undefined && query.email.trim() !== '') out.email = normaliseEmail(query.email);
  if (query.external_id !== undefined && query.external_id.trim() !== '') out.external_id = query.external_id.trim();
  if (query.q !== undefined && query.q.trim() !== '') out.q = query.q.trim().toLowerCase();
  // Stored timestamps compare as fixed-width text, so the bounds take the same form.
  if (query.created_after !== undefined) out.created_after = new Date(query.created_after).toISOString();
  if (query.created_before !== undefined) out.created_before = new Date(query.created_before).toISOString();
  if (query.updated_after !== undefined) out.updated_after = new Date(query.updated_after).toISOString();
  return out;
}

export class ParticipantsService {
  constructor(private readonly deps: ParticipantsDeps) {}

  async create(accountId: string, input: ParticipantCreate): Promise<Participant> {
    const templateId = input.evaluation_template_id ?? null;
    if (templateId !== null) await this.requireTemplate(accountId, templateId);
    const participant = newParticipant(input, newId(), isoNow(this.deps.clock));
    // The unique index decides, never a prior read. A conflict is looked up afterwards to name
    // the holder; if it vanished in between (deleted), the insert is simply tried again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await this.insert(accountId, participant)) return participant;
      const existing = await repo.findIdsByIdentity(this.deps.db, accountId, [toRow(accountId, participant)]);
      const existingId = existing.get(identityKey(templateId, participant.email));
      if (existingId !== undefined) throw participantExists(existingId);
    }
    throw new AppError('conflict', 'The participant could not be created because of concurrent changes. Retry.');
  }

  async get(accountId: string, id: string): Promise<Participant> {
    const row = await repo.findParticipant(this.deps.db, accountId, id);
    if (row === undefined) throw notFound('Participant');
    return toParticipant(row);
  }

  async list(accountId: string, query: PageQuery & ParticipantFilters): Promise<{ data: Participant[]; meta: PageMetaOut }> {
    const page = resolvePage(query, canonicalFilters(query));
    const db = this.deps.db;
    if (page.mode === 'page') {
      const [rows, total] = await Promise.all([
        repo.listParticipants(db, accountId, page.filters, { offset: page.offset, limit: page.pageSize }),
        repo.countParticipants(db, accountId, page.filters),
      ]);
      return pageResult(page, rows, total, toParticipant);
    }
    const rows = await repo.listParticipants(db, accountId, page.filters, { after: page.after, limit: page.limit + 1 });
    return pageResult(page, rows, undefined, toParticipant);
  }

  /** The filtered list, newest first, a page of rows at a time (keyset, so other requests interleave). */
  async *stream(accountId: string, query: ParticipantFilters): AsyncGenerator<Participant[]> {
    const filters = canonicalFilters(query);
    let after: repo.SortKey | undefined;
    for (;;) {
      const rows = await repo.listParticipants(this.deps.db, accountId, filters, { after, limit: EXPORT_PAGE_SIZE });
      if (rows.length > 0) yield rows.map(toParticipant);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < EXPORT_PAGE_SIZE) return;
      after = { created_at: last.created_at, id: last.id };
    }
  }

  async update(accountId: string, id: string, patch: ParticipantPatch): Promise<Participant> {
    const templateId = patch.evaluation_template_id;
    if (templateId !== undefined && templateId !== null) await this.requireTemplate(accountId, templateId);
    let attempted: Participant | undefined;
    try {
      return await this.deps.db.transaction().execute(async (tx) => {
        const current = await repo.lockParticipant(tx, this.deps.dialect, accountId, id);
        if (current === undefined) throw notFound('Participant');
        const next = patchedParticipant(toParticipant(current), patch, isoNow(this.deps.clock));
        attempted = next;
        await repo.updateParticipant(tx, toRow(accountId, next));
        if (patch.tags !== undefined) {
          await repo.deleteTags(tx, id);
          await repo.insertTags(tx, toTagRows(accountId, next));
        }
        await this.deps.events.record(tx, accountId, { type: 'participant.updated', data: { participant: next } });
        return next;
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempted !== undefined) {
        const existing = await repo.findIdsByIdentity(this.deps.db, accountId, [toRow(accountId, attempted)]);
        const existingId = existing.get(identityKey(attempted.evaluation_template_id, attempted.email));
        throw existingId === undefined
          ? new AppError('conflict', 'The participant changed concurrently. Retry.')
          : participantExists(existingId);
      }
      if (isForeignKeyViolation(error)) throw templateNotFound();
      throw error;
    }
  }

  async delete(accountId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await repo.lockParticipant(tx, this.deps.dialect, accountId, id);
      if (current === undefined) throw notFound('Participant');
      await repo.deleteParticipant(tx, accountId, id);
      await this.deps.events.record(tx, accountId, { type: 'participant.deleted', data: { participant: toParticipant(current) } });
    });
  }

  async requireTemplate(accountId: string, templateId: string): Promise<void> {
    if ((await this.deps.templates.find(accountId, templateId.toLowerCase())) === undefined) throw templateNotFound();
  }

  /** One participant, its tags and its event in one transaction; false when the identity is taken. */
  private async insert(accountId: string, participant: Participant): Promise<boolean> {
    try {
      return await this.deps.db.transaction().execute(async (tx: Executor) => {
        const inserted = await repo.insertNew(tx, [toRow(accountId, participant)]);
        if (inserted.size === 0) return false;
        await repo.insertTags(tx, toTagRows(accountId, participant));
        await this.deps.events.record(tx, accountId, { type: 'participant.created', data: { participant } });
        return true;
      });
    } catch (error) {
      // The template was deleted between the check and the insert.
      if (isForeignKeyViolation(error)) throw templateNotFound();
      throw error;
    }
  }
}
