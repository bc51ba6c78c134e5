import { describe, expect, it } from 'vitest';
import { describeSchedule } from '../directory/schedule-text.ts';
import { scheduleSchema } from '../schemas/schedule.ts';
import { draftOf, draftProblems, emptyDraft, scheduleOf } from './schedule-draft.ts';

describe('the schedule editor’s drafts', () => {
  it('write a weekly schedule as ORUK’s iCal days, in week order, and residents read it in plain English', () => {
    const draft = { ...emptyDraft('s1'), days: ['TH', 'TU'], opens_at: '10:00', closes_at: '12:30' };
    const schedule = scheduleSchema.parse(scheduleOf(draft, 'svc'));
    expect(schedule).toMatchObject({ freq: 'WEEKLY', byday: 'TU,TH', opens_at: '10:00:00', closes_at: '12:30:00', service_id: 'svc' });
    expect(describeSchedule(schedule)).toBe('Every Tuesday and Thursday, 10am to 12:30pm');
  });

  it('write a monthly schedule with the week of the month', () => {
    const draft = { ...emptyDraft('s2'), freq: 'MONTHLY' as const, week: '-1', days: ['FR'], opens_at: '14:00', closes_at: '16:00' };
    const schedule = scheduleSchema.parse(scheduleOf(draft, 'svc'));
    expect(schedule.byday).toBe('-1FR');
    expect(describeSchedule(schedule)).toBe('The last Friday of the month, 2pm to 4pm');
  });

  it('read back what they wrote, keeping what the editor does not show', () => {
    const schedule = scheduleSchema.parse({
      id: 's3',
      service_id: 'svc',
      freq: 'MONTHLY',
      byday: '2WE',
      opens_at: '09:30:00',
      closes_at: '11:00:00',
      valid_from: '2026-01-01',
    });
    const draft = draftOf(schedule);
    expect(draft).toMatchObject({ freq: 'MONTHLY', week: '2', days: ['WE'], opens_at: '09:30', closes_at: '11:00' });
    expect(scheduleSchema.parse(scheduleOf(draft, 'svc'))).toEqual(schedule);
  });

  it('say when no day is chosen or the closing time comes first', () => {
    expect(draftProblems([{ ...emptyDraft('a'), opens_at: '12:00', closes_at: '10:00' }]).map((p) => p.field)).toEqual([
      'schedule-0-days',
      'schedule-0-closes_at',
    ]);
  });
});
