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
 * A modal built on the native <dialog>: the browser traps focus and closes on Escape. Focus
 * goes back to the element that had it when the dialog opened, however the dialog ends
 * (Escape, Cancel, done, or its owner unmounting it): the browser's own restore is skipped
 * when the <dialog> leaves the page, and would then drop focus on <body>.
 */
export function Dialog({ open, title, description, onClose, children, footer, onSubmit, wide = false, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (dialog.open) dialog.close();
      // After this render's DOM changes: the opener may be re-rendered but is usually the same node.
      window.requestAnimationFrame(() => {
        const active = document.activeElement;
        if (opener !== null && opener.isConnected && (active === null || active === document.body || !active.isConnected)) opener.focus();
      });
    };
  }, [open]);

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
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: ReactNode;
  danger?: boolean;
  /** Another way out besides Cancel and the confirmation (e.g. Archive instead of Delete). */
  extraAction?: ReactNode;
  /** The confirmation cannot succeed now (the error says why). */
  confirmDisabled?: boolean;
}

export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  busy = false,
  error,
  danger = true,
  extraAction,
  confirmDisabled = false,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      role="alertdialog"
      footer={
        <>
          <Button onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </Button>
          {extraAction}
          <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} loading={busy} disabled={confirmDisabled}>
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

export interface FormDialogProps {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  /** Called on submit (button or Enter); the caller validates, then sends. */
  onSubmit: () => void;
  submitLabel: string;
  /** The request is running: the submit button spins and Cancel waits. */
  busy?: boolean;
  /** A problem with the whole form (not one field), shown above the fields. */
  error?: ReactNode;
  submitVariant?: 'primary' | 'danger';
  wide?: boolean;
  children: ReactNode;
}

/** The repeated form-in-a-dialog: fields, a problem above them, Cancel and the submit button below. */
export function FormDialog({ open, title, description, onClose, onSubmit, submitLabel, busy = false, error, submitVariant = 'primary', wide, children }: FormDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      description={description}
      onClose={onClose}
      onSubmit={onSubmit}
      wide={wide}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={submitVariant} loading={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <div className="form">
        {error}
        {children}
      </div>
    </Dialog>
  );
}
