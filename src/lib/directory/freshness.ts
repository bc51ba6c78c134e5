import { lazyDateFormat } from '../date-format.ts';

/** How recently a person checked a listing, in the words shown beside it. */
export interface Freshness {
  label: string;
  stale: boolean;
}

const dateFormat = lazyDateFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(isoDate: string): string {
  return dateFormat().format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function freshness(assuredDate: string | null, today: Date = new Date()): Freshness {
  if (!assuredDate) return { label: 'Not yet checked by a person on our team. Contact the service before you go.', stale: true };
  const ageDays = (today.getTime() - new Date(`${assuredDate.slice(0, 10)}T00:00:00Z`).getTime()) / 86_400_000;
  const when = formatDate(assuredDate);
  if (ageDays > 365)
    return { label: `Last checked by a person on ${when}, over a year ago. Contact the service before you go.`, stale: true };
  return { label: `Last checked by a person on ${when}`, stale: false };
}
