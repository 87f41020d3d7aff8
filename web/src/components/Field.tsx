import { useId, type ComponentProps, type ReactNode } from 'react';
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

export function TextField({
  label,
  hint,
  error,
  optional,
  className,
  hideLabel,
  required,
  id,
  ...input
}: FrameOnly & ComponentProps<'input'>) {
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
      {(ids) => (
        <input
          id={ids.id}
          className="input"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          aria-required={required === true || undefined}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  optional,
  className,
  hideLabel,
  required,
  id,
  children,
  ...select
}: FrameOnly & ComponentProps<'select'>) {
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
      {(ids) => (
        <select
          id={ids.id}
          className="select"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          aria-required={required === true || undefined}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  className,
  hideLabel,
  required,
  id,
  ...textarea
}: FrameOnly & ComponentProps<'textarea'>) {
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
      {(ids) => (
        <textarea
          id={ids.id}
          className="textarea"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          aria-required={required === true || undefined}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

/** The search box of a list toolbar: a labelled search input with its icon. */
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
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </div>
  );
}
