import type { Listing } from './listing.ts';

/** How a resident can get in, in their words. */
export const accessWords: Record<string, string> = {
  'drop in': 'Drop in: no need to book',
  'self-referral': 'Refer yourself: contact them and ask to join',
  'via a link worker': 'Ask a social prescribing link worker to refer you',
  'professional referral': 'A GP, nurse or other professional can refer you',
};

export const attendingWords: Record<string, string> = { 'in person': 'In person', online: 'Online', phone: 'By phone' };

/** A short label for a service that is not running normally, or null when it is. */
export function statusWords(status: Listing['status']): string | null {
  if (status === 'temporarily closed') return 'Closed for now';
  if (status === 'active') return null;
  return 'Not running at the moment';
}
