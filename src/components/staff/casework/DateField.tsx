import { describedBy, FieldMessages } from '../FieldFrame.tsx';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export const emptyDate: DateParts = { day: '', month: '', year: '' };

/** "2027-01-15" → its parts, for a form that edits a stored date. */
export function dateParts(iso: string | null): DateParts {
  if (!iso) return emptyDate;
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? '' };
}

/** Reads a date typed in three boxes: null when all are blank, an ISO date, or what is wrong with it. */
export function readDate(parts: DateParts, what: string): { ok: true; iso: string | null } | { ok: false; message: string } {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return { ok: true, iso: null };
  if (!day || !month || !year)
    return {
      ok: false,
      message: `${what} must include a ${[!day && 'day', !month && 'month', !year && 'year'].filter(Boolean).join(' and ')}`,
    };
  if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) return { ok: false, message: `${what} must be a real date` };
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day))
    return { ok: false, message: `${what} must be a real date` };
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

interface Props {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}

/** GOV.UK's date input (day, month, year boxes) in the workspace's look; the day box carries the id. */
export function DateField({ id, legend, hint, error, value, onChange }: Props) {
  const part = (name: keyof DateParts, label: string, width: string) => (
    <div className="casework-date-item">
      <label className="label" htmlFor={name === 'day' ? id : `${id}-${name}`}>
        {label}
      </label>
      <input
        id={name === 'day' ? id : `${id}-${name}`}
        className={`input ${width}${error ? ' input-error' : ''}`}
        inputMode="numeric"
        value={value[name]}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange({ ...value, [name]: event.target.value })}
      />
    </div>
  );
  return (
    <div className={`form-group${error ? ' form-group-error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="label">{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        <div className="casework-date">
          {part('day', 'Day', 'casework-width-2')}
          {part('month', 'Month', 'casework-width-2')}
          {part('year', 'Year', 'casework-width-4')}
        </div>
      </fieldset>
    </div>
  );
}
