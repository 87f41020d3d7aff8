import { useRef, useState, type KeyboardEvent } from 'react';
import { TAG_SEPARATORS, addTags } from '../lib/tags';
import { FieldFrame } from './Field';
import { CloseIcon } from './Icons';

export interface TagInputProps {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  hint?: string;
  error?: string | undefined;
  placeholder?: string;
  optional?: boolean;
  maxTags?: number;
  className?: string;
}

/**
 * Chips for a list of short labels: Enter, Tab (with text), `;` or `|` adds what was typed (the
 * separators of a CSV import; a comma belongs to the tag), Backspace on an empty field removes
 * the last chip, each chip has a labelled remove button.
 */
export function TagInput({ label, value, onChange, hint, error, placeholder, optional = false, maxTags = 50, className }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const commit = (text: string) => {
    const next = addTags(value, text, maxTags);
    if (next !== value) onChange(next);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ';' || event.key === '|') {
      if (draft.trim() !== '' || event.key !== 'Enter') event.preventDefault();
      if (draft.trim() !== '') commit(draft);
    } else if (event.key === 'Tab' && draft.trim() !== '') {
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} className={className}>
      {(ids) => (
        <div className="tag-input" data-invalid={error !== undefined} onClick={() => inputRef.current?.focus()}>
          {value.length === 0 ? null : (
            <ul className="tags" aria-label={`${label} added`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {value.map((tag) => (
                <li key={tag.toLowerCase()} className="chip">
                  <span className="truncate" title={tag}>
                    {tag}
                  </span>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove ${tag}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      onChange(value.filter((t) => t !== tag));
                      inputRef.current?.focus();
                    }}
                  >
                    <CloseIcon size={12} />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            ref={inputRef}
            id={ids.id}
            value={draft}
            placeholder={value.length === 0 ? placeholder : undefined}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            onChange={(event) => {
              const text = event.target.value;
              // Pasting "a; b | c" adds three chips at once.
              if (TAG_SEPARATORS.test(text)) commit(text);
              else setDraft(text);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              if (draft.trim() !== '') commit(draft);
            }}
          />
        </div>
      )}
    </FieldFrame>
  );
}
