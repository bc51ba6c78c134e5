import { lazyDateFormat } from '../date-format.ts';

/**
 * "Open now" and "on a day" from ORUK (iCal-shaped) schedules, in Europe/London wall-clock time.
 *
 * Opening times are local wall-clock times ("Tuesdays 10am to 12pm"), so the only place the clock
 * change matters is in reading "now": we ask Intl for the wall-clock time in Europe/London, which
 * is GMT in winter and BST in summer, and compare wall-clock to wall-clock.
 *
 * For filtering in Meilisearch each weekly session becomes the 15-minute slots of the week it is
 * open in (slot = day × 96 + minute ÷ 15, Monday 00:00 is 0), and each monthly session
 * ("2nd Thursday") becomes strings like "2TH@40" (40 = 10:00). "Open now" is then one equality
 * filter, so counts and paging stay right. A session that closes at or before it opens runs past
 * midnight into the next day (Sunday night into Monday morning wraps round the week).
 */
export const dayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type DayCode = (typeof dayCodes)[number];

export const dayNames: Record<DayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const slotMinutes = 15;
const minutesPerDay = 24 * 60;
const minutesPerWeek = 7 * minutesPerDay;

export interface SessionShape {
  freq: 'WEEKLY' | 'MONTHLY' | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
}

function minutesOf(time: string | null): number | null {
  if (!time) return null;
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

interface DayRule {
  ordinal: string | null;
  day: DayCode;
}

function dayRules(byday: string | null): DayRule[] {
  return (byday ?? '').split(',').flatMap((part) => {
    const match = /^(-?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part.trim());
    return match ? [{ ordinal: match[1] ?? null, day: match[2] as DayCode }] : [];
  });
}

/** Minutes from opening to closing, past midnight when it closes at or before it opens. */
function span(session: SessionShape): { open: number; close: number } | null {
  const open = minutesOf(session.opens_at);
  const close = minutesOf(session.closes_at);
  if (open === null || close === null) return null;
  return { open, close: close > open ? close : close + minutesPerDay };
}

/** The days a service runs on, from every schedule, in week order. */
export function sessionDays(sessions: SessionShape[]): DayCode[] {
  const days = new Set(sessions.flatMap((s) => dayRules(s.byday).map((r) => r.day)));
  return dayCodes.filter((d) => days.has(d));
}

/** 15-minute slots of the week the weekly sessions are open in. */
export function weeklySlots(sessions: SessionShape[]): number[] {
  const slots = new Set<number>();
  for (const session of sessions) {
    if (session.freq === 'MONTHLY') continue;
    const times = span(session);
    if (!times) continue;
    for (const rule of dayRules(session.byday)) {
      if (rule.ordinal) continue;
      const dayStart = dayCodes.indexOf(rule.day) * minutesPerDay;
      const first = Math.floor(times.open / slotMinutes) * slotMinutes;
      for (let m = first; m < times.close; m += slotMinutes) slots.add(((dayStart + m) % minutesPerWeek) / slotMinutes);
    }
  }
  return [...slots].sort((a, b) => a - b);
}

/** "2TH@40"-style keys for monthly sessions (ordinal weekday @ slot of the day). */
export function monthlySlots(sessions: SessionShape[]): string[] {
  const keys = new Set<string>();
  for (const session of sessions) {
    const times = span(session);
    if (!times) continue;
    for (const rule of dayRules(session.byday)) {
      if (!rule.ordinal) continue;
      // A monthly session is held on one date; its hours past midnight are not carried over.
      const close = Math.min(times.close, minutesPerDay);
      const first = Math.floor(times.open / slotMinutes) * slotMinutes;
      for (let m = first; m < close; m += slotMinutes) keys.add(`${rule.ordinal}${rule.day}@${m / slotMinutes}`);
    }
  }
  return [...keys].sort();
}

export interface LondonClock {
  day: DayCode;
  /** Minutes since local midnight. */
  minutes: number;
  /** Which occurrence of this weekday in the month (1–5), and whether it is the last. */
  nth: number;
  last: boolean;
}

const londonParts = lazyDateFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});
const shortDays: Record<string, DayCode> = { Mon: 'MO', Tue: 'TU', Wed: 'WE', Thu: 'TH', Fri: 'FR', Sat: 'SA', Sun: 'SU' };

/** The wall-clock time in Europe/London at an instant (GMT or BST as the date requires). */
export function londonClock(at: Date): LondonClock {
  const parts = Object.fromEntries(
    londonParts()
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const year = Number(parts.year);
  const month = Number(parts.month);
  const date = Number(parts.day);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    day: shortDays[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    nth: Math.ceil(date / 7),
    last: date + 7 > daysInMonth,
  };
}

/** The Meilisearch filter for services open at an instant. */
export function openNowFilter(at: Date): string {
  const clock = londonClock(at);
  const slot = (dayCodes.indexOf(clock.day) * minutesPerDay + clock.minutes) / slotMinutes;
  const ofDay = Math.floor(clock.minutes / slotMinutes);
  const monthly = [`${clock.nth}${clock.day}@${ofDay}`, ...(clock.last ? [`-1${clock.day}@${ofDay}`] : [])];
  return `(openSlots = ${Math.floor(slot)} OR monthlySlots IN [${monthly.map((k) => `"${k}"`).join(', ')}])`;
}

/** Whether the sessions say the service is open at an instant, to the minute. */
export function isOpenAt(sessions: SessionShape[], at: Date): boolean {
  const clock = londonClock(at);
  const now = dayCodes.indexOf(clock.day) * minutesPerDay + clock.minutes;
  return sessions.some((session) => {
    const times = span(session);
    if (!times) return false;
    return dayRules(session.byday).some((rule) => {
      if (rule.ordinal) {
        const onThisDay = rule.day === clock.day && (rule.ordinal === '-1' ? clock.last : Number(rule.ordinal) === clock.nth);
        return onThisDay && clock.minutes >= times.open && clock.minutes < Math.min(times.close, minutesPerDay);
      }
      const start = dayCodes.indexOf(rule.day) * minutesPerDay + times.open;
      const end = start + (times.close - times.open);
      // The same session a week earlier covers a Sunday-night-into-Monday run.
      return (now >= start && now < end) || (now + minutesPerWeek >= start && now + minutesPerWeek < end);
    });
  });
}
