import type { ReferralEvent, ReferralStatus } from '../../lib/referrals/schema.ts';

/** Each status in plain words, as the person reads it on their page. */
export const statusWords: Record<ReferralStatus, { tag: string; tagClass: string; says: string }> = {
  new: { tag: 'Sent', tagClass: 'govuk-tag--purple', says: 'Your referral has reached the team. A link worker will read it soon.' },
  triaged: { tag: 'Read', tagClass: 'govuk-tag--teal', says: 'The team has read your referral. A link worker will be in touch.' },
  contacted: { tag: 'In touch', tagClass: 'govuk-tag--turquoise', says: 'A link worker has been in touch with you.' },
  active: { tag: 'Working with you', tagClass: 'govuk-tag--green', says: 'You are working with a link worker.' },
  closed: {
    tag: 'Finished',
    tagClass: 'govuk-tag--grey',
    says: 'Your time with the link worker has finished. You can refer yourself again at any time.',
  },
  declined: {
    tag: 'Not taken on',
    tagClass: 'govuk-tag--orange',
    says: 'The team could not take on this referral. They will have told you why and who else can help.',
  },
  withdrawn: {
    tag: 'Withdrawn',
    tagClass: 'govuk-tag--grey',
    says: 'You withdrew this referral. You can refer yourself again at any time.',
  },
};

/** One line of the referral's history, in plain words. */
export function historyLine(event: ReferralEvent, source: string): string {
  if (event.kind === 'submitted') return source === 'self' ? 'You sent your referral' : 'You were referred to the team';
  if (event.to_status === 'withdrawn' && event.actor === 'owner') return 'You withdrew your referral';
  return statusWords[event.to_status].says;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "3 December 2026, 14:05" in the person's own time zone. */
export const when = (iso: string) => dateTime.format(new Date(iso));
