import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { searchServices, type SearchConnection, type ServiceHit } from '../lib/search/client.ts';

interface Props {
  connection: SearchConnection;
  needs: { code: string; label: string }[];
}

type State =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'done'; words: string; needLabel: string | undefined; hits: ServiceHit[]; total: number }
  | { kind: 'failed' };

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

function resultsSentence(state: Extract<State, { kind: 'done' }>): string {
  const what = [state.words ? `“${state.words}”` : '', state.needLabel ? `“${state.needLabel}”` : ''].filter(Boolean).join(' in ');
  if (state.total === 0) return `No services found for ${what}`;
  const found = `${state.total} ${state.total === 1 ? 'service' : 'services'} found for ${what}`;
  return state.hits.length < state.total
    ? `${found}. Showing the best ${state.hits.length}: add words or choose a need to narrow them down.`
    : found;
}

/** Search island: words and a need, sent to Meilisearch with the search-only key. */
export default function ServiceSearch({ connection, needs }: Props) {
  const [words, setWords] = useState('');
  const [need, setNeed] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const ids = { words: useId(), hint: useId(), need: useId() };

  async function run(query: { words: string; need: string }) {
    setState({ kind: 'searching' });
    try {
      const { hits, total } = await searchServices(connection, { words: query.words, need: query.need || undefined });
      setState({ kind: 'done', words: query.words, needLabel: needs.find((n) => n.code === query.need)?.label, hits, total });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read the fields themselves: what was typed before the island woke up never reached React state.
    const form = new FormData(event.currentTarget);
    const query = { words: field(form, 'q'), need: field(form, 'need') };
    setWords(query.words);
    setNeed(query.need);
    if (!query.words && !query.need) return;
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    // Keep the query in the address so Back and sharing the link return to these results.
    history.replaceState(null, '', `?${params.toString()}`);
    void run(query);
  }

  // On a slow phone the form may be sent before this island wakes up: the page then reloads
  // with ?q=…&need=…, and the search runs here from the address.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const query = { words: params.get('q')?.trim() ?? '', need: params.get('need') ?? '' };
    if (!needs.some((n) => n.code === query.need)) query.need = '';
    if (query.words || query.need) {
      setWords(query.words);
      setNeed(query.need);
      void run(query);
    }
  }, []);

  return (
    <search className="search">
      <form onSubmit={onSubmit} action="" method="get">
        <label className="label" htmlFor={ids.words}>
          What are you looking for?
        </label>
        <span className="hint" id={ids.hint}>
          For example: walking group, benefits, carers, lonely
        </span>
        <input
          className="input"
          id={ids.words}
          name="q"
          type="search"
          aria-describedby={ids.hint}
          value={words}
          onChange={(e) => setWords(e.target.value)}
          autoComplete="off"
        />
        <label className="label" htmlFor={ids.need}>
          What would you like help with?
        </label>
        <select className="select" id={ids.need} name="need" value={need} onChange={(e) => setNeed(e.target.value)}>
          <option value="">Anything</option>
          {needs.map((n) => (
            <option key={n.code} value={n.code}>
              {n.label}
            </option>
          ))}
        </select>
        <div>
          <button className="button" type="submit">
            Search
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.kind === 'searching' && <p className="status">Searching…</p>}
        {state.kind === 'failed' && (
          <p className="status error-message">Search is not working right now. Try again, or browse by what matters to you below.</p>
        )}
        {state.kind === 'done' && <p className="status">{resultsSentence(state)}</p>}
      </div>
      {state.kind === 'done' && state.hits.length > 0 && (
        <ul className="results">
          {state.hits.map((hit) => (
            <li key={hit.id}>
              <a className="result-title" href={`/services/${encodeURIComponent(hit.id)}/`}>
                {hit.name}
              </a>
              {hit.organisation && <span className="meta">{hit.organisation}</span>}
              <p>{hit.summary}</p>
              <span className="meta">{[hit.towns.join(', '), hit.free ? 'Free' : ''].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
