import type { InputHTMLAttributes } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  /** Shows the label as the page's heading (one question on the page). */
  isPageHeading?: boolean;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  widthClass?: string;
}

export function TextInput({ id, label, isPageHeading, hint, error, value, onValue, widthClass, className, ...rest }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const labelEl = (
    <label className={`govuk-label${isPageHeading ? ' govuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelEl}</h1> : labelEl}
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={`${id}-error`} text={error} />
      <input
        {...rest}
        id={id}
        name={rest.name ?? id}
        className={['govuk-input', widthClass, error && 'govuk-input--error', className].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
