import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  /** The first option, chosen when nothing is (for example "Any status"). */
  empty?: string;
  options: { value: string; label: string }[];
}

/** GOV.UK select: label, hint and inline error tied to the select for screen readers. */
export function Select({ id, label, hint, error, value, onValue, empty, options }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={`${id}-error`} text={error} />
      <select
        id={id}
        name={id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
