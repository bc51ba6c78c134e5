import { useState, type FormEvent } from 'react';
import { linkPlace, searchPlaces } from '../../../lib/curation/listings.ts';
import type { Location } from '../../../lib/schemas/location.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { TextField } from '../TextField.tsx';
import { Problem } from './fields.tsx';

const placeWords = (l: Location) => [l.name, l.address_1, l.city, l.postal_code].filter(Boolean).join(', ') || 'A place with no address';

/**
 * Adds a place already in the directory to a listing (a hall several groups meet in): one place, so
 * a correction to it reaches every listing held there. Back to the listing once added.
 */
export default function ExistingPlace({
  client,
  serviceId,
  ensureSession,
}: {
  client: SessionClient;
  serviceId: string;
  ensureSession: () => Promise<boolean>;
}) {
  const [words, setWords] = useState('');
  const [found, setFound] = useState<Location[]>();
  const [searched, setSearched] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function find(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    if (!words.trim()) return setProblem('Enter part of the place’s name, street, town or postcode');
    try {
      setFound(await searchPlaces(client, words));
      setSearched(words.trim());
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  async function add(place: Location) {
    if (!(await ensureSession())) return;
    setBusy(true);
    try {
      await linkPlace(client, serviceId, place.id);
      window.location.hash = `#curation/service/${serviceId}`;
    } catch (error) {
      setProblem((error as Error).message);
      setBusy(false);
    }
  }

  return (
    <section className="staff-section" aria-labelledby="existing-place">
      <h2 id="existing-place">A place already in the directory</h2>
      <form role="search" noValidate onSubmit={(e) => void find(e)}>
        <TextField id="existing-place-words" label="Name, street, town or postcode of the place" value={words} onChange={setWords} />
        <button type="submit" className="button secondary">
          Find places
        </button>
      </form>
      <Problem message={problem} />
      <p role="status" className={found ? undefined : 'visually-hidden'}>
        {found &&
          (found.length === 0
            ? `No place matches “${searched}”. Check the spelling, or add it as a new place below.`
            : `${found.length === 20 ? 'The first 20' : found.length} place${found.length === 1 ? '' : 's'} found.`)}
      </p>
      {found && found.length > 0 && (
        <ul className="place-results">
          {found.map((place) => (
            <li key={place.id}>
              {placeWords(place)}{' '}
              <button type="button" className="link-button" disabled={busy} onClick={() => void add(place)}>
                Add to this listing<span className="visually-hidden">: {placeWords(place)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
