import type { ReferralStatus } from '../../lib/referrals/schema.ts';
import { lazyDateFormat } from '../../lib/date-format.ts';

/** The colour of each status's tag; the words are refer-db's (src/lib/referrals/status.ts). */
export const statusTagClass: Record<ReferralStatus, string> = {
  new: 'govuk-tag--purple',
  triaged: 'govuk-tag--teal',
  contacted: 'govuk-tag--turquoise',
  active: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  declined: 'govuk-tag--orange',
  withdrawn: 'govuk-tag--grey',
};

const dateTime = lazyDateFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "3 December 2026 at 14:05" in the person's own time zone. */
export const when = (iso: string) => dateTime().format(new Date(iso));
