import type { ReactNode } from 'react';
import { Button } from './Button';
import { ChevronLeftIcon, ChevronRightIcon } from './Icons';

export function Pager({
  summary,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  busy = false,
}: {
  summary: ReactNode;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  busy?: boolean;
}) {
  return (
    <nav className="card-footer" aria-label="Pagination">
      <span aria-live="polite">{summary}</span>
      <div className="row">
        <Button size="sm" icon={<ChevronLeftIcon />} disabled={!hasPrevious || busy} onClick={onPrevious}>
          Previous
        </Button>
        <Button size="sm" disabled={!hasNext || busy} onClick={onNext}>
          Next
          <ChevronRightIcon />
        </Button>
      </div>
    </nav>
  );
}
