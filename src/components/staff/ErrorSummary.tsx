import { useEffect, useRef } from 'react';

export interface FieldError {
  /** The id of the field the error is about, for the summary's link. */
  field: string;
  message: string;
}

/**
 * GOV.UK's error summary: at the top, focused when it appears, each error linking to its field.
 * A screen with several forms (the record's panels) gives each summary its own `id`.
 */
export function ErrorSummary({ errors, id = 'error-summary-title' }: { errors: FieldError[]; id?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={id}>
      <h2 id={id}>There is a problem</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field + error.message}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;
