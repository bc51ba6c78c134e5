import { bankHolidayDates, bankHolidayYears } from './bank-holidays.ts';
import { lazyDateFormat } from '../date-format.ts';

/**
 * Working days in England and Wales: Monday to Friday, not a bank holiday, counted on the calendar
 * of Europe/London whatever the computer's own time zone. Dates are 'YYYY-MM-DD' strings.
 */
export class WorkingDaysError extends Error {}

const london = lazyDateFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in London at this instant (a referral made at 00:30 BST on 1 July was made on 1 July). */
export function londonDate(instant: Date): string {
  return london().format(instant);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function checkCovered(date: string): void {
  const year = Number(date.slice(0, 4));
  if (year < bankHolidayYears.first || year > bankHolidayYears.last)
    throw new WorkingDaysError(
      `Bank holidays are known only for ${bankHolidayYears.first} to ${bankHolidayYears.last}, not ${year}: add that year to src/lib/working-days/bank-holidays-england-and-wales.json (see SOURCE.md).`,
    );
}

export function isWorkingDay(date: string): boolean {
  checkCovered(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidayDates.has(date);
}

/**
 * The date `days` working days after `from` (an instant, or a London date). The count starts
 * the day after: something that arrives on a Friday, or on a Saturday, with 1 working day to
 * answer is due on Monday (Tuesday when Monday is a bank holiday). 0 days means that same date.
 */
export function addWorkingDays(from: Date | string, days: number): string {
  if (!Number.isInteger(days) || days < 0)
    throw new WorkingDaysError(`A number of working days must be a whole number of 0 or more, not ${days}.`);
  let date = typeof from === 'string' ? from : londonDate(from);
  checkCovered(date);
  for (let counted = 0; counted < days;) {
    date = nextDay(date);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}

/** Overdue once the London date at `now` is past the due date (due today is not yet overdue). */
export function isOverdue(due: string, now: Date = new Date()): boolean {
  return londonDate(now) > due;
}
