import type { Readable } from 'node:stream';
import type { DatabaseHandle, Executor, Tx } from '../../db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { recordOutcome } from '../../db/transaction.js';
import { newId } from '../../db/ids.js';
import { AppError, notFound } from '../../errors.js';
import { pageResult, resolvePage, type PageMetaOut, type PageQuery } from '../../lib/pagination.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import { toStoredTimestamp } from '../../lib/validation.js';
import type { EventsService, NewEvent } from '../events/events.service.js';
import type { ResumeScheduler } from '../resumes/resume-scheduler.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import type { TemplatesService } from '../templates/templates.service.js';
import {
  documentOf,
  identityKey,
  newParticipant,
  normaliseEmail,
  normaliseTag,
  patchedParticipant,
  toParticipant,
  toRow,
  toTagRows,
} from './participants.model.js';
import { exportCsv } from './participants.csv.js';
import * as repo from './participants.repository.js';
import {
  ParticipantListQuery,
  type Participant,
  type ParticipantCreate,
  type ParticipantFilters,
  type ParticipantPatch,
  type Resume,
} from './participants.schemas.js';

export interface ParticipantsDeps {
  database: DatabaseHandle;
  clock: Clock;
  templates: TemplatesService;
  events: EventsService;
  /** Told, inside the same transaction, when a resume link is set, changed or cleared. */
  resumes: ResumeScheduler;
  /** Deleting a participant cancels their open sessions in the same transaction. */
  sessions?: Pick<SessionsService, 'cancelOpenOfParticipant'>;
}

/** Why a resume could not be recorded: no such participant, no resume link, or not the expected one. */
export type ResumeUpdate = ParticipantWithJson | 'not_found' | 'no_resume' | 'stale';

/** Rows per query when streaming an export. */
const EXPORT_PAGE_SIZE = 1000;

/** A participant and its stored JSON (what responses send without serialising again). */
export interface ParticipantWithJson {
  participant: Participant;
  json: string;
}

/** Event data `{ "participant": … }` around a stored document. */
export function participantEvent(type: 'participant.created' | 'participant.updated' | 'participant.deleted', json: string): NewEvent {
  return { type, dataJson: `{"participant":${json}}` };
}

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
  if (query.created_after !== undefined) out.created_after = toStoredTimestamp(query.created_after);
  if (query.created_before !== undefined) out.created_before = toStoredTimestamp(query.created_before);
  if (query.updated_after !== undefined) out.updated_after = toStoredTimestamp(query.updated_after);
  return out;
}

/** Template ids remembered with their account, at most this many (then forgotten all at once). */
const TEMPLATE_CACHE_SIZE = 10_000;

export class ParticipantsService {
  /**
   * Template id → its account. A template never moves to another account, so a remembered
   * answer stays right; one deleted since is caught by the foreign key on insert (then 404).
   */
  private readonly templateAccounts = new Map<string, string>();

  constructor(private readonly deps: ParticipantsDeps) {}

  async create(accountId: string, input: ParticipantCreate): Promise<ParticipantWithJson> {
    const templateId = input.evaluation_template_id ?? null;
    if (templateId !== null) await this.requireTemplate(accountId, templateId);
    const participant = newParticipant(input, newId(), isoNow(this.deps.clock));
    const json = documentOf(participant);
    // The unique index decides, never a prior read. A conflict is looked up afterwards to name
    // the holder; if it vanished in between (deleted), the insert is simply tried again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await this.insert(accountId, participant, json)) return { participant, json };
      const existing = await repo.findIdsByIdentity(this.deps.database.db, accountId, [toRow(accountId, participant, json)]);
      const existingId = existing.get(identityKey(templateId, participant.email));
      if (existingId !== undefined) throw participantExists(existingId);
    }
    throw new AppError('conflict', 'The participant could not be created because of concurrent changes. Retry.');
  }

  async get(accountId: string, id: string): Promise<Participant> {
    return toParticipant(await this.getJson(accountId, id));
  }

  /** For other modules: participants of this account by id (absent ones are missing from the map). */
  async findMany(accountId: string, ids: readonly string[], db: Executor = this.deps.database.db): Promise<Map<string, Participant>> {
    const rows = await repo.findParticipants(db, accountId, [...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, toParticipant(row.doc)]));
  }

  /** The participant's stored JSON, exactly its API object. */
  async getJson(accountId: string, id: string): Promise<string> {
    const row = await repo.findParticipant(this.deps.database.db, accountId, id);
    if (row === undefined) throw notFound('Participant');
    return row.doc;
  }

  /** A page of participants as their stored JSON documents, with the page's `meta`. */
  async list(accountId: string, query: PageQuery & ParticipantFilters): Promise<{ documents: string[]; meta: PageMetaOut }> {
    const page = resolvePage(query, canonicalFilters(query), ParticipantListQuery);
    const db = this.deps.database.db;
    const toDocument = (row: repo.StoredParticipant) => row.doc;
    if (page.mode === 'page') {
      const [rows, total] = await Promise.all([
        repo.listParticipants(db, accountId, page.filters, { offset: page.offset, limit: page.pageSize }),
        repo.countParticipants(db, accountId, page.filters),
      ]);
      const result = pageResult(page, rows, total, toDocument);
      return { documents: result.data, meta: result.meta };
    }
    const rows = await repo.listParticipants(db, accountId, page.filters, { after: page.after, limit: page.limit + 1 });
    const result = pageResult(page, rows, undefined, toDocument);
    return { documents: result.data, meta: result.meta };
  }

  /** The filtered list, newest first, a page of rows at a time (keyset, so other requests interleave). */
  async *stream(accountId: string, query: ParticipantFilters): AsyncGenerator<Participant[]> {
    const filters = canonicalFilters(query);
    let after: repo.SortKey | undefined;
    for (;;) {
      const rows = await repo.listParticipants(this.deps.database.db, accountId, filters, { after, limit: EXPORT_PAGE_SIZE });
      if (rows.length > 0) yield rows.map((row) => toParticipant(row.doc));
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < EXPORT_PAGE_SIZE) return;
      after = { created_at: last.created_at, id: last.id };
    }
  }

  /** The filtered list as CSV (the import's columns), streamed. */
  exportCsv(accountId: string, query: ParticipantFilters): Readable {
    const names = new Map<string, Promise<string | null>>();
    const templateName = (id: string): Promise<string | null> => {
      let name = names.get(id);
      if (name === undefined) {
        name = this.deps.templates.find(accountId, id).then((template) => template?.template_name ?? null);
        names.set(id, name);
      }
      return name;
    };
    return exportCsv(this.stream(accountId, query), templateName);
  }

  async update(accountId: string, id: string, patch: ParticipantPatch): Promise<ParticipantWithJson> {
    const templateId = patch.evaluation_template_id;
    if (templateId !== undefined && templateId !== null) await this.requireTemplate(accountId, templateId);
    let attempted: Participant | undefined;
    try {
      return await this.deps.database.transaction(async (tx) => {
        const current = await repo.lockParticipant(tx, accountId, id);
        if (current === undefined) throw notFound('Participant');
        const before = toParticipant(current.doc);
        const participant = patchedParticipant(before, patch, isoNow(this.deps.clock));
        attempted = participant;
        const json = documentOf(participant);
        await repo.updateParticipant(tx, toRow(accountId, participant, json));
        if (patch.tags !== undefined) {
          await repo.deleteTags(tx, id);
          await repo.insertTags(tx, toTagRows(accountId, participant));
        }
        if (participant.resume_url !== before.resume_url) {
          await this.deps.resumes.urlChanged(tx, accountId, id, participant.resume_url);
        }
        await this.deps.events.record(tx, accountId, participantEvent('participant.updated', json));
        return { participant, json };
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempted !== undefined) {
        const existing = await repo.findIdsByIdentity(this.deps.database.db, accountId, [toRow(accountId, attempted)]);
        const existingId = existing.get(identityKey(attempted.evaluation_template_id, attempted.email));
        throw existingId === undefined
          ? new AppError('conflict', 'The participant changed concurrently. Retry.')
          : participantExists(existingId);
      }
      if (isForeignKeyViolation(error)) throw this.templateGone(templateId);
      throw error;
    }
  }

  async delete(accountId: string, id: string): Promise<void> {
    await this.deps.database.transaction(async (tx) => {
      const current = await repo.lockParticipant(tx, accountId, id);
      if (current === undefined) throw notFound('Participant');
      await this.deps.sessions?.cancelOpenOfParticipant(accountId, toParticipant(current.doc), { outer: tx });
      await repo.deleteParticipant(tx, accountId, id);
      await this.deps.resumes.participantDeleted(tx, id);
      await this.deps.events.record(tx, accountId, participantEvent('participant.deleted', current.doc));
    });
  }

  /**
   * Replaces the participant's `resume` object (the resume job and refresh), in the caller's
   * transaction, with the row locked. Only while the participant still has a resume link — the
   * one given as `url`, when given — and, with `pendingOnly`, only while the resume is pending
   * (a job that ran twice, or was overtaken by a newer link, changes nothing).
   */
  async setResume(
    tx: Tx,
    accountId: string,
    id: string,
    resume: Resume,
    expect: { url?: string; pendingOnly?: boolean } = {},
  ): Promise<ResumeUpdate> {
    const current = await repo.lockParticipant(tx, accountId, id);
    if (current === undefined) return 'not_found';
    const stored = toParticipant(current.doc);
    if (stored.resume_url === null) return 'no_resume';
    if (expect.url !== undefined && stored.resume_url !== expect.url) return 'stale';
    if (expect.pendingOnly === true && stored.resume?.status !== 'pending') return 'stale';
    const participant: Participant = { ...stored, resume, updated_at: isoNow(this.deps.clock) };
    const json = documentOf(participant);
    await repo.updateParticipant(tx, toRow(accountId, participant, json));
    return { participant, json };
  }

  /** 404 unless the template exists in this account. */
  async requireTemplate(accountId: string, templateId: string): Promise<void> {
    const id = templateId.toLowerCase();
    const owner = this.templateAccounts.get(id);
    if (owner === accountId) return;
    if (owner === undefined && (await this.deps.templates.find(accountId, id)) !== undefined) {
      if (this.templateAccounts.size >= TEMPLATE_CACHE_SIZE) this.templateAccounts.clear();
      this.templateAccounts.set(id, accountId);
      return;
    }
    throw templateNotFound();
  }

  private templateGone(templateId: string | null | undefined): AppError {
    if (typeof templateId === 'string') this.templateAccounts.delete(templateId.toLowerCase());
    return templateNotFound();
  }

  /** One participant, its tags and its event in one transaction; false when the identity is taken. */
  private async insert(accountId: string, participant: Participant, json: string): Promise<boolean> {
    try {
      return await this.deps.database.transaction(async (tx) => {
        const inserted = await repo.insertNew(tx, [toRow(accountId, participant, json)]);
        if (inserted.size === 0) return false;
        await repo.insertTags(tx, toTagRows(accountId, participant));
        if (participant.resume_url !== null) {
          await this.deps.resumes.schedule(tx, [{ accountId, participantId: participant.id, url: participant.resume_url }]);
        }
        await this.deps.events.record(tx, accountId, participantEvent('participant.created', json));
        recordOutcome(tx, participant);
        return true;
      });
    } catch (error) {
      // The template was deleted since it was checked.
      if (isForeignKeyViolation(error)) throw this.templateGone(participant.evaluation_template_id);
      throw error;
    }
  }
}
