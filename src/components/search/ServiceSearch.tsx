import { useEffect, useId, useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import type { LatLng } from '../../lib/geocoding/district-table.ts';
import { searchServices, type SearchConnection, type ServiceHit, type ServiceResults } from '../../lib/search/client.ts';
import { dayCodes, dayNames, type DayCode } from '../../lib/search/opening.ts';
import ResultCard from './ResultCard.tsx';
import { emptyState, hasQuery, pageSize, queryFor, radiusChoices, readState, writeState, type SearchState } from './search-state.ts';

interface Props {
  connection: SearchConnection;
  needs: { code: string; label: string }[];
  /** postcodes.io (or a self-hosted copy); `offline` uses only the bundled district table. */
  postcodesUrl?: string;
}

type Results =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'failed' }
  | { kind: 'postcode'; message: string }
  | {
      kind: 'done';
      state: SearchState;
      hits: ServiceHit[];
      total: number;
      facets: ServiceResults['facets'];
      ignoredWords: string[];
      from: LatLng | null;
      /** When these results were found: "Open now" on the cards is as of then. */
      at: Date;
      more: 'idle' | 'loading' | 'failed';
    };

const attendLabels: Record<string, string> = { 'in person': 'In person', online: 'Online', phone: 'By phone' };
/**
 * What a resident chose before this island woke up (a slow phone shows the form long before its
 * script runs): read from the page itself while hydrating, so the first render agrees with it and
 * React keeps the choice instead of resetting it to the default.
 */
function chosenBeforeWaking(ids: {
  q: string;
  postcode: string;
  need: string;
  day: string;
  radius: string;
  free: string;
}): Partial<SearchState> {
  if (typeof document === 'undefined') return {};
  const field = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  const early: Partial<SearchState> = {};
  const q = field<HTMLInputElement>(ids.q)?.value.trim();
  const postcode = field<HTMLInputElement>(ids.postcode)?.value.trim();
  const need = field<HTMLSelectElement>(ids.need)?.value;
  const day = field<HTMLSelectElement>(ids.day)?.value;
  const radius = Number(field<HTMLSelectElement>(ids.radius)?.value);
  const attend = [...document.querySelectorAll<HTMLInputElement>(`input[name="attend"][id^="${CSS.escape(ids.q)}-attend-"]`)]
    .filter((box) => box.checked)
    .map((box) => box.value);
  if (q) early.q = q;
  if (postcode) early.postcode = postcode;
  if (need) early.need = need;
  if (day) early.day = day as SearchState['day'];
  if ((radiusChoices as readonly number[]).includes(radius) && radius !== emptyState.radius) early.radius = radius;
  if (field<HTMLInputElement>(ids.free)?.checked) early.free = true;
  if (attend.length) early.attend = attend;
  return early;
}

function sentence(results: Extract<Results, { kind: 'done' }>, needLabel: string | undefined): string {
  const { state, total } = results;
  const what = [state.q ? `“${state.q}”` : '', needLabel ? `“${needLabel}”` : ''].filter(Boolean).join(' in ');
  const near = state.postcode ? ` within ${state.radius} miles of ${state.postcode.toUpperCase()}` : '';
  const subject = what ? ` for ${what}` : '';
  if (total === 0) return `No services found${subject}${near}`;
  return `${total} ${total === 1 ? 'service' : 'services'} found${subject}${near}`;
}

function withCount(label: string, count: number | undefined): string {
  return count === undefined ? label : `${label} (${count})`;
}

/**
 * Search island: results as you type and on submit, filters with counts, near a postcode, open
 * now or on a day. The address carries the whole search, so a shared link, Reload and Back all
 * return to it. Talks to Meilisearch only with the search-only key.
 */
export default function ServiceSearch({ connection, needs, postcodesUrl = 'offline' }: Props) {
  const places = useRef(new Map<string, LatLng>());
  // The two text fields are left to the browser (uncontrolled), so words typed on a slow phone
  // before this island woke up are kept rather than wiped by hydration.
  const qField = useRef<HTMLInputElement>(null);
  const postcodeField = useRef<HTMLInputElement>(null);
  const ids = {
    q: useId(),
    qHint: useId(),
    need: useId(),
    postcode: useId(),
    postcodeError: useId(),
    radius: useId(),
    day: useId(),
  };
  const freeId = `${ids.q}-free`;
  // Read once, on the render that hydrates the server's form (the ids are the same on both sides).
  const [early] = useState(() => chosenBeforeWaking({ ...ids, free: freeId }));
  const [draft, setDraft] = useState<SearchState>(() => ({ ...emptyState, ...early }));
  const [results, setResults] = useState<Results>({ kind: 'idle' });
  const latest = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const needCodes = needs.map((n) => n.code);

  async function placeFor(postcode: string): Promise<LatLng> {
    const key = postcode.toUpperCase().replace(/\s+/g, '');
    const known = places.current.get(key);
    if (known) return known;
    // Loaded only when a postcode is searched: most searches never need it.
    const { geocode } = await import('../../lib/geocoding/geocode.ts');
    const found = await geocode(postcode, { baseUrl: postcodesUrl });
    places.current.set(key, found.point);
    return found.point;
  }

  async function run(state: SearchState, history: 'push' | 'replace' | 'none') {
    const request = ++latest.current;
    // A newer search makes the older one pointless: cancel it rather than let it compete.
    inFlight.current?.abort();
    const controller = (inFlight.current = new AbortController());
    const url = `${location.pathname}${writeState(state)}`;
    // A pushed entry is made at once (Back returns to the search before it). A replaced one is
    // written once the results are on screen: writing the address costs the browser a few
    // milliseconds, which should not stand between a keystroke and its results.
    if (history === 'push') window.history.pushState(null, '', url);
    const settle = () => {
      if (history !== 'replace') return;
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (request === latest.current) window.history.replaceState(null, '', url);
        }),
      );
    };
    if (!hasQuery(state)) {
      settle();
      return setResults({ kind: 'idle' });
    }
    setResults((r) => (r.kind === 'done' ? r : { kind: 'searching' }));
    let from: LatLng | null = null;
    if (state.postcode) {
      try {
        from = await placeFor(state.postcode);
      } catch (error) {
        if (request !== latest.current) return;
        const message =
          error instanceof Error && error.name === 'GeocodeError' ? error.message : 'We could not look up that postcode. Try again.';
        setResults({ kind: 'postcode', message });
        return settle();
      }
    }
    try {
      const found = await searchServices(
        connection,
        { ...queryFor(state, from, new Date()), limit: pageSize * state.page, facets: true },
        { signal: controller.signal },
      );
      if (request !== latest.current) return;
      // To the minute, as "Open now" is: cards that did not change are then not drawn again.
      setResults({ kind: 'done', state, ...found, from, at: new Date(Math.floor(Date.now() / 60_000) * 60_000), more: 'idle' });
      settle();
    } catch {
      if (request !== latest.current) return;
      setResults({ kind: 'failed' });
      settle();
    }
  }

  async function showMore() {
    if (results.kind !== 'done') return;
    const current = results;
    setResults({ ...current, more: 'loading' });
    try {
      const found = await searchServices(connection, {
        ...queryFor(current.state, current.from, new Date()),
        offset: current.hits.length,
        limit: pageSize,
      });
      const state = { ...current.state, page: current.state.page + 1 };
      window.history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
      setResults({ ...current, state, hits: [...current.hits, ...found.hits], more: 'idle' });
    } catch {
      setResults({ ...current, more: 'failed' });
    }
  }

  // The address is the search: run it on arrival (a shared link, Reload, or a form sent before
  // this island woke up) and whenever Back or Forward changes it.
  useEffect(() => {
    const fromAddress = () => {
      const state = readState(location.search, needCodes);
      if (qField.current) qField.current.value = state.q;
      if (postcodeField.current) postcodeField.current.value = state.postcode;
      setDraft(state);
      void run(state, 'none');
    };
    // Words typed and choices made before waking count as a search; otherwise the address decides.
    // The page is read again here, not taken from the first render: words typed between that render
    // and this effect (a slow phone, a quick typist) would otherwise be wiped by the empty address.
    const chosen = chosenBeforeWaking({ ...ids, free: freeId });
    if (!location.search && Object.keys(chosen).length) {
      const state = { ...emptyState, ...chosen };
      setDraft(state);
      void run(state, 'replace');
    } else fromAddress();
    window.addEventListener('popstate', fromAddress);
    return () => window.removeEventListener('popstate', fromAddress);
  }, []);

  function change(next: Partial<SearchState>) {
    const state = { ...draft, ...next, page: 1 };
    setDraft(state);
    // No wait after a keystroke: the search starts in the same task as the input event (the engine
    // answers in a few ms), and the previous keystroke's request is cancelled, so searching on
    // every keystroke costs the resident nothing and no timer adds a frame of delay.
    void run(state, 'replace');
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read the fields themselves: what was typed before the island woke up never reached React state.
    const form = new FormData(event.currentTarget);
    const state = readState(
      `?${new URLSearchParams([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')).toString()}`,
      needCodes,
    );
    setDraft(state);
    void run(state, 'push');
  }

  const toggleAttend = (value: string) => (event: ChangeEvent<HTMLInputElement>) =>
    change({ attend: event.target.checked ? [...draft.attend, value] : draft.attend.filter((a) => a !== value) });

  const facets = results.kind === 'done' ? results.facets : {};
  const needLabel = (code: string) => needs.find((n) => n.code === code)?.label;
  const postcodeError = results.kind === 'postcode' ? results.message : null;

  return (
    <search className="search">
      <form onSubmit={onSubmit} action="/search/" method="get" noValidate>
        <label className="label" htmlFor={ids.q}>
          What are you looking for?
        </label>
        <span className="hint" id={ids.qHint}>
          In your own words, for example: walking group, benefits, someone to talk to
        </span>
        <input
          className="input"
          id={ids.q}
          name="q"
          type="search"
          aria-describedby={ids.qHint}
          ref={qField}
          defaultValue=""
          onChange={(e) => change({ q: e.target.value })}
          autoComplete="off"
          maxLength={200}
        />
        <div className="search-near">
          <div className={postcodeError ? 'form-group form-group-error' : 'form-group'}>
            <label className="label" htmlFor={ids.postcode}>
              Near a postcode (optional)
            </label>
            {postcodeError && (
              <p className="error-message" id={ids.postcodeError}>
                <span className="visually-hidden">Error:</span> {postcodeError}
              </p>
            )}
            <input
              className="input input-postcode"
              id={ids.postcode}
              name="postcode"
              type="text"
              autoComplete="postal-code"
              spellCheck={false}
              ref={postcodeField}
              defaultValue=""
              aria-describedby={postcodeError ? ids.postcodeError : undefined}
              aria-invalid={postcodeError ? true : undefined}
              onChange={(e) => setDraft({ ...draft, postcode: e.target.value })}
              onBlur={() => draft.postcode !== (results.kind === 'done' ? results.state.postcode : '') && change({})}
              maxLength={10}
            />
          </div>
          <div className="form-group">
            <label className="label" htmlFor={ids.radius}>
              Within
            </label>
            <select
              className="select"
              id={ids.radius}
              name="radius"
              value={draft.radius}
              onChange={(e) => change({ radius: Number(e.target.value) })}
            >
              {radiusChoices.map((r) => (
                <option key={r} value={r}>
                  {r} {r === 1 ? 'mile' : 'miles'}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <button className="button" type="submit">
            Search
          </button>
        </div>
        <fieldset className="search-filters">
          <legend>Narrow your results</legend>
          <label className="label" htmlFor={ids.need}>
            What would you like help with?
          </label>
          <select className="select" id={ids.need} name="need" value={draft.need} onChange={(e) => change({ need: e.target.value })}>
            <option value="">Anything</option>
            {needs.map((n) => (
              <option key={n.code} value={n.code}>
                {withCount(n.label, facets.needs ? (facets.needs[n.code] ?? 0) : undefined)}
              </option>
            ))}
          </select>
          <label className="label" htmlFor={ids.day}>
            When
          </label>
          <select
            className="select"
            id={ids.day}
            name="day"
            value={draft.day}
            onChange={(e) => change({ day: e.target.value as SearchState['day'] })}
          >
            <option value="">Any time</option>
            <option value="now">Open now</option>
            {dayCodes.map((d: DayCode) => (
              <option key={d} value={d}>
                {withCount(`On ${dayNames[d]}s`, facets.days ? (facets.days[d] ?? 0) : undefined)}
              </option>
            ))}
          </select>
          <div className="checkboxes">
            <div className="checkbox">
              <input
                id={freeId}
                type="checkbox"
                name="free"
                value="1"
                checked={draft.free}
                onChange={(e) => change({ free: e.target.checked })}
              />
              <label htmlFor={freeId}>{withCount('Free', facets.free?.true)}</label>
            </div>
            {Object.entries(attendLabels).map(([value, label]) => (
              <div className="checkbox" key={value}>
                <input
                  id={`${ids.q}-attend-${value.replace(' ', '-')}`}
                  type="checkbox"
                  name="attend"
                  value={value}
                  checked={draft.attend.includes(value)}
                  onChange={toggleAttend(value)}
                />
                <label htmlFor={`${ids.q}-attend-${value.replace(' ', '-')}`}>
                  {withCount(label, facets.attending ? (facets.attending[value] ?? 0) : undefined)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </form>
      <div className="search-results">
        <div aria-live="polite" aria-atomic="true">
          {results.kind === 'searching' && <p className="status">Searching…</p>}
          {results.kind === 'failed' && (
            <p className="status error-message">Search is not working right now. Try again, or browse by what matters to you below.</p>
          )}
          {results.kind === 'done' && <p className="status">{sentence(results, needLabel(results.state.need))}</p>}
        </div>
        {results.kind === 'done' && results.ignoredWords.length > 0 && (
          <p className="meta">
            Nothing matched {results.ignoredWords.map((w) => `“${w}”`).join(', ')}, so we searched without{' '}
            {results.ignoredWords.length === 1 ? 'it' : 'them'}.
          </p>
        )}
        {results.kind === 'done' && results.total === 0 && (
          <div className="no-results">
            <p>You could:</p>
            <ul>
              <li>check the spelling</li>
              <li>use fewer or different words, such as “walking” or “money”</li>
              {results.state.postcode && <li>search a wider area</li>}
              <li>
                browse by what you need help with:{' '}
                {needs.map((n, i) => (
                  <span key={n.code}>
                    {i > 0 && ', '}
                    <a href={`/needs/${n.code}/`}>{n.label.toLowerCase()}</a>
                  </span>
                ))}
              </li>
              <li>
                see <a href="/services/">every service from A to Z</a>
              </li>
              <li>ask a social prescribing link worker at your GP practice: they know what is on near you</li>
            </ul>
          </div>
        )}
        {results.kind === 'done' && results.hits.length > 0 && (
          <>
            <ul className="result-list">
              {results.hits.map((hit) => (
                <ResultCard key={hit.id} hit={hit} from={results.from} now={results.at} />
              ))}
            </ul>
            {results.hits.length < results.total && (
              <p>
                <button
                  className="button button-secondary"
                  type="button"
                  onClick={() => void showMore()}
                  disabled={results.more === 'loading'}
                >
                  Show more results
                </button>
                <span className="meta">
                  {' '}
                  Showing {results.hits.length} of {results.total}
                </span>
              </p>
            )}
            {results.more === 'failed' && <p className="error-message">More results could not be loaded. Try again.</p>}
          </>
        )}
      </div>
    </search>
  );
}
