import type { ReactNode } from 'react';

/** What a field's `aria-describedby` names: its hint and its error, where shown. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and inline error, with the ids `describedBy` names. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
    </>
  );
}

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

/** The workspace's GOV.UK form group: label, hint and inline error, then the field itself. */
export function FieldFrame({ id, label, hint, error, children }: Props) {
  return (
    <div className={`form-group${error ? ' form-group-error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
