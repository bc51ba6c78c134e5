/** Where the browser counts interest: the project's API with its publishable key. */
export interface InterestConnection {
  url: string;
  publishableKey: string;
}

/**
 * Counts that a resident opened a listing from search, or shortlisted it, through
 * public.count_listing_interest: only the listing and the kind are sent, nothing about the person.
 * Fire and forget (kept alive while the page changes); a lost count matters to nobody.
 */
export function countInterest(connection: InterestConnection, serviceId: string, kind: 'view' | 'shortlist'): void {
  try {
    void fetch(`${connection.url}/rest/v1/rpc/count_listing_interest`, {
      method: 'POST',
      keepalive: true,
      headers: { apikey: connection.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify({ service_id: serviceId, kind }),
    }).catch(() => {});
  } catch {
    // No fetch, or the request was refused outright: nothing to do.
  }
}

/** The listing a link to its page points at, or null. */
export function listingOfLink(href: string): string | null {
  const match = /^\/services\/([^/?#]+)\/$/.exec(href);
  return match ? decodeURIComponent(match[1]!) : null;
}
