import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { DatabaseHandle, Executor, Tx } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { MailMessageRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import { defineJob, jitter } from '../jobs/registry.js';
import { isoNow, type Clock } from '../lib/clock.js';
import { pageResult, resolvePage, type PageMetaOut, type PageQuery } from '../lib/pagination.js';
import type { Mailer } from './mailer.js';
import * as repo from './mail.repository.js';

export const MAIL_KINDS = ['invite', 'update', 'cancellation', 'reminder', 'notice'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** The outbox list's filters as a cursor carries them (validated when a cursor comes back). */
const OUTBOX_FILTERS = Type.Object(
  {
    to: Type.Optional(Type.String({ maxLength: 254 })),
    session_id: Type.Optional(Type.String({ format: 'uuid' })),
    kind: Type.Optional(Type.Union(MAIL_KINDS.map((kind) => Type.Literal(kind)))),
  },
  { additionalProperties: false },
);

export interface NewMail {
  accountId: string;
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A calendar object (RFC 5545 text) sent as the text/calendar part and invite.ics. */
  ics?: { method: 'REQUEST' | 'CANCEL'; content: string } | undefined;
  sessionId?: string | undefined;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  kind: MailKind;
  session_id: string | null;
  created_at: string;
  text: string;
  html: string;
  ics: string | null;
}

export const MAIL_SEND_JOB = 'mail.send';

/** 30 s, 2 min, 8 min … about 17 h over 8 attempts: an SMTP server's bad hour is ridden out. */
const mailBackoff = (attempt: number): number => jitter(Math.min(6 * 3_600_000, 30_000 * 4 ** (attempt - 1)));

/** `unchanged`: the message was already delivered or given up on (a job that ran twice). */
export type MailOutcome = 'sent' | 'outbox' | 'retry' | 'failed' | 'unchanged';

/**
 * Queues, sends and lists mail. Queueing writes the message and its send job on the caller's
 * transaction; the job delivers it after commit (SMTP or the outbox) and records the result.
 */
export class MailService {
  constructor(
    private readonly deps: {
      database: DatabaseHandle;
      clock: Clock;
      jobs: JobQueue;
      mailer: Mailer;
      publicUrl: string;
      onOutcome?: (mode: Mailer['mode'], outcome: Exclude<MailOutcome, 'unchanged'>) => void;
    },
  ) {}

  get mode(): Mailer['mode'] {
    return this.deps.mailer.mode;
  }

  get from(): string {
    return this.deps.mailer.from;
  }

  async queue(tx: Tx, mail: NewMail): Promise<MailMessageRow> {
    const now = isoNow(this.deps.clock);
    const row: MailMessageRow = {
      id: newId(),
      account_id: mail.accountId,
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      ics: mail.ics?.content ?? null,
      ics_method: mail.ics?.method ?? null,
      session_id: mail.sessionId ?? null,
      message_id: `<${randomUUID()}@${new URL(this.deps.publicUrl).hostname}>`,
      status: 'queued',
      attempts: 0,
      last_error: null,
      raw: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
    };
    await repo.insertMessage(tx, row);
    await this.deps.jobs.enqueue(tx, { kind: MAIL_SEND_JOB, payload: { messageId: row.id }, accountId: mail.accountId });
    return row;
  }

  /** The job: deliver once (a message already sent or in the outbox is left alone). */
  async send(messageId: string): Promise<{ outcome: MailOutcome; error?: string }> {
    const db = this.deps.database.db;
    const row = await repo.findMessage(db, messageId);
    if (row === undefined || row.status !== 'queued') return { outcome: 'unchanged' };
    const result = await this.deps.mailer.deliver(row);
    const now = isoNow(this.deps.clock);
    switch (result.status) {
      case 'sent':
        await repo.recordDelivery(db, row.id, { status: 'sent', last_error: null, sent_at: now, updated_at: now });
        break;
      case 'outbox':
        await repo.recordDelivery(db, row.id, { status: 'outbox', last_error: null, raw: result.raw, sent_at: now, updated_at: now });
        break;
      case 'retry':
        await repo.recordDelivery(db, row.id, { status: 'queued', last_error: result.error, updated_at: now });
        break;
      case 'failed':
        await repo.recordDelivery(db, row.id, { status: 'failed', last_error: result.error, updated_at: now });
        break;
    }
    this.deps.onOutcome?.(this.deps.mailer.mode, result.status);
    return 'error' in result ? { outcome: result.status, error: result.error } : { outcome: result.status };
  }

  /** A message that exhausted its retries is shown as failed. */
  async giveUp(messageId: string, error: string): Promise<void> {
    const now = isoNow(this.deps.clock);
    await this.deps.database.db
      .updateTable('mail_messages')
      .set({ status: 'failed', last_error: error, updated_at: now })
      .where('id', '=', messageId)
      .where('status', '=', 'queued')
      .execute();
  }

  async listOutbox(accountId: string, query: PageQuery & repo.OutboxFilters): Promise<{ data: OutboxMessage[]; meta: PageMetaOut }> {
    const filters: repo.OutboxFilters = {};
    if (query.to !== undefined) filters.to = query.to.trim();
    if (query.session_id !== undefined) filters.session_id = query.session_id.toLowerCase();
    if (query.kind !== undefined) filters.kind = query.kind;
    const page = resolvePage(query, filters, OUTBOX_FILTERS);
    const db = this.deps.database.db;
    if (page.mode === 'page') {
      const [rows, total] = await Promise.all([
        repo.listOutbox(db, accountId, page.filters, { offset: page.offset, limit: page.pageSize }),
        repo.countOutbox(db, accountId, page.filters),
      ]);
      return pageResult(page, rows, total, toOutboxMessage);
    }
    const rows = await repo.listOutbox(db, accountId, page.filters, { after: page.after, limit: page.limit + 1 });
    return pageResult(page, rows, undefined, toOutboxMessage);
  }

  async getOutboxMessage(accountId: string, id: string): Promise<OutboxMessage> {
    const row = await repo.findAccountMessage(this.deps.database.db, accountId, id);
    if (row === undefined || row.status !== 'outbox') throw notFound('Message');
    return toOutboxMessage(row);
  }

  /** The RFC 5322 bytes of an outbox message. */
  async raw(accountId: string, id: string): Promise<string> {
    const row = await repo.findAccountMessage(this.deps.database.db, accountId, id);
    if (row === undefined || row.status !== 'outbox' || row.raw === null) throw notFound('Message');
    return row.raw;
  }

  /** The messages of several sessions, oldest first (group them by `session_id`). */
  messagesOfSessions(db: Executor, sessionIds: readonly string[]): Promise<MailMessageRow[]> {
    return repo.messagesOfSessions(db, sessionIds);
  }

  /** A session's messages, oldest first. */
  messagesOfSession(db: Executor, sessionId: string): Promise<MailMessageRow[]> {
    return repo.messagesOfSession(db, sessionId);
  }
}

function toOutboxMessage(row: MailMessageRow): OutboxMessage {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    kind: row.kind as MailKind,
    session_id: row.session_id,
    created_at: row.created_at,
    text: row.text_body,
    html: row.html_body,
    ics: row.ics,
  };
}

export const mailJobs = [
  defineJob<{ messageId: string }>({
    kind: MAIL_SEND_JOB,
    maxAttempts: 8,
    backoffMs: mailBackoff,
    handler: async (ctx, payload, job) => {
      const result = await ctx.services.mail.send(payload.messageId);
      if (result.outcome === 'failed') return { status: 'dead', error: result.error ?? 'refused by the mail server' };
      if (result.outcome === 'retry') {
        const error = result.error ?? 'temporary failure';
        if (job.attempt >= job.maxAttempts) await ctx.services.mail.giveUp(payload.messageId, error);
        return { status: 'retry', error };
      }
      return { status: 'done' };
    },
  }),
];
