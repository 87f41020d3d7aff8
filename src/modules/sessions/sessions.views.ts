import { Type, type Static } from 'typebox';
import type { MailMessageRow, SessionRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';
import { formatInTimeZone } from '../../lib/time-zones.js';
import type { MailService } from '../../mail/mail.service.js';
import type { ParticipantsService } from '../participants/participants.service.js';
import type { Template } from '../templates/templates.schemas.js';
import type { TemplatesService } from '../templates/templates.service.js';
import { historyOf, scorecardOf, stageNameOf } from './sessions.model.js';
import type { JoinView } from './sessions.schemas.js';
import type { SessionsService } from './sessions.service.js';

/**
 * Read-only views of sessions for two audiences: the participant's join page (what they may
 * see, never notes) and the team's timeline of one participant (their record and sessions,
 * what happened and what they were sent).
 */

export const TIMELINE_TYPES = [
  'participant.created',
  'participant.updated',
  'session.created',
  'session.started',
  'session.completed',
  'session.failed',
  'session.cancelled',
  'session.scored',
  'mail.invite',
  'mail.update',
  'mail.cancellation',
  'mail.reminder',
  'mail.notice',
] as const;

export const TimelineItemSchema = Type.Object(
  {
    at: Timestamp,
    type: StringEnum(TIMELINE_TYPES),
    title: Type.String(),
    detail: Nullable(Type.String()),
    session_id: Nullable(Uuid),
  },
  { $id: 'TimelineItem' },
);
export type TimelineItem = Static<typeof TimelineItemSchema>;

const STATUS_TYPES = {
  in_progress: 'session.started',
  completed: 'session.completed',
  failed: 'session.failed',
  cancelled: 'session.cancelled',
} as const;

const DELIVERY: Record<MailMessageRow['status'], string> = {
  queued: 'waiting to be sent',
  sent: 'sent',
  outbox: 'in the outbox',
  failed: 'could not be delivered',
};

export class SessionViews {
  constructor(
    private readonly deps: {
      sessions: SessionsService;
      participants: Pick<ParticipantsService, 'findMany'>;
      templates: Pick<TemplatesService, 'find'>;
      mail: MailService;
      db: Parameters<MailService['messagesOfSessions']>[0];
    },
  ) {}

  /** What the join link shows; 404 for a token that matches no session. */
  async join(token: string): Promise<JoinView> {
    const row = await this.deps.sessions.findByToken(token);
    if (row === undefined) throw new AppError('not_found', 'This interview link is not valid. Check the link in your invitation.');
    const facts = await this.deps.sessions.facts(this.deps.db, row);
    return {
      status: row.status,
      participant_name: facts.participant.name,
      team_name: facts.teamName,
      template_name: facts.templateName,
      stage_name: facts.stageName,
      scheduled_at: row.scheduled_at,
      timezone: row.timezone,
      local_time: row.scheduled_at === null ? null : formatInTimeZone(new Date(row.scheduled_at), row.timezone),
      duration_minutes: row.duration_minutes,
    };
  }

  /** A participant's record, sessions and messages, newest first. */
  async timeline(accountId: string, participantId: string): Promise<TimelineItem[]> {
    const participant = (await this.deps.participants.findMany(accountId, [participantId.toLowerCase()])).get(participantId.toLowerCase());
    if (participant === undefined) throw notFound('Participant');
    const rows = await this.deps.sessions.ofParticipant(accountId, participant.id);
    const messages = await this.deps.mail.messagesOfSessions(this.deps.db, rows.map((r) => r.id));
    const templates = new Map<string, Template | undefined>();
    for (const id of new Set(rows.map((r) => r.template_id))) templates.set(id, await this.deps.templates.find(accountId, id));
    const labels = new Map(rows.map((row) => [row.id, label(row, templates.get(row.template_id))]));

    const items: TimelineItem[] = [{ at: participant.created_at, type: 'participant.created', title: 'Participant added', detail: null, session_id: null }];
    if (participant.updated_at !== participant.created_at) {
      items.push({ at: participant.updated_at, type: 'participant.updated', title: 'Details changed', detail: null, session_id: null });
    }
    for (const row of rows) {
      const label = labels.get(row.id) ?? row.stage;
      for (const entry of historyOf(row)) {
        const when = row.scheduled_at === null ? 'whenever ready' : formatInTimeZone(new Date(row.scheduled_at), row.timezone);
        items.push(
          entry.status === 'scheduled'
            ? { at: entry.at, type: 'session.created', title: `Session booked: ${label}`, detail: when, session_id: row.id }
            : {
                at: entry.at,
                type: STATUS_TYPES[entry.status],
                title: `Session ${entry.status === 'in_progress' ? 'started' : entry.status}: ${label}`,
                detail: entry.reason ?? null,
                session_id: row.id,
              },
        );
      }
      const scorecard = scorecardOf(row);
      if (scorecard.scored_at !== null) {
        const parts = [`score ${scorecard.score ?? '—'}`, scorecard.recommendation, scorecard.passed === null ? null : scorecard.passed ? 'passed' : 'not passed'];
        items.push({ at: scorecard.scored_at, type: 'session.scored', title: `Session scored: ${label}`, detail: parts.filter((p) => p !== null).join(' · '), session_id: row.id });
      }
    }
    for (const message of messages) {
      items.push({
        at: message.created_at,
        type: `mail.${message.kind}` as TimelineItem['type'],
        title: message.subject,
        detail: `To ${message.to_address}: ${DELIVERY[message.status]}`,
        session_id: message.session_id,
      });
    }
    return items.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  }

}

function label(row: SessionRow, template: Template | undefined): string {
  return `${template?.template_name ?? 'Interview'} (${stageNameOf(template, row.stage)})`;
}
