import { z } from 'zod';

/**
 * FICTIONAL SAMPLE DATA: what `npm start` puts on sample referrals as their link workers would
 * (scripts/lib/seed-casework.ts): plans, wellbeing answers, and each sample team's practical-help
 * fund with a top-up and a spend. Never made anywhere but the local stack.
 */
const sampleCaseworkSchema = z.object({
  plans: z.array(z.object({ what_matters: z.string().min(1), goals: z.array(z.string().min(1)).min(1).max(10) })).min(1),
  /** Wellbeing at the start, and (for every other referral) at review: life satisfaction, worthwhile, happiness, anxiety. */
  wellbeing: z.object({
    start: z.array(z.number().int().min(0).max(10)).length(4),
    review: z.array(z.number().int().min(0).max(10)).length(4),
  }),
  topUp: z.object({ amount_pence: z.number().int().positive(), purpose: z.string().min(1), approved_by: z.string().min(1) }),
  spend: z.object({
    amount_pence: z.number().int().positive(),
    purpose: z.string().min(1),
    supplier: z.string().min(1),
    approved_by: z.string().min(1),
  }),
});
export type SampleCasework = z.infer<typeof sampleCaseworkSchema>;

export const sampleCasework: SampleCasework = sampleCaseworkSchema.parse({
  plans: [
    {
      what_matters: 'Getting out of the house and seeing people again since my wife died.',
      goals: ['Go to a walking group once a week', 'Have someone to talk to on Sundays'],
    },
    {
      what_matters: 'Being able to stay in my own home and keep on top of the bills.',
      goals: ['Get advice on the energy bill', 'Have the stairs made safe'],
    },
    { what_matters: 'Feeling less anxious and sleeping better.', goals: ['Try a mindfulness course', 'Walk every morning'] },
  ],
  wellbeing: { start: [4, 5, 3, 8], review: [6, 7, 6, 4] },
  topUp: { amount_pence: 50_000, purpose: 'Council grant for same-day discharge help (sample)', approved_by: 'Sample council officer' },
  spend: {
    amount_pence: 4_500,
    purpose: 'Grab rails fitted in the bathroom before discharge',
    supplier: 'Handy Helpers (sample)',
    approved_by: 'Sam Patel, coordinator',
  },
});
