import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { CloseIcon } from './Icons';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** When given, the body and footer are one form (Enter submits). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  wide?: boolean;
  /** The role of the dialog; `alertdialog` for confirmations. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal built on the native <dialog>: the browser traps focus, closes on Escape and
 * restores focus to the opener.
 */
export function Dialog({ open, title, description, onClose, children, footer, onSubmit, wide = false, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start in the first field of a form; in a confirmation, on the first (safe) action.
      const first = dialog.querySelector<HTMLElement>(
        '.dialog-body input:not([type="hidden"]):not([disabled]), .dialog-body select, .dialog-body textarea, .dialog-footer button',
      );
      first?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const content = (
    <>
      <div className="dialog-body">{children}</div>
      {footer !== undefined ? <div className="dialog-footer">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description !== undefined ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <div className="dialog-header">
            <div>
              <h2 id={titleId}>{title}</h2>
              {description !== undefined ? <p id={descriptionId}>{description}</p> : null}
            </div>
            <Button variant="ghost" iconOnly aria-label="Close" onClick={onClose} icon={<CloseIcon />} />
          </div>
          {onSubmit !== undefined ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                onSubmit(event);
              }}
            >
              {content}
            </form>
          ) : (
            content
          )}
        </>
      ) : null}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: ReactNode;
  danger?: boolean;
}

export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel, busy = false, error, danger = true }: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      role="alertdialog"
      footer={
        <>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack">
        <div className="muted">{message}</div>
        {error}
      </div>
    </Dialog>
  );
}
