import { z } from 'zod';
import { referralSources, referralStatuses } from '../referrals/schema.ts';

/**
 * FICTIONAL SAMPLE DATA: the referrals `npm start` makes on the local stack, so a sample link
 * worker opens an inbox with work in it (scripts/lib/seed-referrals.ts). Each is submitted
 * through public.submit_referral as its own sample person, then taken along the workflow by the
 * sample staff through the workspace's functions, as staff would. `practiceOf` names the PCN
 * whose first practice the person is registered with; the database picks the team.
 */
export const sampleReferralSchema = z.object({
  key: z.string().regex(/^[a-z-]+$/),
  given_name: z.string(),
  family_name: z.string(),
  source: z.enum(referralSources),
  practiceOf: z.string(),
  needs: z.array(z.string()),
  what_matters: z.string(),
  /**
   * Days ago it arrived: the sample back-dates it and its due date, so the inbox shows an overdue
   * referral and the reports show real first-contact times. Every sample referral arrived before
   * today, new and triaged ones within their first-contact time except the one meant to be overdue.
   */
  daysAgo: z.number().int().min(1),
  /** What staff then did, in order: [email of the member of staff, action]. */
  steps: z
    .array(
      z.object({
        by: z.email(),
        do: z.discriminatedUnion('kind', [
          z.object({
            kind: z.literal('move'),
            to: z.enum(referralStatuses),
            outcome: z.string().optional(),
            reason: z.string().optional(),
          }),
          z.object({ kind: z.literal('assign'), to: z.email() }),
          z.object({ kind: z.literal('contact'), method: z.string(), result: z.string() }),
          z.object({ kind: z.literal('message'), body: z.string() }),
          z.object({ kind: z.literal('note'), body: z.string() }),
          z.object({ kind: z.literal('route'), team: z.string(), reason: z.string() }),
        ]),
      }),
    )
    .default([]),
});
export type SampleReferral = z.infer<typeof sampleReferralSchema>;

const priya = 'priya.shah@staff.example.org';
const tom = 'tom.okafor@staff.example.org';
const sam = 'sam.patel@staff.example.org';
const lynn = 'Lynn and the Coast PCN';
const marshland = 'Marshland and Fens PCN';

export const sampleReferrals: SampleReferral[] = z.array(sampleReferralSchema).parse([
  {
    key: 'new-lonely',
    given_name: 'Margaret',
    family_name: 'Sample',
    source: 'self',
    practiceOf: lynn,
    needs: ['loneliness'],
    daysAgo: 1,
    what_matters: 'Since my husband died I hardly speak to anyone. I would like to meet people again.',
  },
  {
    key: 'overdue-money',
    given_name: 'Dennis',
    family_name: 'Example',
    source: 'self',
    practiceOf: lynn,
    needs: ['money'],
    what_matters: 'Bills are piling up and I do not know what help there is.',
    daysAgo: 12,
  },
  {
    key: 'accepted-carer',
    given_name: 'Aisha',
    family_name: 'Fictional',
    source: 'self',
    practiceOf: lynn,
    needs: ['carers'],
    daysAgo: 2,
    what_matters: 'I care for my mum and need a break now and then.',
    steps: [
      { by: priya, do: { kind: 'move', to: 'triaged' } },
      { by: priya, do: { kind: 'assign', to: priya } },
    ],
  },
  {
    key: 'contacted-walking',
    given_name: 'Graham',
    family_name: 'Testington',
    source: 'self',
    practiceOf: lynn,
    needs: ['physical-activity'],
    daysAgo: 3,
    what_matters: 'I want to get fitter after my operation, gently.',
    steps: [
      { by: priya, do: { kind: 'assign', to: priya } },
      { by: priya, do: { kind: 'contact', method: 'phone', result: 'spoke' } },
      {
        by: priya,
        do: { kind: 'message', body: 'Thank you for talking with me today. I will send you details of the Tuesday walking group.' },
      },
      { by: priya, do: { kind: 'note', body: 'Keen but nervous about groups; suggest going with a volunteer the first time.' } },
    ],
  },
  {
    key: 'active-housing',
    given_name: 'Nadia',
    family_name: 'Placeholder',
    source: 'self',
    practiceOf: lynn,
    needs: ['housing'],
    daysAgo: 5,
    what_matters: 'My flat is damp and it is making my chest worse.',
    steps: [
      { by: priya, do: { kind: 'contact', method: 'phone', result: 'spoke' } },
      { by: priya, do: { kind: 'move', to: 'active' } },
    ],
  },
  {
    key: 'closed-done',
    given_name: 'Peter',
    family_name: 'Demo',
    source: 'self',
    practiceOf: lynn,
    needs: ['loneliness'],
    daysAgo: 9,
    what_matters: 'I would like something to do on weekday afternoons.',
    steps: [
      { by: priya, do: { kind: 'move', to: 'contacted' } },
      { by: priya, do: { kind: 'move', to: 'closed', outcome: 'connected_to_services' } },
    ],
  },
  {
    key: 'declined',
    given_name: 'Lucy',
    family_name: 'Specimen',
    source: 'self',
    practiceOf: lynn,
    needs: ['wellbeing'],
    daysAgo: 4,
    what_matters: 'I feel low most days.',
    steps: [
      {
        by: priya,
        do: {
          kind: 'move',
          to: 'declined',
          reason:
            'What you describe needs a doctor or the talking therapies service first. Please ring your GP practice, or NHS 111 if you need help today.',
        },
      },
    ],
  },
  {
    key: 'routed-dementia',
    given_name: 'Frank',
    family_name: 'Mockford',
    source: 'self',
    practiceOf: lynn,
    needs: ['dementia', 'loneliness'],
    daysAgo: 2,
    what_matters: 'My memory is going and my daughter worries about me being alone.',
    steps: [
      {
        by: sam,
        do: { kind: 'route', team: 'West Norfolk Community Connectors', reason: 'Early dementia: the Connectors have extra time for it.' },
      },
    ],
  },
  {
    key: 'gp-marshland',
    given_name: 'Irene',
    family_name: 'Sampleton',
    source: 'gp_practice',
    practiceOf: marshland,
    needs: ['loneliness'],
    daysAgo: 1,
    what_matters: 'Getting to the lunch club again.',
  },
  {
    key: 'gp-marshland-contacted',
    given_name: 'Harold',
    family_name: 'Exampleby',
    source: 'gp_practice',
    practiceOf: marshland,
    needs: ['money'],
    daysAgo: 6,
    what_matters: 'Help with a benefits form.',
    steps: [{ by: tom, do: { kind: 'contact', method: 'phone', result: 'spoke' } }],
  },
]);
