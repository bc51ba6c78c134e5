import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

interface Props {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  /** Which parts the error is about (all when not said), so only those are outlined. */
  errorParts?: (keyof DateParts)[] | undefined;
  value: DateParts;
  onValue: (value: DateParts) => void;
  autoCompletePrefix?: 'bday' | undefined;
}

const parts: { key: keyof DateParts; label: string; width: string; auto: string }[] = [
  { key: 'day', label: 'Day', width: 'govuk-input--width-2', auto: '-day' },
  { key: 'month', label: 'Month', width: 'govuk-input--width-2', auto: '-month' },
  { key: 'year', label: 'Year', width: 'govuk-input--width-4', auto: '-year' },
];

/** GOV.UK date input: three boxes in one fieldset; the first box carries the field's id for error links. */
export function DateInput({ id, legend, hint, error, errorParts, value, onValue, autoCompletePrefix }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const marked = (key: keyof DateParts) => Boolean(error) && (!errorParts?.length || errorParts.includes(key));
  const firstMarked = parts.find((p) => marked(p.key))?.key ?? 'day';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {hint && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={`${id}-error`} text={error} />
        <div className="govuk-date-input">
          {parts.map((p) => (
            <div className="govuk-date-input__item" key={p.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={p.key === firstMarked ? id : `${id}-${p.key}`}>
                  {p.label}
                </label>
                <input
                  id={p.key === firstMarked ? id : `${id}-${p.key}`}
                  name={`${id}-${p.key}`}
                  className={`govuk-input govuk-date-input__input ${p.width}${marked(p.key) ? ' govuk-input--error' : ''}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete={autoCompletePrefix ? `${autoCompletePrefix}${p.auto}` : undefined}
                  value={value[p.key]}
                  onChange={(e) => onValue({ ...value, [p.key]: e.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
