import type { ReferralSource, ReferralStatus } from '../referrals/schema.ts';
import { lazyDateFormat } from '../date-format.ts';

/**
 * The workspace's words for a referral's status, source, outcome and contacts. The status words
 * are the ones the database's messages use (public.workspace_status_words), so a refusal and the
 * screen say the same thing.
 */
export const staffStatusWords: Record<ReferralStatus, string> = {
  new: 'New',
  triaged: 'Accepted',
  contacted: 'In contact',
  active: 'Active',
  closed: 'Closed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const staffStatusTag: Record<ReferralStatus, string> = {
  new: 'govuk-tag--blue',
  triaged: 'govuk-tag--light-blue',
  contacted: 'govuk-tag--turquoise',
  active: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  declined: 'govuk-tag--orange',
  withdrawn: 'govuk-tag--grey',
};

/** Where a referral may go next (public.workspace_next_statuses); the database has the last word. */
export const nextStatuses: Record<ReferralStatus, ReferralStatus[]> = {
  new: ['triaged', 'contacted', 'declined'],
  triaged: ['contacted', 'declined'],
  contacted: ['active', 'closed', 'declined'],
  active: ['closed'],
  closed: [],
  declined: [],
  withdrawn: [],
};

export const sourceWords: Record<ReferralSource, string> = {
  self: 'Self-referral',
  gp_practice: 'GP practice',
  hospital_ward: 'Hospital ward',
  emergency_department: 'Emergency department',
  paramedic: 'Paramedic',
  social_worker: 'Social worker',
  other: 'Other professional',
};

export const outcomes = [
  'connected_to_services',
  'needs_met',
  'person_chose_to_stop',
  'could_not_contact',
  'moved_away_or_not_eligible',
  'other',
] as const;
export type Outcome = (typeof outcomes)[number];

export const outcomeWords: Record<Outcome, string> = {
  connected_to_services: 'Connected to services',
  needs_met: 'Needs met',
  person_chose_to_stop: 'The person chose to stop',
  could_not_contact: 'Could not contact the person',
  moved_away_or_not_eligible: 'Moved away or not eligible',
  other: 'Other',
};

export const contactMethods = ['phone', 'text', 'email', 'letter', 'in_person', 'video'] as const;
export type ContactMethod = (typeof contactMethods)[number];
export const contactMethodWords: Record<ContactMethod, string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  letter: 'Letter',
  in_person: 'In person',
  video: 'Video call',
};

export const contactResults = ['spoke', 'no_answer', 'left_message', 'message_sent'] as const;
export type ContactResult = (typeof contactResults)[number];
export const contactResultWords: Record<ContactResult, string> = {
  spoke: 'Spoke with the person',
  no_answer: 'No answer',
  left_message: 'Left a message',
  message_sent: 'Sent a message (text, email or letter)',
};

const dateFormat = lazyDateFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const dateTimeFormat = lazyDateFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "3 Dec 2026" for a date or an instant, on the London calendar. */
export const shortDate = (value: string) => dateFormat().format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));
/** "3 Dec 2026, 14:05" in London. */
export const shortDateTime = (value: string) => dateTimeFormat().format(new Date(value));
