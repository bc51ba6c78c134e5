import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage.tsx';

/** The ids a field's hint and error take, present only when they are shown. */
export function fieldIds(id: string, hint: string | undefined, error: string | undefined) {
  return { hintId: hint ? `${id}-hint` : undefined, errorId: error ? `${id}-error` : undefined };
}

interface Props {
  id: string;
  label: string;
  /** GOV.UK's label sizes; a page heading is always large. */
  labelSize?: 's' | 'm' | 'l';
  /** Shows the label as the page's heading (one question on the page). */
  isPageHeading?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

/** GOV.UK form group around one field: its label (or the page heading), hint and error, then the field. */
export function FormGroup({ id, label, labelSize, isPageHeading, hint, error, children }: Props) {
  const size = isPageHeading ? 'l' : labelSize;
  const labelEl = (
    <label className={`govuk-label${size ? ` govuk-label--${size}` : ''}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelEl}</h1> : labelEl}
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={`${id}-error`} text={error} />
      {children}
    </div>
  );
}
