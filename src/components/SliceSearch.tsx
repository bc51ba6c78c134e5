import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { searchSliceServices, type SearchConnection, type SliceServiceHit } from '../lib/search/client.ts';

type State = { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; query: string; hits: SliceServiceHit[] } | { kind: 'failed' };

/** Search island: asks Meilisearch with the search-only key and lists what it finds. */
export default function SliceSearch({ connection }: { connection: SearchConnection }) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputId = useId();
  const hintId = useId();

  async function run(words: string) {
    setState({ kind: 'searching' });
    try {
      const { hits } = await searchSliceServices(connection, words);
      setState({ kind: 'done', query: words, hits });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read the field itself: text typed before the island woke up never reached React state.
    const field = new FormData(event.currentTarget).get('q');
    const words = typeof field === 'string' ? field.trim() : '';
    setQuery(words);
    if (!words) return;
    // Keep the query in the address so Back and sharing the link return to these results.
    history.replaceState(null, '', `?q=${encodeURIComponent(words)}`);
    void run(words);
  }

  // On a slow phone the form may be sent before this island wakes up: the page then reloads
  // with ?q=…, and the search runs here from the address.
  useEffect(() => {
    const fromAddress = new URLSearchParams(location.search).get('q')?.trim();
    if (fromAddress) {
      setQuery(fromAddress);
      void run(fromAddress);
    }
  }, []);

  return (
    <search>
      <form onSubmit={onSubmit} action="" method="get">
        <label className="label" htmlFor={inputId}>
          Search for a service
        </label>
        <span className="hint" id={hintId}>
          For example: walking, benefits, carers
        </span>
        <input className="input" id={inputId} name="q" type="search" aria-describedby={hintId} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        <div>
          <button className="button" type="submit">
            Search
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.kind === 'searching' && <p className="status">Searching…</p>}
        {state.kind === 'failed' && <p className="status error-message">Search is not working right now. Try again, or browse the list of services below.</p>}
        {state.kind === 'done' && (
          <p className="status">
            {state.hits.length === 0 ? `No services found for “${state.query}”` : `${state.hits.length} ${state.hits.length === 1 ? 'service' : 'services'} found for “${state.query}”`}
          </p>
        )}
      </div>
      {state.kind === 'done' && state.hits.length > 0 && (
        <ul className="results">
          {state.hits.map((hit) => (
            <li key={hit.id}>
              <a href={`/slice/${hit.id}/`}>{hit.name}</a>
              <span className="meta">{hit.town}</span>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
