import type { DatabaseHandle } from '../../db/database.js';
import { recordOutcome } from '../../db/transaction.js';
import { AppError, notFound } from '../../errors.js';
import type { JobInfo, JobOutcome } from '../../jobs/registry.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { OutboundGuard } from '../../net/outbound.js';
import type { EventsService } from '../events/events.service.js';
import type { Resume, ResumeError } from '../participants/participants.schemas.js';
import type { ParticipantsService } from '../participants/participants.service.js';
import type { TemplatesService } from '../templates/templates.service.js';
import { fetchResume, type ResumeFailure } from './resume-fetcher.js';
import type { ResumeExtractor } from './resume-extractor.js';
import type { ResumeFetchPayload, ResumeScheduler } from './resume-scheduler.js';
import { matchSkills } from './resume-text.js';
import * as repo from './resumes.repository.js';
import type { ResumeDetails } from './resumes.schemas.js';

export interface ResumesDeps {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  events: EventsService;
  participants: ParticipantsService;
  templates: TemplatesService;
  scheduler: ResumeScheduler;
  outbound: OutboundGuard;
  extractor: ResumeExtractor;
  fetchTimeoutMs: number;
}

/** What one run of the job ended with: the resume's new state and, when ready, its text. */
type Reading = { resume: Resume; text?: { content: string; contentType: string; characters: number } };

function noResume(): AppError {
  return new AppError('not_found', 'This participant has no resume (resume_url is not set).');
}

/**
 * Resumes (SPEC §7): the background job that downloads a participant's resume through the
 * outgoing guard and reads it in a worker, the outcome recorded on the participant with its
 * event, the text and the template's skills found in it, and a manual refresh.
 */
export class ResumesService {
  constructor(private readonly deps: ResumesDeps) {}

  /** `GET /participants/{id}/resume`: the resume object, and when ready its text and matched skills. */
  async get(accountId: string, participantId: string): Promise<ResumeDetails> {
    const participant = await this.deps.participants.get(accountId, participantId);
    if (participant.resume_url === null || participant.resume === null) throw noResume();
    const details: ResumeDetails = { ...participant.resume, resume_url: participant.resume_url, text: null, matched_skills: [] };
    if (participant.resume.status !== 'ready') return details;
    const stored = await repo.findText(this.deps.database.db, accountId, participantId);
    if (stored === undefined || stored.url !== participant.resume_url) return details;
    details.text = stored.text;
    if (participant.evaluation_template_id !== null) {
      const template = await this.deps.templates.find(accountId, participant.evaluation_template_id);
      if (template !== undefined) details.matched_skills = matchSkills(stored.text, template.skills);
    }
    return details;
  }

  /** The text read from the participant's resume, or null when there is none (yet). */
  async textOf(accountId: string, participantId: string): Promise<string | null> {
    const participant = await this.deps.participants.get(accountId, participantId);
    if (participant.resume?.status !== 'ready') return null;
    const stored = await repo.findText(this.deps.database.db, accountId, participantId);
    return stored !== undefined && stored.url === participant.resume_url ? stored.text : null;
  }

  /** `POST /participants/{id}/resume/refresh`: back to pending, fetched again in the background. */
  async refresh(accountId: string, participantId: string): Promise<Resume> {
    return this.deps.database.transaction(async (tx) => {
      const updated = await this.deps.participants.setResume(tx, accountId, participantId, { status: 'pending' });
      if (updated === 'not_found') throw notFound('Participant');
      if (updated === 'no_resume' || updated === 'stale' || updated.participant.resume_url === null) throw noResume();
      await this.deps.scheduler.schedule(tx, [{ accountId, participantId, url: updated.participant.resume_url }]);
      const resume: Resume = { status: 'pending' };
      recordOutcome(tx, resume);
      return resume;
    });
  }

  /**
   * The `resume.fetch` job. Nothing is held open while downloading and reading; the outcome is
   * written in one transaction with its event, and only if the participant still waits for this
   * URL. Transient failures are retried (the resume stays pending) until the last attempt.
   */
  async process(payload: ResumeFetchPayload, job: JobInfo): Promise<JobOutcome> {
    const { accountId, participantId, url } = payload;
    const participant = await this.deps.participants.get(accountId, participantId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
    if (participant === undefined || participant.resume_url !== url || participant.resume?.status !== 'pending') return { status: 'done' };

    const reading = await this.read(url, this.deps.logger.child({ component: 'resumes', participant: participantId, attempt: job.attempt }));
    if ('retry' in reading) {
      if (job.attempt < job.maxAttempts) {
        const at = reading.retry.retryAfterMs !== undefined ? new Date(this.deps.clock.now().getTime() + reading.retry.retryAfterMs) : undefined;
        return { status: 'retry', error: `${reading.retry.code}: ${reading.retry.message}`, ...(at !== undefined ? { at } : {}) };
      }
      await this.record(accountId, participantId, url, this.failed(reading.retry, undefined));
      return { status: 'done' };
    }
    await this.record(accountId, participantId, url, reading);
    return { status: 'done' };
  }

  private async read(url: string, log: Logger): Promise<Reading | { retry: ResumeFailure }> {
    const fetched = await fetchResume(this.deps.outbound, url, { totalTimeoutMs: this.deps.fetchTimeoutMs });
    if (!fetched.ok) {
      log.info({ code: fetched.code, ms: fetched.ms, transient: fetched.transient }, 'resume download failed');
      return fetched.transient ? { retry: fetched } : this.failed(fetched, undefined);
    }
    const extracted = await this.deps.extractor.extract(fetched.body);
    log.info(
      { bytes: fetched.body.length, fetch_ms: fetched.ms, extract_ms: extracted.ms, ok: extracted.ok, ...(extracted.ok ? {} : { code: extracted.code }) },
      'resume read',
    );
    if (!extracted.ok) return this.failed(extracted, extracted.contentType);
    return {
      resume: { status: 'ready', fetched_at: isoNow(this.deps.clock), characters: extracted.characters, content_type: extracted.contentType },
      text: { content: extracted.text, contentType: extracted.contentType, characters: extracted.characters },
    };
  }

  private failed(failure: ResumeError, contentType: string | undefined): Reading {
    const resume: Resume = {
      status: 'failed',
      error: { code: failure.code, message: failure.message },
      fetched_at: isoNow(this.deps.clock),
    };
    if (contentType !== undefined) resume.content_type = contentType;
    return { resume };
  }

  private async record(accountId: string, participantId: string, url: string, reading: Reading): Promise<void> {
    await this.deps.database.transaction(async (tx) => {
      const updated = await this.deps.participants.setResume(tx, accountId, participantId, reading.resume, { url, pendingOnly: true });
      if (typeof updated === 'string') return;
      if (reading.text !== undefined) {
        await repo.upsertText(tx, {
          participant_id: participantId,
          account_id: accountId,
          url,
          content_type: reading.text.contentType,
          text: reading.text.content,
          characters: reading.text.characters,
          fetched_at: reading.resume.fetched_at ?? isoNow(this.deps.clock),
        });
      } else {
        await repo.deleteText(tx, participantId);
      }
      await this.deps.events.record(tx, accountId, {
        type: reading.resume.status === 'ready' ? 'resume.ready' : 'resume.failed',
        dataJson: `{"participant":${updated.json}}`,
      });
    });
  }
}
