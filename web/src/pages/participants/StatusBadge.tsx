import type { ParticipantStatus } from '../../api/models';
import { Badge } from '../../components/Badge';

export function StatusBadge({ status }: { status: ParticipantStatus }) {
  return status === 'active' ? (
    <Badge tone="green" dot>
      Active
    </Badge>
  ) : (
    <Badge tone="gray" dot>
      Archived
    </Badge>
  );
}
