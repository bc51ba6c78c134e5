import { describe, expect, it } from 'vitest';
import { isOpenAt, londonClock, monthlySlots, openNowFilter, sessionDays, weeklySlots, type SessionShape } from './opening.ts';

const weekly = (byday: string, opens: string, closes: string): SessionShape => ({
  freq: 'WEEKLY',
  byday,
  opens_at: opens,
  closes_at: closes,
});

describe('open now and on a day, in Europe/London time', () => {
  it('reads the wall clock as GMT in winter', () => {
    expect(londonClock(new Date('2026-01-13T10:30:00Z'))).toMatchObject({ day: 'TU', minutes: 630 });
  });

  it('reads the wall clock as BST in summer', () => {
    expect(londonClock(new Date('2026-07-14T09:30:00Z'))).toMatchObject({ day: 'TU', minutes: 630 });
  });

  it('jumps from 00:59 GMT to 02:00 BST when the clocks go forward', () => {
    expect(londonClock(new Date('2026-03-29T00:59:00Z'))).toMatchObject({ day: 'SU', minutes: 59 });
    expect(londonClock(new Date('2026-03-29T01:00:00Z'))).toMatchObject({ day: 'SU', minutes: 120 });
  });

  it('goes through 01:00 twice when the clocks go back', () => {
    expect(londonClock(new Date('2026-10-25T00:30:00Z'))).toMatchObject({ minutes: 90 });
    expect(londonClock(new Date('2026-10-25T01:30:00Z'))).toMatchObject({ minutes: 90 });
  });

  it('says a Tuesday 10am to 12pm group is open at 11am London time in summer (10:00 UTC)', () => {
    expect(isOpenAt([weekly('TU', '10:00:00', '12:00:00')], new Date('2026-07-14T10:00:00Z'))).toBe(true);
    expect(isOpenAt([weekly('TU', '10:00:00', '12:00:00')], new Date('2026-07-14T11:00:00Z'))).toBe(false);
  });

  it('keeps a Friday night session open past midnight into Saturday', () => {
    const late = [weekly('FR', '22:00:00', '02:00:00')];
    expect(isOpenAt(late, new Date('2026-01-17T01:30:00Z'))).toBe(true); // Saturday 01:30 GMT
    expect(isOpenAt(late, new Date('2026-01-17T02:30:00Z'))).toBe(false);
    expect(weeklySlots(late)).toContain(5 * 96); // Saturday 00:00
  });

  it('wraps a Sunday night session into Monday morning', () => {
    const late = [weekly('SU', '23:00:00', '01:00:00')];
    expect(weeklySlots(late)).toEqual([668, 669, 670, 671, 0, 1, 2, 3].sort((a, b) => a - b));
    expect(isOpenAt(late, new Date('2026-01-19T00:30:00Z'))).toBe(true); // Monday 00:30 GMT
  });

  it('finds a service open now through the same slot it was indexed under', () => {
    const at = new Date('2026-07-14T10:00:00Z'); // Tuesday 11:00 BST
    const slot = weeklySlots([weekly('TU', '10:00:00', '12:00:00')]);
    const filterSlot = Number(/openSlots = (\d+)/.exec(openNowFilter(at))![1]);
    expect(slot).toContain(filterSlot);
  });

  it('finds a monthly session only on its week of the month', () => {
    const fourthThursday = [{ freq: 'MONTHLY' as const, byday: '4TH', opens_at: '10:00:00', closes_at: '12:00:00' }];
    expect(monthlySlots(fourthThursday)).toContain('4TH@40');
    expect(isOpenAt(fourthThursday, new Date('2026-01-22T10:30:00Z'))).toBe(true); // 4th Thursday
    expect(isOpenAt(fourthThursday, new Date('2026-01-15T10:30:00Z'))).toBe(false); // 3rd Thursday
    expect(openNowFilter(new Date('2026-01-22T10:30:00Z'))).toContain('"4TH@42"');
  });

  it('treats the last weekday of a month as "-1"', () => {
    expect(openNowFilter(new Date('2026-01-29T10:30:00Z'))).toContain('"-1TH@42"');
  });

  it('lists the days a service runs on in week order', () => {
    expect(sessionDays([weekly('FR,MO', '10:00', '11:00'), { freq: 'MONTHLY', byday: '2WE', opens_at: null, closes_at: null }])).toEqual([
      'MO',
      'WE',
      'FR',
    ]);
  });
});
