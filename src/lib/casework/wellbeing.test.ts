import { describe, expect, it } from 'vitest';
import { typedScoreSchema, type Wellbeing, wellbeingChange } from './wellbeing.ts';

const record = (stage: Wellbeing['stage'], [life_satisfaction, worthwhile, happiness, anxiety]: number[], id: number): Wellbeing => ({
  id,
  referral_id: '00000000-0000-4000-8000-000000000000',
  stage,
  life_satisfaction: life_satisfaction!,
  worthwhile: worthwhile!,
  happiness: happiness!,
  anxiety: anxiety!,
  recorded_at: `2026-12-0${id}T10:00:00Z`,
});

describe('the change in wellbeing from the start to the latest review', () => {
  it('counts a lower anxiety score as better and a lower happiness score as worse', () => {
    const change = wellbeingChange([record('start', [4, 5, 6, 8], 1), record('review', [6, 5, 4, 3], 2)]);
    expect(change?.map((c) => [c.key, c.difference, c.direction])).toEqual([
      ['life_satisfaction', 2, 'better'],
      ['worthwhile', 0, 'same'],
      ['happiness', -2, 'worse'],
      ['anxiety', -5, 'better'],
    ]);
  });

  it('compares with the latest review when there are several', () => {
    const change = wellbeingChange([
      record('start', [4, 4, 4, 4], 1),
      record('review', [5, 5, 5, 5], 2),
      record('review', [9, 9, 9, 9], 3),
    ]);
    expect(change?.[0]).toMatchObject({ start: 4, latest: 9, difference: 5 });
  });

  it('has nothing to show before a review', () => {
    expect(wellbeingChange([record('start', [4, 4, 4, 4], 1)])).toBeNull();
  });
});

describe('a wellbeing score as typed', () => {
  it('reads whole numbers from 0 to 10', () => {
    expect(['0', ' 7 ', '10'].map((s) => typedScoreSchema.parse(s))).toEqual([0, 7, 10]);
  });

  it.each([
    ['', 'Enter a number from 0 to 10'],
    ['11', 'Enter a number from 0 to 10'],
    ['7.5', 'Enter a whole number from 0 to 10'],
    ['-1', 'Enter a whole number from 0 to 10'],
    ['seven', 'Enter a whole number from 0 to 10'],
  ])('refuses %j saying %j', (typed, message) => {
    expect(typedScoreSchema.safeParse(typed).error?.issues[0]?.message).toBe(message);
  });
});
