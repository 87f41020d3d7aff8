import type { Session, SessionStatus } from '../../api/models';
import { Badge, type BadgeTone } from '../../components/Badge';
import { INVITE_STATUS_LABELS, SESSION_STATUS_LABELS } from '../../lib/labels';

const STATUS_TONES: Record<SessionStatus, BadgeTone> = {
  scheduled: 'blue',
  in_progress: 'amber',
  completed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} dot>
      {SESSION_STATUS_LABELS[status]}
    </Badge>
  );
}

const INVITE_TONES: Record<NonNullable<Session['invite']>['status'], BadgeTone> = {
  queued: 'amber',
  sent: 'green',
  outbox: 'brand',
  failed: 'red',
};

export function InviteBadge({ invite }: { invite: Session['invite'] }) {
  if (invite === null) return <span className="cell-muted">—</span>;
  return <Badge tone={INVITE_TONES[invite.status]}>{INVITE_STATUS_LABELS[invite.status]}</Badge>;
}
