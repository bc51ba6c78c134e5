import type { ReactNode } from 'react';
import { describedBy, FieldFrame, FieldMessages } from '../FieldFrame.tsx';

// Staff-style form parts the workspace's TextField does not cover: a text area, a select, radios and checkboxes.

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 4,
}: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`input${error ? ' input-error' : ''}`}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
}: Common & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className="select"
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Radios or checkboxes in a fieldset; the first input carries the group's id, for error links. */
export function Options({
  id,
  legend,
  hint,
  error,
  type,
  options,
  checked,
  onToggle,
}: {
  id: string;
  legend: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string }[];
  checked: (value: string) => boolean;
  onToggle: (value: string, on: boolean) => void;
}) {
  return (
    <div className={`form-group${error ? ' form-group-error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="label">{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        {options.map((o, i) => {
          const inputId = i === 0 ? id : `${id}-${o.value.replace(/\W+/g, '-')}`;
          return (
            <div className="radio" key={o.value}>
              <input
                type={type}
                id={inputId}
                name={id}
                value={o.value}
                checked={checked(o.value)}
                onChange={(e) => onToggle(o.value, e.target.checked)}
              />
              <label htmlFor={inputId}>{o.label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A failure that is not about one field: said plainly, in a live region. */
export function Problem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="notice warning" role="alert">
      <p>{message}</p>
    </div>
  );
}
