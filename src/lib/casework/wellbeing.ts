import { z } from 'zod';
import type { SessionClient } from '../supabase-session.ts';
import { caseworkErrorFrom } from './errors.ts';

/**
 * The ONS4 personal wellbeing questions, in the Office for National Statistics' own words, each
 * answered from 0 ("not at all") to 10 ("completely"). For anxiety a lower score is better.
 */
export const wellbeingQuestions = [
  {
    key: 'life_satisfaction',
    short: 'Life satisfaction',
    text: 'Overall, how satisfied are you with your life nowadays?',
    lowerIsBetter: false,
  },
  {
    key: 'worthwhile',
    short: 'Worthwhile',
    text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
    lowerIsBetter: false,
  },
  { key: 'happiness', short: 'Happiness yesterday', text: 'Overall, how happy did you feel yesterday?', lowerIsBetter: false },
  { key: 'anxiety', short: 'Anxiety yesterday', text: 'Overall, how anxious did you feel yesterday?', lowerIsBetter: true },
] as const;
export type WellbeingKey = (typeof wellbeingQuestions)[number]['key'];
export const wellbeingScale = 'Where 0 is “not at all” and 10 is “completely”';

export const wellbeingStages = ['start', 'review'] as const;
export type WellbeingStage = (typeof wellbeingStages)[number];

const score = z.number().int().min(0).max(10);
export const wellbeingSchema = z.object({
  id: z.number().int(),
  referral_id: z.uuid(),
  stage: z.enum(wellbeingStages),
  life_satisfaction: score,
  worthwhile: score,
  happiness: score,
  anxiety: score,
  recorded_at: z.string(),
});
export type Wellbeing = z.infer<typeof wellbeingSchema>;

/** A score as typed: a whole number from 0 to 10, nothing else. */
export const typedScoreSchema = z
  .string()
  .trim()
  .min(1, 'Enter a number from 0 to 10')
  .regex(/^\d{1,2}$/, 'Enter a whole number from 0 to 10')
  .transform(Number)
  .pipe(z.number().max(10, 'Enter a number from 0 to 10'));

export type Scores = Pick<Wellbeing, WellbeingKey>;

export interface Change {
  key: WellbeingKey;
  start: number;
  latest: number;
  /** Latest minus start. */
  difference: number;
  direction: 'better' | 'worse' | 'same';
}

/** How each answer moved from the start to the latest review (anxiety: lower is better). */
export function wellbeingChange(records: Wellbeing[]): Change[] | null {
  const start = records.find((r) => r.stage === 'start');
  const review = records.filter((r) => r.stage === 'review').at(-1);
  if (!start || !review) return null;
  return wellbeingQuestions.map(({ key, lowerIsBetter }) => {
    const difference = review[key] - start[key];
    const improved = lowerIsBetter ? difference < 0 : difference > 0;
    return {
      key,
      start: start[key],
      latest: review[key],
      difference,
      direction: difference === 0 ? 'same' : improved ? 'better' : 'worse',
    };
  });
}

export async function loadWellbeing(client: SessionClient, referralId: string): Promise<Wellbeing[]> {
  const { data, error } = await client
    .from('referral_wellbeing')
    .select('id, referral_id, stage, life_satisfaction, worthwhile, happiness, anxiety, recorded_at')
    .eq('referral_id', referralId)
    .order('recorded_at')
    .order('id');
  if (error) throw caseworkErrorFrom(error);
  return z.array(wellbeingSchema).parse(data);
}

export async function recordWellbeing(
  client: SessionClient,
  referralId: string,
  stage: WellbeingStage,
  scores: Scores,
): Promise<Wellbeing> {
  const result = await client.rpc('record_wellbeing', { referral_id: referralId, stage, ...scores });
  if (result.error) throw caseworkErrorFrom(result.error);
  return wellbeingSchema.parse(result.data);
}
