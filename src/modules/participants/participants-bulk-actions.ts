import type { ErrorIssue } from '../../errors.js';
import { normaliseTag } from './participants.model.js';
import type { BulkActionOutcome, BulkActionSummary, BulkChanges, Participant, ParticipantPatch } from './participants.schemas.js';

/** The pieces of the bulk actions that need no database: what each change is, and the report. */

/** Outcome of each participant found, by id. */
export type BulkOutcomes = Map<string, Omit<BulkActionOutcome, 'index' | 'id'>>;

export const DUPLICATE_IN_TEMPLATE: ErrorIssue = {
  path: 'evaluation_template_id',
  message: 'the template already has a participant with this email',
  code: 'duplicate',
};

/** The PATCH a bulk change makes of one participant (tags are added to and taken from its own). */
export function bulkPatch(current: Participant, changes: BulkChanges): ParticipantPatch {
  const patch: ParticipantPatch = {};
  if (changes.status !== undefined) patch.status = changes.status;
  if (changes.evaluation_template_id !== undefined) patch.evaluation_template_id = changes.evaluation_template_id;
  if (changes.add_tags !== undefined || changes.remove_tags !== undefined) {
    const removed = new Set((changes.remove_tags ?? []).map(normaliseTag));
    patch.tags = [...current.tags.filter((tag) => !removed.has(normaliseTag(tag))), ...(changes.add_tags ?? [])];
  }
  return patch;
}

/** Outcomes in request order; an id given twice reports the same outcome twice. */
export function bulkReport(ids: readonly string[], outcomes: BulkOutcomes): BulkActionSummary {
  const counted = new Set<string>();
  const report: BulkActionSummary = { changed: 0, unchanged: 0, not_found: 0, failed: 0, results: [] };
  for (const [index, id] of ids.entries()) {
    const key = id.toLowerCase();
    const outcome = outcomes.get(key) ?? { status: 'not_found' as const };
    report.results.push({ index, id, ...outcome });
    if (counted.has(key)) continue;
    counted.add(key);
    if (outcome.status === 'updated' || outcome.status === 'deleted') report.changed += 1;
    else if (outcome.status === 'unchanged') report.unchanged += 1;
    else if (outcome.status === 'not_found') report.not_found += 1;
    else report.failed += 1;
  }
  return report;
}

