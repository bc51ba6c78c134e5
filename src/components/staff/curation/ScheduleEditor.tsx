import { describeSchedule } from '../../../lib/directory/schedule-text.ts';
import { emptyDraft, monthWeeks, scheduleOf, weekDays, type ScheduleDraft } from '../../../lib/curation/schedule-draft.ts';
import { newId } from '../../../lib/curation/listings.ts';
import { TextField } from '../TextField.tsx';
import { Options, Select } from './fields.tsx';

interface Props {
  drafts: ScheduleDraft[];
  onChange: (drafts: ScheduleDraft[]) => void;
  errorOf: (field: string) => string | undefined;
}

/**
 * Edits a service's opening times in ORUK's shape (every week on some days, or one week of the
 * month) and shows, for each, the sentence residents will read on the service's page.
 */
export function ScheduleEditor({ drafts, onChange, errorOf }: Props) {
  const update = (index: number, change: Partial<ScheduleDraft>) => onChange(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));
  return (
    <>
      {drafts.length === 0 && <p>This listing has no opening times. Add one if it meets at set times.</p>}
      {drafts.map((d, i) => {
        const id = `schedule-${i}`;
        const preview = scheduleOf(d, 'preview');
        const sentence =
          describeSchedule({
            freq: d.freq,
            interval: d.kept.interval,
            byday: preview.byday ?? null,
            bymonthday: d.kept.bymonthday,
            opens_at: d.opens_at || null,
            closes_at: d.closes_at || null,
            description: d.description || null,
          }) ?? '';
        return (
          <fieldset className="fieldset staff-section" key={d.id}>
            <legend>
              <h3>Opening time {i + 1}</h3>
            </legend>
            <Options
              id={`${id}-freq`}
              legend="How often"
              type="radio"
              options={[
                { value: 'WEEKLY', label: 'Every week' },
                { value: 'MONTHLY', label: 'Once a month' },
              ]}
              checked={(v) => d.freq === v}
              onToggle={(v) => update(i, { freq: v as ScheduleDraft['freq'] })}
            />
            {d.freq === 'MONTHLY' && (
              <Select
                id={`${id}-week`}
                label="Which week of the month"
                value={d.week}
                onChange={(week) => update(i, { week })}
                options={monthWeeks.map(([value, label]) => ({ value, label }))}
              />
            )}
            <Options
              id={`${id}-days`}
              legend="Days"
              type="checkbox"
              error={errorOf(`${id}-days`) ?? errorOf(`${id}-byday`)}
              options={weekDays.map(([value, label]) => ({ value, label }))}
              checked={(v) => d.days.includes(v)}
              onToggle={(v, on) => update(i, { days: on ? [...d.days, v] : d.days.filter((x) => x !== v) })}
            />
            <TextField
              id={`${id}-opens_at`}
              label="Opens at"
              hint="24-hour time, for example 09:30"
              type="time"
              value={d.opens_at}
              onChange={(opens_at) => update(i, { opens_at })}
              error={errorOf(`${id}-opens_at`)}
            />
            <TextField
              id={`${id}-closes_at`}
              label="Closes at"
              type="time"
              value={d.closes_at}
              onChange={(closes_at) => update(i, { closes_at })}
              error={errorOf(`${id}-closes_at`)}
            />
            <TextField
              id={`${id}-description`}
              label="Note for residents (optional)"
              hint="For example, not in August"
              value={d.description}
              onChange={(description) => update(i, { description })}
              error={errorOf(`${id}-description`)}
            />
            <p className="notice" aria-live="polite">
              Residents will read: <strong>{sentence || 'nothing yet: choose the days'}</strong>
            </p>
            <button type="button" className="button secondary" onClick={() => onChange(drafts.filter((_, j) => j !== i))}>
              Remove opening time {i + 1}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button type="button" className="button secondary" onClick={() => onChange([...drafts, emptyDraft(newId())])}>
          Add an opening time
        </button>
      </p>
    </>
  );
}
