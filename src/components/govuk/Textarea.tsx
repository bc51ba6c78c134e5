import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  rows?: number;
  value: string;
  onValue: (value: string) => void;
}

export function Textarea({ id, label, hint, error, rows = 4, value, onValue }: Props) {
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
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
