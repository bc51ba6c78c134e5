import type { Schedule, ScheduleInput } from '../schemas/schedule.ts';

/** The days a schedule editor offers, in the order people read them. */
export const weekDays = [
  ['MO', 'Monday'],
  ['TU', 'Tuesday'],
  ['WE', 'Wednesday'],
  ['TH', 'Thursday'],
  ['FR', 'Friday'],
  ['SA', 'Saturday'],
  ['SU', 'Sunday'],
] as const;

export const monthWeeks = [
  ['1', 'First'],
  ['2', 'Second'],
  ['3', 'Third'],
  ['4', 'Fourth'],
  ['-1', 'Last'],
] as const;

/**
 * One opening time as a curator edits it: every week on some days, or one week of the month,
 * between two times. Fields the editor does not show (dates it is valid between, month days)
 * are carried over untouched.
 */
export interface ScheduleDraft {
  id: string;
  freq: 'WEEKLY' | 'MONTHLY';
  days: string[];
  week: string;
  opens_at: string;
  closes_at: string;
  description: string;
  kept: Pick<Schedule, 'interval' | 'bymonthday' | 'valid_from' | 'valid_to'>;
}

export function draftOf(s: Schedule): ScheduleDraft {
  const codes = (s.byday ?? '').split(',').filter(Boolean);
  const week = codes[0]?.match(/^(-?\d)/)?.[1] ?? '1';
  return {
    id: s.id,
    freq: s.freq ?? 'WEEKLY',
    days: codes.map((c) => c.replace(/^-?\d/, '')),
    week,
    opens_at: s.opens_at?.slice(0, 5) ?? '',
    closes_at: s.closes_at?.slice(0, 5) ?? '',
    description: s.description ?? '',
    kept: { interval: s.interval, bymonthday: s.bymonthday, valid_from: s.valid_from, valid_to: s.valid_to },
  };
}

export function emptyDraft(id: string): ScheduleDraft {
  return {
    id,
    freq: 'WEEKLY',
    days: [],
    week: '1',
    opens_at: '',
    closes_at: '',
    description: '',
    kept: { interval: null, bymonthday: null, valid_from: null, valid_to: null },
  };
}

/** Back to ORUK's iCal shape: BYDAY "MO,WE" weekly, "2TU" for the second Tuesday of the month. */
export function scheduleOf(d: ScheduleDraft, serviceId: string): ScheduleInput {
  const order = weekDays.map(([code]) => code as string);
  const days = [...d.days].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    id: d.id,
    service_id: serviceId,
    service_at_location_id: null,
    freq: d.freq,
    interval: d.kept.interval,
    byday: days.length ? (d.freq === 'MONTHLY' ? days.map((day) => `${d.week}${day}`) : days).join(',') : null,
    bymonthday: d.kept.bymonthday,
    opens_at: d.opens_at || null,
    closes_at: d.closes_at || null,
    valid_from: d.kept.valid_from,
    valid_to: d.kept.valid_to,
    description: d.description,
  };
}

/** What the shared schema cannot say: a day is chosen, and the closing time is after the opening time. */
export function draftProblems(drafts: ScheduleDraft[]): { field: string; message: string }[] {
  return drafts.flatMap((d, i) => {
    const problems: { field: string; message: string }[] = [];
    if (!d.days.length && !d.description.trim() && !d.kept.bymonthday)
      problems.push({ field: `schedule-${i}-days`, message: `Opening time ${i + 1}: choose at least one day` });
    if (d.opens_at && d.closes_at && d.closes_at <= d.opens_at)
      problems.push({
        field: `schedule-${i}-closes_at`,
        message: `Opening time ${i + 1}: the closing time must be after the opening time`,
      });
    return problems;
  });
}
