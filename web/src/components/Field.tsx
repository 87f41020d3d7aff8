import { useEffect, useId, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { AlertIcon, SearchIcon } from './Icons';

export interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  optional?: boolean;
  className?: string;
  /** Hides the label visually (still read by screen readers). */
  hideLabel?: boolean;
  /** The control's id; generated when not given. */
  controlId?: string | undefined;
}

interface ControlIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/** Label, hint and error around one control, wired with ids for assistive technology. */
export function FieldFrame({
  label,
  hint,
  error,
  required = false,
  optional = false,
  className,
  hideLabel = false,
  controlId,
  children,
}: FieldFrameProps & { children: (ids: ControlIds) => ReactNode }) {
  const generated = useId();
  const id = controlId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : '', error !== undefined ? errorId : ''].filter((s) => s !== '').join(' ');
  return (
    <div className={['field', className ?? ''].join(' ').trim()}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            *
          </span>
        ) : null}
        {optional ? <span className="optional">(optional)</span> : null}
      </label>
      {children({ id, describedBy: describedBy === '' ? undefined : describedBy, invalid: error !== undefined })}
      {hint !== undefined ? (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      ) : null}
      {error !== undefined ? (
        <div id={errorId} className="field-error">
          <AlertIcon size={14} />
          <span>{error}</span>
        </div>
      ) : null}
    </div>
  );
}

type FrameOnly = Omit<FieldFrameProps, 'required'>;

interface ControlAria {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

/**
 * Splits a field's props into the frame's (label, hint, error …) and the control's, and renders
 * the control inside the frame with its id and ARIA wiring.
 */
function framed<P extends { required?: boolean | undefined; id?: string | undefined }>(
  { label, hint, error, optional, className, hideLabel, required, id, ...control }: FrameOnly & P,
  render: (aria: ControlAria, control: Omit<P, keyof FrameOnly | 'required' | 'id'>) => ReactNode,
) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      required={required === true}
      optional={optional}
      className={className}
      hideLabel={hideLabel}
      controlId={id}
    >
      {(ids) =>
        render(
          {
            id: ids.id,
            'aria-describedby': ids.describedBy,
            'aria-invalid': ids.invalid || undefined,
            'aria-required': required === true || undefined,
          },
          control as Omit<P, keyof FrameOnly | 'required' | 'id'>,
        )
      }
    </FieldFrame>
  );
}

export function TextField(props: FrameOnly & ComponentProps<'input'>) {
  return framed(props, (aria, input) => <input className="input" {...aria} {...input} />);
}

export function SelectField(props: FrameOnly & ComponentProps<'select'>) {
  return framed(props, (aria, { children, ...select }) => (
    <select className="select" {...aria} {...select}>
      {children}
    </select>
  ));
}

export function TextAreaField(props: FrameOnly & ComponentProps<'textarea'>) {
  return framed(props, (aria, textarea) => <textarea className="textarea" {...aria} {...textarea} />);
}

/** Typing in these is text entry, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The search box of a list toolbar: a labelled search input with its icon. `/` anywhere on
 * the page (outside a text field) puts the cursor in it, as in most list tools.
 */
export function SearchField({
  id,
  value,
  placeholder,
  onChange,
}: {
  id: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const input = document.getElementById(id);
      if (!(input instanceof HTMLInputElement)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id]);
  return (
    <div className="field field-search">
      <label className="field-label" htmlFor={id}>
        Search
      </label>
      <div className="input-with-icon">
        <SearchIcon />
        <input
          id={id}
          className="input"
          type="search"
          placeholder={placeholder}
          value={value}
          aria-keyshortcuts="/"
          onChange={(event) => onChange(event.target.value)}
        />
        <kbd className="kbd-hint" aria-hidden="true">
          /
        </kbd>
      </div>
    </div>
  );
}

/**
 * The text of a search box whose settled value lives elsewhere (the URL): typing shows at once
 * and is handed on `delayMs` after the last key; a change from outside (Back, "Clear filters")
 * replaces the text.
 */
export function useSearchText(settled: string, onSettle: (text: string) => void, delayMs = 300): [string, (text: string) => void] {
  const [text, setText] = useState(settled);
  const [seen, setSeen] = useState(settled);
  const timer = useRef<number | undefined>(undefined);
  if (settled !== seen) {
    setSeen(settled);
    if (settled !== text.trim()) setText(settled);
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const change = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (next.trim() !== settled) onSettle(next.trim());
    }, delayMs);
  };
  return [text, change];
}
