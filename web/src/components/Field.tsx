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
