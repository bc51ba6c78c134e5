import type { Schedule } from '../schemas/schedule.ts';
import { dayNames as weekDayNames } from '../search/opening.ts';

// Looked up by the raw BYDAY codes a feed holds, which may be anything.
const dayNames: Record<string, string> = weekDayNames;
const ordinals: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last' };
const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** "09:30:00" → "9:30am"; "13:00:00" → "1pm", the way GOV.UK writes times. */
export function clockTime(value: string): string {
  const [h = 0, m = 0] = value.split(':').map(Number);
  const suffix = h >= 12 ? 'pm' : 'am';
  const hour = h % 12 === 0 ? 12 : h % 12;
  if (h === 12 && m === 0) return 'midday';
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
}

function listDays(codes: string[]): string {
  if (codes.length === 5 && weekdays.every((d) => codes.includes(d))) return 'Monday to Friday';
  const names = codes.map((c) => dayNames[c] ?? c);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

function monthlyDay(code: string): string {
  const match = code.match(/^(-?\d)([A-Z]{2})$/);
  if (!match) return code;
  return `${ordinals[match[1]!] ?? match[1]} ${dayNames[match[2]!] ?? match[2]} of the month`;
}

type ScheduleShape = Pick<Schedule, 'freq' | 'interval' | 'byday' | 'bymonthday' | 'opens_at' | 'closes_at' | 'description'>;

/** Turns an ORUK (iCal-shaped) schedule into one plain sentence, or null when it says nothing usable. */
export function describeSchedule(s: ScheduleShape): string | null {
  const days = (s.byday ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  let when = '';
  if (s.freq === 'WEEKLY' && days.length)
    when = `${s.interval && s.interval > 1 ? `Every ${s.interval === 2 ? 'other' : `${s.interval}th`}` : 'Every'} ${listDays(days)}`;
  else if (s.freq === 'MONTHLY' && days.length) when = `The ${days.map(monthlyDay).join(' and the ')}`;
  else if (s.freq === 'MONTHLY' && s.bymonthday) when = `On day ${s.bymonthday} of each month`;
  if (when === 'Every Monday to Friday') when = 'Monday to Friday';
  const hours =
    s.opens_at && s.closes_at ? `${clockTime(s.opens_at)} to ${clockTime(s.closes_at)}` : s.opens_at ? `from ${clockTime(s.opens_at)}` : '';
  const sentence = [when, hours].filter(Boolean).join(', ');
  const note = s.description?.trim();
  if (!sentence) return note || null;
  return note ? `${sentence}. ${note}` : sentence;
}
