import type { Readable } from 'node:stream';
import type { DatabaseHandle, Executor, Tx } from '../../db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { recordOutcome } from '../../db/transaction.js';
import { newId } from '../../db/ids.js';
import { AppError, notFound } from '../../errors.js';
import { pageResult, resolvePage, type PageMetaOut, type PageQuery, type SortKey } from '../../lib/pagination.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import { toStoredTimestamp } from '../../lib/validation.js';
import type { EventsService, NewEvent } from '../events/events.service.js';
import type { ResumeScheduler } from '../resumes/resume-scheduler.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import type { TemplatesService } from '../templates/templates.service.js';
import {
  documentKey,
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
import { DUPLICATE_IN_TEMPLATE, bulkPatch, bulkReport, type BulkOutcomes } from './participants-bulk-actions.js';
import {
  MAX_TAGS,
  ParticipantListQuery,
  participantSortKeySchema,
  type BulkActionSummary,
  type BulkChanges,
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
  if (query.sort !== undefined && query.sort !== 'created_at:desc') out.sort = query.sort;
  return out;
}

/** The order a list's filters ask for (newest first when they name none). */
export function sortOf(filters: ParticipantFilters): repo.ListSort {
  if (filters.sort === undefined) return repo.DEFAULT_SORT;
  const [field, direction] = filters.sort.split(':') as [repo.SortField, 'asc' | 'desc'];
  return { field, direction };
}

/** A listed row's place in its order, as a cursor carries it. */
function keyOf(row: repo.ListedParticipant): SortKey {
  return { created_at: row.sort_value, id: row.id };
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
    const doc = await repo.findDocument(this.deps.database.db, accountId, id);
    if (doc === undefined) throw notFound('Participant');
    return doc;
  }

  /** A page of participants as their stored JSON documents, with the page's `meta`. */
  async list(accountId: string, query: PageQuery & ParticipantFilters): Promise<{ documents: string[]; meta: PageMetaOut }> {
    const page = resolvePage(query, canonicalFilters(query), ParticipantListQuery, participantSortKeySchema);
    const db = this.deps.database.db;
    const sort = sortOf(page.filters);
    const toDocument = (row: repo.ListedParticipant) => row.doc;
    if (page.mode === 'page') {
      // Page mode needs no row's place: the documents alone.
      const [documents, total] = await Promise.all([
        repo.listParticipantDocuments(db, accountId, page.filters, { offset: page.offset, limit: page.pageSize }, sort),
        repo.countParticipants(db, accountId, page.filters),
      ]);
      const result = pageResult(page, documents, total, (document) => document, documentKey);
      return { documents: result.data, meta: result.meta };
    }
    const after = page.after === undefined ? undefined : { value: page.after.created_at, id: page.after.id };
    if (sort.field === 'created_at') {
      // By creation time (newest first unless asked otherwise), a row's place is its creation
      // time and id, both in its document:
      // only the last row of a page that has more is read back, for the next cursor.
      const documents = await repo.listParticipantDocuments(db, accountId, page.filters, { after, limit: page.limit + 1 }, sort);
      const result = pageResult(page, documents, undefined, (document) => document, documentKey);
      return { documents: result.data, meta: result.meta };
    }
    const rows = await repo.listParticipants(db, accountId, page.filters, { after, limit: page.limit + 1 }, sort);
    const result = pageResult(page, rows, undefined, toDocument, keyOf);
    return { documents: result.data, meta: result.meta };
  }

  /** The filtered list in its order, a page of rows at a time (keyset, so other requests interleave). */
  async *stream(accountId: string, query: ParticipantFilters): AsyncGenerator<Participant[]> {
    const filters = canonicalFilters(query);
    const sort = sortOf(filters);
    let after: repo.ListPosition | undefined;
    for (;;) {
      const rows = await repo.listParticipants(this.deps.database.db, accountId, filters, { after, limit: EXPORT_PAGE_SIZE }, sort);
      if (rows.length > 0) yield rows.map((row) => toParticipant(row.doc));
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < EXPORT_PAGE_SIZE) return;
      after = { value: last.sort_value, id: last.id };
    }
  }

  /** The filtered list as CSV (the import's columns), streamed. */
  exportCsv(accountId: string, query: ParticipantFilters): Readable {
    return exportCsv(this.stream(accountId, query), this.templateNames(accountId));
  }

  /** Template names for an export, each looked up once. */
  private templateNames(accountId: string): (id: string) => Promise<string | null> {
    const names = new Map<string, Promise<string | null>>();
    return (id) => {
      let name = names.get(id);
      if (name === undefined) {
        name = this.deps.templates.find(accountId, id).then((template) => template?.template_name ?? null);
        names.set(id, name);
      }
      return name;
    };
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
        const next = patchedParticipant(before, patch, isoNow(this.deps.clock));
        attempted = next;
        return this.writeChange(tx, accountId, before, next, patch.tags !== undefined);
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
      await this.writeDelete(tx, accountId, current);
    });
  }

  /**
   * One change to many participants (`POST /participants/bulk-update`), in one transaction:
   * each is changed as a PATCH would change it, with its `participant.updated` event. A
   * participant already so is `unchanged` (nothing written); one whose move to another
   * template would duplicate an email there fails with `existing_id`, the rest go ahead.
   */
  async bulkUpdate(accountId: string, ids: readonly string[], changes: BulkChanges): Promise<BulkActionSummary> {
    const templateId = changes.evaluation_template_id;
    if (templateId !== undefined && templateId !== null) await this.requireTemplate(accountId, templateId);
    try {
      return await this.deps.database.transaction(async (tx) => {
        const found = await this.lockMany(tx, accountId, ids);
        const now = isoNow(this.deps.clock);
        const outcomes: BulkOutcomes = new Map();
        const planned: Participant[] = [];
        const before = new Map<string, Participant>();
        const moved = new Set<string>();
        for (const stored of found.values()) {
          const current = toParticipant(stored.doc);
          const next = patchedParticipant(current, bulkPatch(current, changes), now);
          before.set(current.id, current);
          if (next.evaluation_template_id !== current.evaluation_template_id) moved.add(next.id);
          if (documentOf({ ...next, updated_at: current.updated_at }) === stored.doc) {
            outcomes.set(current.id, { status: 'unchanged' });
          } else if (next.tags.length > MAX_TAGS) {
            outcomes.set(current.id, {
              status: 'failed',
              issues: [{ path: 'tags', message: `would have more than ${MAX_TAGS} tags`, code: 'too_long' }],
            });
          } else {
            planned.push(next);
          }
        }
        // A move to another template must not give it a second participant with the same email:
        // one stored there already, or one moved there earlier in this call.
        const arriving = planned.filter((p) => moved.has(p.id));
        const holders = await repo.findIdsByIdentity(tx, accountId, arriving.map((p) => toRow(accountId, p)));
        const claimed = new Map<string, string>();
        for (const next of planned) {
          const identity = identityKey(next.evaluation_template_id, next.email);
          const holder = holders.get(identity) ?? claimed.get(identity);
          if (moved.has(next.id) && holder !== undefined && holder !== next.id) {
            outcomes.set(next.id, { status: 'failed', existing_id: holder, issues: [DUPLICATE_IN_TEMPLATE] });
            continue;
          }
          claimed.set(identity, next.id);
          await this.writeChange(tx, accountId, before.get(next.id) ?? next, next, changes.add_tags !== undefined || changes.remove_tags !== undefined);
          outcomes.set(next.id, { status: 'updated' });
        }
        return bulkReport(ids, outcomes);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', 'Participants changed concurrently; nothing was changed. Retry.');
      if (isForeignKeyViolation(error)) throw this.templateGone(templateId);
      throw error;
    }
  }

  /** Deletes many participants (`POST /participants/bulk-delete`) in one transaction, each with its event. */
  async bulkDelete(accountId: string, ids: readonly string[]): Promise<BulkActionSummary> {
    return this.deps.database.transaction(async (tx) => {
      const found = await this.lockMany(tx, accountId, ids);
      const outcomes: BulkOutcomes = new Map();
      for (const stored of found.values()) {
        await this.writeDelete(tx, accountId, stored);
        outcomes.set(stored.id, { status: 'deleted' });
      }
      return bulkReport(ids, outcomes);
    });
  }

  /** The given participants as CSV (the export's columns), newest first. */
  exportCsvOf(accountId: string, ids: readonly string[]): Readable {
    const db = this.deps.database.db;
    async function* rows(): AsyncGenerator<Participant[]> {
      const found = await repo.findParticipantsByIds(db, accountId, [...new Set(ids.map((id) => id.toLowerCase()))]);
      if (found.length > 0) yield found.map((row) => toParticipant(row.doc));
    }
    return exportCsv(rows(), this.templateNames(accountId));
  }

  /** The locked participants among `ids` (any case, repeats allowed), by id. */
  private async lockMany(tx: Tx, accountId: string, ids: readonly string[]): Promise<Map<string, repo.StoredParticipant>> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const rows = await repo.lockParticipants(tx, accountId, unique);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Stores a change of a locked participant (a PATCH, or one item of a bulk update): its row, its
   * tags when they changed, a new resume fetch when the link changed, and its event.
   */
  private async writeChange(tx: Tx, accountId: string, before: Participant, participant: Participant, tagsChanged: boolean): Promise<ParticipantWithJson> {
    const json = documentOf(participant);
    await repo.updateParticipant(tx, toRow(accountId, participant, json));
    if (tagsChanged) {
      await repo.deleteTags(tx, participant.id);
      await repo.insertTags(tx, toTagRows(accountId, participant));
    }
    if (participant.resume_url !== before.resume_url) {
      await this.deps.resumes.urlChanged(tx, accountId, participant.id, participant.resume_url);
    }
    await this.deps.events.record(tx, accountId, participantEvent('participant.updated', json));
    return { participant, json };
  }

  /**
   * Removes a locked participant (a DELETE, or one item of a bulk delete): its open sessions are
   * cancelled (with their notices), its resume dropped, and its last state is the event.
   */
  private async writeDelete(tx: Tx, accountId: string, current: repo.StoredParticipant): Promise<void> {
    await this.deps.sessions?.cancelOpenOfParticipant(accountId, toParticipant(current.doc), { outer: tx });
    await repo.deleteParticipant(tx, accountId, current.id);
    await this.deps.resumes.participantDeleted(tx, current.id);
    await this.deps.events.record(tx, accountId, participantEvent('participant.deleted', current.doc));
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
    if (owner === undefined && (await this.deps.templates.exists(accountId, id))) {
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
