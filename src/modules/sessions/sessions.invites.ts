import type { ReminderOffset } from '../../config/config.js';
import type { Tx } from '../../db/database.js';
import type { SessionRow } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { defineJob } from '../../jobs/registry.js';
import type { Clock } from '../../lib/clock.js';
import { formatInTimeZone } from '../../lib/time-zones.js';
import { calendarEvent, parseMailbox } from '../../mail/ics.js';
import type { MailKind, MailService, NewMail } from '../../mail/mail.service.js';
import { renderEmail, type EmailContent } from '../../mail/render.js';

/**
 * What the participant is told, and when: the invitation, updates, the cancellation (each with
 * its calendar entry when the session has a time) and the reminders before it. Messages are
 * queued on the caller's transaction; reminders are jobs keyed by session and offset, so a
 * reschedule replaces them and a cancellation drops them. Internal notes never reach a message.
 */

export const REMINDER_JOB = 'sessions.reminder';

export interface ReminderPayload {
  sessionId: string;
  /** The offset's label in REMINDER_OFFSETS, e.g. "24h". */
  offset: string;
  /** The start this reminder was planned for: a reminder of an earlier time sends nothing. */
  scheduledAt: string;
}

/** Everything a message about a session says, besides the session itself. */
export interface InviteFacts {
  participant: { name: string; email: string };
  templateName: string;
  stageName: string;
  teamName: string;
  joinUrl: string;
}

export type SessionMailKind = Extract<MailKind, 'invite' | 'update' | 'cancellation' | 'reminder'>;

type MailSession = Pick<SessionRow, 'id' | 'account_id' | 'scheduled_at' | 'timezone' | 'duration_minutes' | 'ical_sequence'>;

export function reminderKey(sessionId: string, offset: string): string {
  return `session-reminder:${sessionId}:${offset}`;
}

function minutes(n: number): string {
  return count(n, 'minute');
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Time until the start as a reminder says it: "30 minutes", "1 hour", "24 hours", "2 days". */
export function humanDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  if (total < 90 && total % 60 !== 0) return count(total, 'minute');
  const hours = Math.round(total / 60);
  if (hours < 48) return count(hours, 'hour');
  return count(Math.round(hours / 24), 'day');
}

export class SessionInvites {
  constructor(
    private readonly deps: {
      mail: MailService;
      jobs: JobQueue;
      clock: Clock;
      publicUrl: string;
      reminderOffsets: readonly ReminderOffset[];
    },
  ) {}

  get reminderOffsets(): readonly ReminderOffset[] {
    return this.deps.reminderOffsets;
  }

  /** Queues a message about the session (and its calendar entry when it has a time). */
  async send(
    tx: Tx,
    kind: SessionMailKind,
    session: MailSession,
    facts: InviteFacts,
    options: { previousScheduledAt?: string | null; remainingMs?: number } = {},
  ): Promise<void> {
    const mail: NewMail = {
      accountId: session.account_id,
      kind,
      to: facts.participant.email,
      sessionId: session.id,
      ...this.content(kind, session, facts, options),
    };
    await this.deps.mail.queue(tx, mail);
  }

  /** Reminders for the session's current time: due ones (re)placed, past or needless ones dropped. */
  async planReminders(tx: Tx, session: Pick<SessionRow, 'id' | 'account_id' | 'scheduled_at' | 'status'>): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const drop: string[] = [];
    for (const offset of this.deps.reminderOffsets) {
      const key = reminderKey(session.id, offset.label);
      const at = session.scheduled_at === null ? NaN : new Date(session.scheduled_at).getTime() - offset.ms;
      if (session.status !== 'scheduled' || Number.isNaN(at) || at <= now) {
        drop.push(key);
        continue;
      }
      const payload: ReminderPayload = { sessionId: session.id, offset: offset.label, scheduledAt: session.scheduled_at ?? '' };
      await this.deps.jobs.enqueue(tx, { kind: REMINDER_JOB, payload, runAt: new Date(at), dedupeKey: key, accountId: session.account_id });
    }
    await this.deps.jobs.cancel(tx, drop);
  }

  async dropReminders(tx: Tx, sessionId: string): Promise<void> {
    await this.deps.jobs.cancel(
      tx,
      this.deps.reminderOffsets.map((o) => reminderKey(sessionId, o.label)),
    );
  }

  private content(
    kind: SessionMailKind,
    session: MailSession,
    facts: InviteFacts,
    options: { previousScheduledAt?: string | null; remainingMs?: number },
  ): Pick<NewMail, 'subject' | 'text' | 'html' | 'ics'> {
    const what = `${facts.templateName} (${facts.stageName})`;
    const when = session.scheduled_at === null ? null : formatInTimeZone(new Date(session.scheduled_at), session.timezone);
    const before =
      options.previousScheduledAt === undefined || options.previousScheduledAt === null
        ? null
        : formatInTimeZone(new Date(options.previousScheduledAt), session.timezone);
    const details = [
      { label: 'When', value: when ?? 'Whenever you’re ready' },
      { label: 'Duration', value: minutes(session.duration_minutes) },
      { label: 'Interview', value: facts.templateName },
      { label: 'Stage', value: facts.stageName },
    ];
    const greeting = `Hi ${facts.participant.name},`;
    const anyTime = `There is no fixed time: open your link whenever you’re ready and set aside about ${minutes(session.duration_minutes)} in one sitting.`;
    const join = { label: 'Join the interview', url: facts.joinUrl };
    const footer = `${facts.teamName} sent you this through Docket. The link is personal: please don’t share it.`;

    let subject: string;
    let content: EmailContent;
    switch (kind) {
      case 'invite':
        subject = `Your interview: ${what}`;
        content = {
          preheader: when === null ? 'Join whenever you’re ready.' : `On ${when}.`,
          heading: 'You’re invited to an interview',
          paragraphs: [
            greeting,
            `${facts.teamName} invited you to an interview for ${facts.templateName}, stage “${facts.stageName}”.`,
            when === null ? anyTime : `It starts on ${when} and takes about ${minutes(session.duration_minutes)}. A calendar invitation is attached.`,
            'When it is time, open your link below on a computer or phone. No account or password is needed.',
          ],
          details,
          action: join,
          footer,
        };
        break;
      case 'update':
        subject = `Updated: your interview for ${what}`;
        content = {
          preheader: when === null ? 'It no longer has a fixed time.' : `New time: ${when}.`,
          heading: when === null ? 'Your interview no longer has a fixed time' : 'Your interview has a new time',
          paragraphs: [
            greeting,
            when === null
              ? `${facts.teamName} removed the fixed time of your interview for ${facts.templateName}, stage “${facts.stageName}”${before === null ? '' : ` (it was ${before})`}. ${anyTime}`
              : `${facts.teamName} moved your interview for ${facts.templateName}, stage “${facts.stageName}”${before === null ? '' : `, from ${before},`} to ${when}. Your calendar entry is updated.`,
            'Your link stays the same.',
          ],
          details,
          action: join,
          footer,
        };
        break;
      case 'cancellation':
        subject = `Cancelled: your interview for ${what}`;
        content = {
          preheader: 'You don’t need to do anything.',
          heading: 'Your interview was cancelled',
          paragraphs: [
            greeting,
            `${facts.teamName} cancelled your interview for ${facts.templateName}, stage “${facts.stageName}”${when === null ? '' : `, planned for ${when}`}.`,
            'You don’t need to do anything. If it is booked again, you will get a new invitation.',
          ],
          footer,
        };
        break;
      case 'reminder': {
        const lead = options.remainingMs === undefined ? 'soon' : `in ${humanDuration(options.remainingMs)}`;
        subject = `Reminder: your interview for ${what} starts ${lead}`;
        content = {
          preheader: when === null ? '' : `On ${when}.`,
          heading: `Your interview starts ${lead}`,
          paragraphs: [greeting, `This is a reminder of your interview for ${facts.templateName}, stage “${facts.stageName}”, on ${when ?? 'the agreed time'}.`],
          details,
          action: join,
          footer,
        };
        break;
      }
    }
    const { text, html } = renderEmail(content);
    return { subject, text, html, ics: this.calendar(kind, session, facts, options.previousScheduledAt) };
  }

  /**
   * The calendar entry: a REQUEST for an invitation or update with a time; a CANCEL when the
   * session is cancelled or loses its time. Reminders carry none (the entry exists already).
   */
  private calendar(
    kind: SessionMailKind,
    session: MailSession,
    facts: InviteFacts,
    previousScheduledAt: string | null | undefined,
  ): NewMail['ics'] {
    if (kind === 'reminder') return undefined;
    const start = session.scheduled_at ?? (kind === 'cancellation' || kind === 'update' ? (previousScheduledAt ?? null) : null);
    if (start === null) return undefined;
    const method = kind === 'cancellation' || session.scheduled_at === null ? 'CANCEL' : 'REQUEST';
    const begins = new Date(start);
    const content = calendarEvent({
      method,
      uid: `${session.id}@${new URL(this.deps.publicUrl).hostname}`,
      sequence: session.ical_sequence,
      stamp: this.deps.clock.now(),
      start: begins,
      end: new Date(begins.getTime() + session.duration_minutes * 60_000),
      summary: `Interview: ${facts.templateName} (${facts.stageName})`,
      description: `${facts.teamName} — interview for ${facts.templateName}, stage “${facts.stageName}”.\nJoin: ${facts.joinUrl}`,
      location: facts.joinUrl,
      url: facts.joinUrl,
      organizer: parseMailbox(this.deps.mail.from),
      attendee: { name: facts.participant.name, email: facts.participant.email },
    });
    return { method, content };
  }
}

export const sessionJobs = [
  defineJob<ReminderPayload>({
    kind: REMINDER_JOB,
    maxAttempts: 8,
    handler: async (ctx, payload) => {
      await ctx.services.sessions.sendReminder(payload);
    },
  }),
];
