import { isForeignKeyViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { AppError, notFound, type ErrorIssue } from '../../errors.js';
import { isoNow } from '../../lib/clock.js';
import { recordOutcome } from '../../db/transaction.js';
import type { TemplatesService } from '../templates/templates.service.js';
import { issuesByColumn, readCsvRows, rowToBody, type ImportColumn } from './participants.csv.js';
import type { ParticipantRow } from '../../db/schema.js';
import { documentOf, identityKey, newParticipant, toRow, toTagRows, validateCreate } from './participants.model.js';
import * as repo from './participants.repository.js';
import {
  MAX_BULK_ITEMS,
  type BatchOutcome,
  type ImportOutcome,
  type ItemOutcome,
  type Participant,
  type ParticipantCreate,
} from './participants.schemas.js';
import { participantEvent, type ParticipantsDeps } from './participants.service.js';

/** Rows written per transaction by the CSV import (a bulk request is one transaction). */
export const IMPORT_CHUNK_SIZE = 500;

interface Candidate {
  index: number;
  line?: number;
  input: ParticipantCreate;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Puts every row in this template, whatever the file's template columns say. */
  templateId?: string | undefined;
  templateName?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TEMPLATE_NOT_FOUND: ErrorIssue = {
  path: 'evaluation_template_id',
  message: 'is not a template of this account',
  code: 'not_found',
};

/** Template look-ups of one request, each asked once. */
class TemplateLookup {
  private readonly ids = new Map<string, boolean>();
  private readonly names = new Map<string, string[]>();

  constructor(
    private readonly templates: TemplatesService,
    private readonly accountId: string,
  ) {}

  async exists(id: string): Promise<boolean> {
    const key = id.toLowerCase();
    let found = this.ids.get(key);
    if (found === undefined) {
      found = await this.templates.exists(this.accountId, key);
      this.ids.set(key, found);
    }
    return found;
  }

  async idsNamed(name: string): Promise<string[]> {
    const key = name.toLowerCase();
    let found = this.names.get(key);
    if (found === undefined) {
      found = (await this.templates.findByName(this.accountId, name)).map((t) => t.id);
      this.names.set(key, found);
    }
    return found;
  }
}

function byName(ids: readonly string[], name: string, path: string): { id: string } | { issue: ErrorIssue } {
  const [first, ...others] = ids;
  if (first === undefined) return { issue: { path, message: `no template is named "${name}"`, code: 'not_found' } };
  if (others.length > 0) {
    return {
      issue: { path, message: `${ids.length} templates are named "${name}"; use evaluation_template_id`, code: 'ambiguous' },
    };
  }
  return { id: first };
}

/**
 * Writes candidates in transactions, skipping duplicates: against stored rows (the unique index
 * decides, as for single creates) and within the request (the first occurrence wins).
 */
interface Fresh {
  candidate: Candidate;
  participant: Participant;
  identity: string;
  json: string;
  row: ParticipantRow;
}

interface Decision {
  candidate: Candidate;
  identity: string;
  outcome: Omit<ItemOutcome, 'index' | 'line'>;
  /** The participant now known to hold the identity. */
  holder?: string;
}

/** The order rows are inserted in: by the unique key (account, email, template) they take. */
function byIdentity(a: ParticipantRow, b: ParticipantRow): number {
  if (a.email_normalized !== b.email_normalized) return a.email_normalized < b.email_normalized ? -1 : 1;
  if (a.template_key !== b.template_key) return a.template_key < b.template_key ? -1 : 1;
  return 0;
}

class BatchWriter {
  /** Identity → id of the participant holding it (null: would be created, in a dry run). */
  private readonly seen = new Map<string, string | null>();
  /** Outcomes as they are decided; report() puts them in input order. */
  private readonly results: ItemOutcome[] = [];

  constructor(
    private readonly deps: ParticipantsDeps,
    private readonly accountId: string,
    private readonly dryRun: boolean,
  ) {}

  fail(index: number, line: number | undefined, issues: ErrorIssue[]): void {
    this.results.push(line === undefined ? { index, status: 'failed', issues } : { index, line, status: 'failed', issues });
  }

  private decide(candidate: Candidate, outcome: Omit<ItemOutcome, 'index' | 'line'>): void {
    this.results.push(this.located(candidate, outcome));
  }

  private located(candidate: Candidate, outcome: Omit<ItemOutcome, 'index' | 'line'>): ItemOutcome {
    return candidate.line === undefined ? { index: candidate.index, ...outcome } : { index: candidate.index, line: candidate.line, ...outcome };
  }

  /**
   * Writes the candidates in one transaction. Rows are inserted in the order of their identity
   * (email, then template), whatever the order of the request: two requests adding the same
   * people then take their row locks in the same order and one waits for the other, where
   * request order let them deadlock. With `last`, this is the request's last write, and its
   * transaction records the request's report as its outcome (see recordOutcome).
   */
  async write(candidates: readonly Candidate[], options: { last?: boolean } = {}): Promise<void> {
    const now = isoNow(this.deps.clock);
    const fresh: Fresh[] = [];
    for (const candidate of candidates) {
      const participant = newParticipant(candidate.input, newId(), now);
      const identity = identityKey(participant.evaluation_template_id, participant.email);
      if (this.seen.has(identity)) {
        const holder = this.seen.get(identity) ?? null;
        this.decide(candidate, holder === null ? { status: 'skipped' } : { status: 'skipped', existing_id: holder });
        continue;
      }
      this.seen.set(identity, this.dryRun ? null : participant.id);
      const json = documentOf(participant);
      fresh.push({ candidate, participant, identity, json, row: toRow(this.accountId, participant, json) });
    }
    if (fresh.length === 0) return;

    const rows = fresh.map((f) => f.row).sort(byIdentity);
    let decisions: Decision[];
    if (this.dryRun) {
      decisions = this.decisions(fresh, new Set(), await repo.findIdsByIdentity(this.deps.database.db, this.accountId, rows));
    } else {
      try {
        // Free of effects outside the transaction: on a deadlock the helper runs it again.
        decisions = await this.deps.database.transaction(async (tx) => {
          const inserted = await repo.insertNew(tx, rows);
          const created = inserted.size === fresh.length ? fresh : fresh.filter((f) => inserted.has(f.participant.id));
          const existing =
            created.length < fresh.length
              ? await repo.findIdsByIdentity(tx, this.accountId, rows.filter((row) => !inserted.has(row.id)))
              : new Map<string, string>();
          await repo.insertTags(tx, created.flatMap((f) => toTagRows(this.accountId, f.participant)));
          await this.deps.resumes.schedule(
            tx,
            created.flatMap(({ participant }) =>
              participant.resume_url === null ? [] : [{ accountId: this.accountId, participantId: participant.id, url: participant.resume_url }],
            ),
          );
          await this.deps.events.recordMany(tx, this.accountId, created.map((f) => participantEvent('participant.created', f.json)));
          const outcome = this.decisions(fresh, inserted, existing);
          if (options.last === true) recordOutcome(tx, this.report(outcome));
          return outcome;
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new AppError('conflict', 'An evaluation template was deleted while participants were being added to it. Retry.');
        }
        throw error;
      }
    }
    for (const { candidate, identity, outcome, holder } of decisions) {
      if (holder !== undefined) this.seen.set(identity, holder);
      else if (outcome.status === 'failed') this.seen.delete(identity);
      this.decide(candidate, outcome);
    }
  }

  /** What became of each fresh row, given what was inserted and who holds the identities taken. */
  private decisions(fresh: readonly Fresh[], inserted: ReadonlySet<string>, existing: ReadonlyMap<string, string>): Decision[] {
    return fresh.map(({ candidate, participant, identity }): Decision => {
      if (!this.dryRun && inserted.has(participant.id)) return { candidate, identity, outcome: { status: 'created', id: participant.id } };
      const holder = existing.get(identity);
      if (holder !== undefined) return { candidate, identity, holder, outcome: { status: 'skipped', existing_id: holder } };
      if (this.dryRun) return { candidate, identity, outcome: { status: 'created' } };
      // Taken when inserted, gone when looked up: deleted concurrently.
      return {
        candidate,
        identity,
        outcome: { status: 'failed', issues: [{ path: 'email', message: 'changed concurrently; retry this item', code: 'conflict' }] },
      };
    });
  }

  /** The report of every outcome so far, plus `pending` ones not yet decided. */
  report(pending: readonly Decision[] = []): BatchOutcome {
    const results = [...this.results, ...pending.map((d) => this.located(d.candidate, d.outcome))].sort((a, b) => a.index - b.index);
    let created = 0;
    let skipped = 0;
    for (const result of results) {
      if (result.status === 'created') created += 1;
      else if (result.status === 'skipped') skipped += 1;
    }
    return { created, skipped, failed: results.length - created - skipped, results };
  }
}

/** `POST /participants/bulk` and `POST /participants/import`. */
export class ParticipantsBatchService {
  constructor(private readonly deps: ParticipantsDeps) {}

  async bulk(accountId: string, items: readonly unknown[]): Promise<BatchOutcome> {
    if (items.length > MAX_BULK_ITEMS) {
      throw new AppError('batch_too_large', `A bulk request takes at most ${MAX_BULK_ITEMS} participants; nothing was created.`, [
        { path: 'participants', message: `must have at most ${MAX_BULK_ITEMS} items`, code: 'too_long' },
      ]);
    }
    const writer = new BatchWriter(this.deps, accountId, false);
    const templates = new TemplateLookup(this.deps.templates, accountId);
    const candidates: Candidate[] = [];
    for (const [index, item] of items.entries()) {
      const checked = validateCreate(item);
      if (!checked.ok) {
        writer.fail(index, undefined, checked.issues);
        continue;
      }
      const templateId = checked.value.evaluation_template_id;
      if (templateId !== undefined && templateId !== null && !(await templates.exists(templateId))) {
        writer.fail(index, undefined, [TEMPLATE_NOT_FOUND]);
        continue;
      }
      candidates.push({ index, input: checked.value });
    }
    await writer.write(candidates, { last: true });
    return writer.report();
  }

  /**
   * Reads the whole file first (a malformed one is refused before anything is written), then
   * writes the valid rows in transactions of IMPORT_CHUNK_SIZE.
   */
  async import(accountId: string, csv: string, options: ImportOptions): Promise<ImportOutcome> {
    const templates = new TemplateLookup(this.deps.templates, accountId);
    const override = await this.overrideTemplate(templates, options);
    const writer = new BatchWriter(this.deps, accountId, options.dryRun);
    const candidates: Candidate[] = [];

    let columns: ImportColumn[] = [];
    for await (const row of readCsvRows(csv, (read) => (columns = read))) {
      const body = rowToBody(row.cells);
      const issues: ErrorIssue[] = [];
      if (override !== undefined) {
        body['evaluation_template_id'] = override;
      } else if (row.cells.evaluation_template_id !== undefined) {
        body['evaluation_template_id'] = row.cells.evaluation_template_id;
        // A malformed id is reported by validation below; a well-formed one must exist.
        const id = row.cells.evaluation_template_id;
        if (UUID.test(id) && !(await templates.exists(id))) issues.push(TEMPLATE_NOT_FOUND);
      } else if (row.cells.template_name !== undefined) {
        const found = byName(await templates.idsNamed(row.cells.template_name), row.cells.template_name, 'template_name');
        if ('id' in found) body['evaluation_template_id'] = found.id;
        else issues.push(found.issue);
      }
      const checked = validateCreate(body);
      if (!checked.ok) issues.push(...issuesByColumn(checked.issues));
      if (issues.length > 0 || !checked.ok) {
        writer.fail(row.index, row.line, issues);
        continue;
      }
      candidates.push({ index: row.index, line: row.line, input: checked.value });
    }

    for (let start = 0; start < candidates.length; start += IMPORT_CHUNK_SIZE) {
      await writer.write(candidates.slice(start, start + IMPORT_CHUNK_SIZE));
    }
    return { ...writer.report(), dry_run: options.dryRun, columns };
  }

  private async overrideTemplate(templates: TemplateLookup, options: ImportOptions): Promise<string | undefined> {
    if (options.templateId !== undefined) {
      if (!(await templates.exists(options.templateId))) throw notFound('Evaluation template');
      return options.templateId.toLowerCase();
    }
    if (options.templateName !== undefined) {
      const found = byName(await templates.idsNamed(options.templateName), options.templateName, 'template_name');
      if ('id' in found) return found.id;
      if (found.issue.code === 'not_found') throw notFound('Evaluation template');
      throw new AppError('validation_failed', `Several templates are named "${options.templateName}".`, [found.issue]);
    }
    return undefined;
  }
}
