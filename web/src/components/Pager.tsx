import type { ReactNode } from 'react';
import { Button } from './Button';
import { ChevronLeftIcon, ChevronRightIcon } from './Icons';

export interface PagerProps {
  summary: ReactNode;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  busy?: boolean;
  /** With these, a "Rows per page" choice. */
  pageSize?: number;
  pageSizes?: readonly number[];
  onPageSize?: (size: number) => void;
}

export function Pager({ summary, hasPrevious, hasNext, onPrevious, onNext, busy = false, pageSize, pageSizes, onPageSize }: PagerProps) {
  return (
    <nav className="card-footer pager" aria-label="Pagination">
      <span aria-live="polite" className="pager-summary">
        {summary}
      </span>
      <div className="row pager-actions">
        {pageSize !== undefined && pageSizes !== undefined && onPageSize !== undefined ? (
          <label className="pager-size">
            <span>Rows per page</span>
            <select className="select select-sm" value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        ) : null}
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
