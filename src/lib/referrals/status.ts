import type { ReferralEvent, ReferralSource, ReferralStatus } from './schema.ts';

/** A referral's status in plain words, for the person's page: a heading and what it means for them. */
export const statusWords: Record<ReferralStatus, { title: string; meaning: string }> = {
  new: { title: 'Received', meaning: 'Your referral has reached the link worker team. They will look at it soon.' },
  triaged: { title: 'Being arranged', meaning: 'The team has read your referral and is choosing the right link worker for you.' },
  contacted: { title: 'In touch', meaning: 'A link worker has been in touch with you.' },
  active: { title: 'Working together', meaning: 'You and your link worker are working on what matters to you.' },
  closed: { title: 'Finished', meaning: 'Your link worker has finished working with you. You can refer yourself again at any time.' },
  declined: {
    title: 'Not taken on',
    meaning: 'The team could not take this referral on. They will have told you why and where else to go for help.',
  },
  withdrawn: { title: 'Withdrawn', meaning: 'You withdrew this referral. You can refer yourself again at any time.' },
};

/** What the person reads above the team's own words when it declined their referral. */
export const declinedWithReason = 'The team could not take this referral on. This is what they said:';

/** One line of the history, in plain words: "You sent your referral", "A link worker was in touch". */
export function describeEvent(event: Pick<ReferralEvent, 'kind' | 'to_status' | 'actor'>, source: ReferralSource = 'self'): string {
  if (event.kind === 'submitted') return source === 'self' ? 'You sent your referral' : 'The referral was sent';
  if (event.kind === 'plan_changed') return source === 'self' ? 'Your link worker updated your plan' : 'The link worker updated the plan';
  if (event.to_status === 'withdrawn' && event.actor === 'owner') return 'You withdrew the referral';
  return `Status changed to “${statusWords[event.to_status].title}”`;
}
