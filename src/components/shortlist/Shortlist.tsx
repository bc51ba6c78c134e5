import { useEffect, useState } from 'react';
import type { HsdsService } from '../../lib/oruk/hsds3.ts';
import { describeForShortlist, type ShortlistItem } from '../../lib/shortlist/describe.ts';
import { idsFromUrl, readStored, shareUrl, store } from '../../lib/shortlist/ids.ts';
import { countInterest, type InterestConnection } from '../../lib/curation/interest.ts';

type Entry = { id: string; item: ShortlistItem | null; missing: boolean };

async function fetchItem(id: string): Promise<Entry> {
  try {
    const response = await fetch(`/oruk/services/${encodeURIComponent(id)}.json`);
    if (!response.ok) return { id, item: null, missing: response.status === 404 };
    return { id, item: describeForShortlist((await response.json()) as HsdsService), missing: false };
  } catch {
    return { id, item: null, missing: false };
  }
}

/**
 * The shortlist island: service ids in the browser's storage, details from the open-data file the
 * build publishes for each service, printable on one page and shareable as a link of ids.
 */
export default function Shortlist({ interest }: { interest?: InterestConnection }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [message, setMessage] = useState('');
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const { add, shared } = idsFromUrl(window.location.search);
    const stored = readStored(localStorage);
    const ids = [...new Set([...stored, ...shared, ...add])];
    store(localStorage, ids);
    const added = ids.length - stored.length;
    // Counted for the curators' review queue: which listings residents shortlist, nothing about them.
    if (interest) for (const id of add.filter((a) => !stored.includes(a))) countInterest(interest, id, 'shortlist');
    if (add.length || shared.length) {
      // The list is in storage now: a reload or Back must not add it again.
      history.replaceState(null, '', '/shortlist/');
      setMessage(
        added > 0
          ? `${added} ${added === 1 ? 'service' : 'services'} added to your shortlist.`
          : 'That service is already on your shortlist.',
      );
    }
    void Promise.all(ids.map(fetchItem)).then(setEntries);
  }, []);

  function remove(entry: Entry) {
    const next = (entries ?? []).filter((e) => e.id !== entry.id);
    store(
      localStorage,
      next.map((e) => e.id),
    );
    setEntries(next);
    setCopied(false);
    setMessage(`${entry.item?.name ?? 'The service'} removed. ${next.length} ${next.length === 1 ? 'service' : 'services'} left.`);
  }

  function clear() {
    store(localStorage, []);
    setEntries([]);
    setMessage('Your shortlist is empty now.');
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setMessage('Link copied. Paste it into a message or an email.');
    } catch {
      setMessage('Your browser would not copy the link. Select it above and copy it yourself.');
    }
  }

  const link =
    entries && entries.length > 0 && typeof window !== 'undefined'
      ? shareUrl(
          window.location.origin,
          entries.map((e) => e.id),
        )
      : '';

  return (
    <div className="shortlist">
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {message && (
        <p className="notice no-print" aria-hidden="true">
          {message}
        </p>
      )}
      {entries === null ? (
        <p>Loading your shortlist…</p>
      ) : entries.length === 0 ? (
        <>
          <p>Your shortlist is empty.</p>
          <p>
            Use “Add to shortlist” on a service’s page or in search results. You can then print the list or send it to someone as a link.
          </p>
          <p>
            <a href="/search/">Search for services</a> or <a href="/services/">browse them A to Z</a>.
          </p>
        </>
      ) : (
        <>
          <p className="no-print">
            {entries.length} {entries.length === 1 ? 'service' : 'services'}. This list is kept only on this device.
          </p>
          <ol className="shortlist-items">
            {entries.map((entry) => (
              <li key={entry.id}>
                {entry.item ? (
                  <>
                    <h2>
                      <a href={`/services/${encodeURIComponent(entry.id)}/`}>{entry.item.name}</a>
                    </h2>
                    {entry.item.status && <p className="tag warning">{entry.item.status}</p>}
                    <dl className="shortlist-details">
                      <dt>When</dt>
                      <dd>{entry.item.status ?? (entry.item.when.length ? entry.item.when.join('; ') : 'Contact them to ask')}</dd>
                      <dt>Where</dt>
                      <dd>{entry.item.where ?? 'No address listed'}</dd>
                      <dt>Contact</dt>
                      <dd>{[entry.item.phone, entry.item.email].filter(Boolean).join(', ') || 'No contact details listed'}</dd>
                    </dl>
                  </>
                ) : (
                  <h2>
                    {entry.missing
                      ? 'A service on this list is no longer in the directory'
                      : 'This service could not be loaded. Check your connection and reload the page.'}
                  </h2>
                )}
                <button type="button" className="button secondary no-print" onClick={() => remove(entry)}>
                  Remove<span className="visually-hidden"> {entry.item?.name ?? 'this service'} from your shortlist</span>
                </button>
              </li>
            ))}
          </ol>
          <div className="no-print">
            <h2>Print or share</h2>
            <p>
              <button type="button" className="button" onClick={() => window.print()}>
                Print this list
              </button>
            </p>
            <label className="label" htmlFor="shortlist-link">
              Link to this shortlist
            </label>
            <span className="hint" id="shortlist-link-hint">
              It holds only which services are on the list, nothing about you. Opening it on another phone or computer rebuilds the list
              there.
            </span>
            <input
              className="input"
              id="shortlist-link"
              aria-describedby="shortlist-link-hint"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
            />
            <p>
              <button type="button" className="button secondary" onClick={() => void copy(link)}>
                {copied ? 'Link copied' : 'Copy link'}
              </button>{' '}
              <button type="button" className="button secondary" onClick={clear}>
                Clear the shortlist
              </button>
            </p>
          </div>
        </>
      )}
    </div>
  );
}
