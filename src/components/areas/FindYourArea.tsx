import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { areasContaining } from '../../lib/areas/find-area.ts';
import { geocode, GeocodeError, normalisePostcode } from '../../lib/geocoding/index.ts';
import { loadBoundaries } from '../../lib/areas/boundaries.ts';

export interface FinderArea {
  code: string;
  name: string;
  path: string;
}

export interface FinderPractice {
  code: string;
  name: string;
  town: string | null;
  areaName: string;
  areaPath: string;
}

interface Props {
  areas: FinderArea[];
  practices: FinderPractice[];
  postcodesUrl: string;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'looking' }
  | { kind: 'found'; postcode: string; areas: FinderArea[]; approximate: boolean }
  | { kind: 'outside'; postcode: string; approximate: boolean }
  | { kind: 'not_found'; message: string };

const nhsServiceSearch = 'https://www.nhs.uk/service-search';

function field(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value.trim() : '';
}

const practiceLabel = (p: FinderPractice) => (p.town ? `${p.name}, ${p.town}` : p.name);

function Approximate({ postcode }: { postcode: string }) {
  const district = postcode.split(' ')[0];
  return (
    <p className="hint">
      We could not look up {postcode} exactly, so we used the middle of the {district} postcode district.
    </p>
  );
}

function Result({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'looking':
      return <p>Looking up your postcode…</p>;
    case 'not_found':
      return <p className="error-message">{outcome.message}</p>;
    case 'outside':
      return (
        <div className="notice warning">
          <p>
            <strong>{outcome.postcode} is outside the areas Signpost covers.</strong>
          </p>
          <p>
            Ask your GP practice about social prescribing: they can refer you to a link worker near you. You can also{' '}
            <a href={nhsServiceSearch}>find services near you on the NHS website</a>.
          </p>
          {outcome.approximate && <Approximate postcode={outcome.postcode} />}
        </div>
      );
    case 'found':
      return (
        <div className="notice">
          {outcome.areas.length === 1 ? (
            <p>
              {outcome.postcode} is in <a href={outcome.areas[0]!.path}>{outcome.areas[0]!.name}</a>.
            </p>
          ) : (
            <>
              <p>{outcome.postcode} is on the edge of more than one area. Your GP practice decides which one is yours:</p>
              <ul>
                {outcome.areas.map((a) => (
                  <li key={a.code}>
                    <a href={a.path}>{a.name}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {outcome.approximate && <Approximate postcode={outcome.postcode} />}
        </div>
      );
  }
}

/**
 * Find your area: by postcode (geocoded, then tested against the boundaries) or by GP practice.
 * Without JavaScript only the practice list shows, as a plain select grouped by area.
 */
export default function FindYourArea({ areas, practices, postcodesUrl }: Props) {
  const id = useId();
  const [hydrated, setHydrated] = useState(false);
  const [postcodeError, setPostcodeError] = useState<string | null>(null);
  const [practiceError, setPracticeError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const postcodeInput = useRef<HTMLInputElement>(null);
  const practiceInput = useRef<HTMLInputElement>(null);
  useEffect(() => setHydrated(true), []);

  async function findByPostcode(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = field(event.currentTarget, 'postcode');
    const checked = normalisePostcode(typed);
    if (!checked.ok) {
      setPostcodeError(checked.error.message);
      setOutcome({ kind: 'idle' });
      postcodeInput.current?.focus();
      return;
    }
    setPostcodeError(null);
    setOutcome({ kind: 'looking' });
    try {
      const [place, shapes] = await Promise.all([geocode(checked.value.postcode, { baseUrl: postcodesUrl }), loadBoundaries()]);
      const found = areasContaining(place.point, shapes).map(({ code, name, path }) => ({ code, name, path }));
      const approximate = place.precision === 'district';
      setOutcome(
        found.length
          ? { kind: 'found', postcode: place.postcode, areas: found, approximate }
          : { kind: 'outside', postcode: place.postcode, approximate },
      );
    } catch (error) {
      setOutcome({ kind: 'not_found', message: error instanceof GeocodeError ? error.message : 'Something went wrong. Try again.' });
    }
  }

  function findByPractice(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = field(event.currentTarget, 'practice').toLowerCase();
    if (!typed) {
      setPracticeError('Enter the name of your GP practice');
      practiceInput.current?.focus();
      return;
    }
    const matches = practices.filter((p) => practiceLabel(p).toLowerCase() === typed || p.name.toLowerCase() === typed);
    if (matches.length === 1) {
      window.location.assign(matches[0]!.areaPath);
      return;
    }
    setPracticeError(
      matches.length > 1
        ? 'More than one practice has that name: choose the one in your town from the list'
        : 'Choose your practice from the list as you type. If it is not there, it is outside the areas Signpost covers: ask it about social prescribing',
    );
    practiceInput.current?.focus();
  }

  const byArea = areas
    .map((area) => ({ area, practices: practices.filter((p) => p.areaPath === area.path) }))
    .filter((g) => g.practices.length > 0);

  return (
    <div className="finder">
      {hydrated && (
        <form className="finder-form" onSubmit={(e) => void findByPostcode(e)} noValidate>
          <label className="label" htmlFor={`${id}-postcode`}>
            Your postcode
          </label>
          <span className="hint" id={`${id}-postcode-hint`}>
            For example PE30 1AB
          </span>
          {postcodeError && (
            <p className="error-message" id={`${id}-postcode-error`}>
              <span className="visually-hidden">Error:</span> {postcodeError}
            </p>
          )}
          <input
            ref={postcodeInput}
            className={`input input-short${postcodeError ? ' input-error' : ''}`}
            id={`${id}-postcode`}
            name="postcode"
            autoComplete="postal-code"
            spellCheck={false}
            aria-invalid={postcodeError ? true : undefined}
            aria-describedby={`${id}-postcode-hint${postcodeError ? ` ${id}-postcode-error` : ''}`}
          />
          <button className="button" type="submit">
            Find area by postcode
          </button>
          <div aria-live="polite" className="finder-result">
            <Result outcome={outcome} />
          </div>
        </form>
      )}
      {hydrated ? (
        <form className="finder-form" onSubmit={findByPractice} noValidate>
          <label className="label" htmlFor={`${id}-practice`}>
            Or your GP practice
          </label>
          <span className="hint" id={`${id}-practice-hint`}>
            Start typing its name, then choose it from the list
          </span>
          {practiceError && (
            <p className="error-message" id={`${id}-practice-error`}>
              <span className="visually-hidden">Error:</span> {practiceError}
            </p>
          )}
          <input
            ref={practiceInput}
            className={`input${practiceError ? ' input-error' : ''}`}
            id={`${id}-practice`}
            name="practice"
            list={`${id}-practices`}
            autoComplete="off"
            aria-invalid={practiceError ? true : undefined}
            aria-describedby={`${id}-practice-hint${practiceError ? ` ${id}-practice-error` : ''}`}
          />
          <datalist id={`${id}-practices`}>
            {practices.map((p) => (
              <option key={p.code} value={practiceLabel(p)} />
            ))}
          </datalist>
          <button className="button" type="submit">
            Find area by practice
          </button>
        </form>
      ) : (
        <form className="finder-form" method="get" action="/areas/practices/">
          <label className="label" htmlFor={`${id}-practice-select`}>
            Your GP practice
          </label>
          <span className="hint">Practices are grouped by the area they belong to</span>
          <select className="select" id={`${id}-practice-select`} name="practice">
            {byArea.map(({ area, practices: list }) => (
              <optgroup key={area.code} label={area.name}>
                {list.map((p) => (
                  <option key={p.code} value={p.code}>
                    {practiceLabel(p)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <button className="button" type="submit">
            Show practices and their areas
          </button>
        </form>
      )}
    </div>
  );
}
