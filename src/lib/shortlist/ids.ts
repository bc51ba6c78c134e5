/**
 * The shortlist is service ids and nothing else: no names, no notes, nothing about the person.
 * Ids live in the browser's storage and in shared links (`/shortlist/?ids=a,b`).
 */
export const storageKey = 'signpost.shortlist';
const maxItems = 50;

/** Keeps ids that look like ids, once each, in the order given, and no more than a page can print. */
export function cleanIds(values: unknown[]): string[] {
  const ids = values.filter((v): v is string => typeof v === 'string' && /^[\w.:~-]{1,100}$/.test(v));
  return [...new Set(ids)].slice(0, maxItems);
}

export function readStored(storage: Pick<Storage, 'getItem'>): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(storageKey) ?? '[]');
    return Array.isArray(value) ? cleanIds(value) : [];
  } catch {
    return [];
  }
}

export function store(storage: Pick<Storage, 'setItem'>, ids: string[]): void {
  storage.setItem(storageKey, JSON.stringify(cleanIds(ids)));
}

/** Ids a link brings: `add=<id>` from an "Add to shortlist" link, `ids=a,b` from a shared shortlist. */
export function idsFromUrl(search: string): { add: string[]; shared: string[] } {
  const params = new URLSearchParams(search);
  return {
    add: cleanIds(params.getAll('add')),
    shared: cleanIds(params.getAll('ids').flatMap((v) => v.split(','))),
  };
}

export function shareUrl(origin: string, ids: string[]): string {
  const url = new URL('/shortlist/', origin);
  url.searchParams.set('ids', ids.join(','));
  return url.href;
}
