import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { Button } from './Button';
import { AlertIcon, CheckIcon, InfoIcon, WarningIcon } from './Icons';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<NoticeTone, ReactNode> = {
  info: <InfoIcon />,
  success: <CheckIcon />,
  warning: <WarningIcon />,
  error: <AlertIcon />,
};

export function Notice({ tone, title, children }: { tone: NoticeTone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {ICONS[tone]}
      <div className="notice-body">
        {title !== undefined ? <strong>{title}</strong> : null}
        {children !== undefined ? <div>{children}</div> : null}
      </div>
    </div>
  );
}

/**
 * An error from the API or the network, with the request id for support when there is one, and
 * a Retry button when the caller can try again (a failed load; a refused change is retried by
 * sending the form again).
 */
export function ErrorNotice({ error, title, children, onRetry }: { error: unknown; title?: string; children?: ReactNode; onRetry?: () => void }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Notice tone="error" title={title ?? errorMessage(error)}>
      {title !== undefined ? <span>{errorMessage(error)}</span> : null}
      {children}
      {requestId !== undefined ? <div className="request-id">Request ID: {requestId}</div> : null}
      {onRetry !== undefined ? (
        <div className="notice-actions">
          <Button size="sm" onClick={onRetry}>
            Retry
          </Button>
        </div>
      ) : null}
    </Notice>
  );
}
