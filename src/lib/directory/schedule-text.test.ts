import { describe, expect, it } from 'vitest';
import { clockTime, describeSchedule } from './schedule-text.ts';

const base = { freq: null, interval: null, byday: null, bymonthday: null, opens_at: null, closes_at: null, description: null };

describe('opening times in plain words', () => {
  it('writes times the GOV.UK way', () => {
    expect(clockTime('09:30:00')).toBe('9:30am');
    expect(clockTime('13:00:00')).toBe('1pm');
    expect(clockTime('12:00:00')).toBe('midday');
    expect(clockTime('00:15:00')).toBe('12:15am');
  });

  it('says Monday to Friday for every weekday', () => {
    expect(describeSchedule({ ...base, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:30:00', closes_at: '16:30:00' })).toBe(
      'Monday to Friday, 9:30am to 4:30pm',
    );
  });

  it('names single and paired weekdays', () => {
    expect(describeSchedule({ ...base, freq: 'WEEKLY', byday: 'TU', opens_at: '10:00:00', closes_at: '11:30:00' })).toBe(
      'Every Tuesday, 10am to 11:30am',
    );
    expect(describeSchedule({ ...base, freq: 'WEEKLY', byday: 'MO,TH' })).toBe('Every Monday and Thursday');
  });

  it('handles fortnightly sessions and keeps the publisher’s note', () => {
    expect(
      describeSchedule({
        ...base,
        freq: 'WEEKLY',
        interval: 2,
        byday: 'FR',
        opens_at: '14:00:00',
        closes_at: '16:00:00',
        description: 'Every other week; phone to check dates.',
      }),
    ).toBe('Every other Friday, 2pm to 4pm. Every other week; phone to check dates.');
  });

  it('reads monthly rules such as the fourth Wednesday', () => {
    expect(describeSchedule({ ...base, freq: 'MONTHLY', byday: '4WE', opens_at: '10:00:00', closes_at: '12:00:00' })).toBe(
      'The fourth Wednesday of the month, 10am to midday',
    );
    expect(describeSchedule({ ...base, freq: 'MONTHLY', byday: '-1FR' })).toBe('The last Friday of the month');
  });

  it('falls back to the description alone, or nothing', () => {
    expect(describeSchedule({ ...base, description: 'Phone for times' })).toBe('Phone for times');
    expect(describeSchedule(base)).toBeNull();
  });
});
