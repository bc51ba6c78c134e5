import { describe, expect, it } from 'vitest';
import { bankHolidays } from './bank-holidays.ts';
import { addWorkingDays, isOverdue, isWorkingDay, londonDate, WorkingDaysError } from './working-days.ts';

describe('bank holidays in England and Wales', () => {
  it('has the eight bank holidays of each year from 2025 to 2028, each on a weekday', () => {
    for (const year of [2025, 2026, 2027, 2028]) expect(bankHolidays.filter((e) => e.date.startsWith(`${year}-`))).toHaveLength(8);
    const weekend = bankHolidays.filter((e) => [0, 6].includes(new Date(`${e.date}T00:00:00Z`).getUTCDay()));
    expect(weekend).toEqual([]);
  });

  it('moves Christmas and Boxing Day 2027 and New Year 2028, which fall at weekends, to substitute weekdays', () => {
    const substitutes = bankHolidays.filter((e) => e.notes === 'Substitute day').map((e) => [e.title, e.date]);
    expect(substitutes).toEqual([
      ['Boxing Day', '2026-12-28'],
      ['Christmas Day', '2027-12-27'],
      ['Boxing Day', '2027-12-28'],
      ['New Year’s Day', '2028-01-03'],
    ]);
  });

  it('puts Good Friday and Easter Monday around each Easter Sunday', () => {
    const easterSundays = ['2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16'];
    const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const dates = (title: string) => bankHolidays.filter((e) => e.title === title).map((e) => e.date);
    expect(dates('Good Friday')).toEqual(easterSundays.map((d) => shift(d, -2)));
    expect(dates('Easter Monday')).toEqual(easterSundays.map((d) => shift(d, 1)));
  });
});

describe('working days', () => {
  it('counts from the next day, so Monday plus 1 is Tuesday and Friday plus 1 is Monday', () => {
    expect(addWorkingDays('2026-06-01', 1)).toBe('2026-06-02');
    expect(addWorkingDays('2026-06-05', 1)).toBe('2026-06-08');
  });

  it('treats something arriving at the weekend as arriving on Monday: Saturday plus 1 is Monday', () => {
    expect(addWorkingDays('2026-06-06', 1)).toBe('2026-06-08');
  });

  it('skips Easter: Thursday 2 April 2026 plus 2 working days is Wednesday 8 April', () => {
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-08');
  });

  it('skips Christmas, the substitute Boxing Day and New Year: 24 December 2026 plus 5 is 5 January 2027', () => {
    expect(addWorkingDays('2026-12-24', 3)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-05');
  });

  it('gives the same date for 0 working days', () => {
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
  });

  it('counts ten working days across a late May bank holiday', () => {
    expect(addWorkingDays('2027-05-24', 10)).toBe('2027-06-08');
  });

  it('uses the date in London, not UTC: 23:30 UTC on 30 June is already 1 July in London', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(addWorkingDays(new Date('2026-06-30T23:30:00Z'), 1)).toBe('2026-07-02');
  });

  it('uses GMT in winter: 23:30 UTC on 30 January is still 30 January in London', () => {
    expect(addWorkingDays(new Date('2026-01-30T23:30:00Z'), 1)).toBe('2026-02-02');
  });

  it('refuses years it has no bank holidays for, rather than giving a wrong date', () => {
    expect(() => addWorkingDays('2028-12-29', 3)).toThrow(WorkingDaysError);
    expect(() => isWorkingDay('2024-05-06')).toThrow(/only for 2025 to 2028/);
  });

  it('refuses a number of days that is negative or not whole', () => {
    expect(() => addWorkingDays('2026-06-01', -1)).toThrow(/whole number/);
    expect(() => addWorkingDays('2026-06-01', 1.5)).toThrow(/whole number/);
  });

  it('is overdue only once the London date has passed the due date', () => {
    expect(isOverdue('2026-06-02', new Date('2026-06-02T22:59:00Z'))).toBe(false);
    expect(isOverdue('2026-06-02', new Date('2026-06-02T23:01:00Z'))).toBe(true);
  });
});
