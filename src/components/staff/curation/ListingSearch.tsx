import { useEffect, useState, type FormEvent } from 'react';
import { searchServices } from '../../../lib/curation/listings.ts';
import { formatDate } from '../../../lib/directory/freshness.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';
import { Problem } from './fields.tsx';

type Found = Awaited<ReturnType<typeof searchServices>>;

/** Every listing, drafts included, found by name; the way into editing one or adding a new one. */
export default function ListingSearch({ client }: { client: SessionClient }) {
  const [words, setWords] = useState('');
  const [found, setFound] = useState<Found>();
  const [problem, setProblem] = useState<string>();
  const search = (text: string) => searchServices(client, text).then(setFound, (e: Error) => setProblem(e.message));
  useEffect(() => {
    void searchServices(client, '').then(setFound, (e: Error) => setProblem(e.message));
  }, [client]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(words);
  };
  return (
    <>
      <Heading title="Listings">Listings</Heading>
      <p>
        <a href="#curation">Back to directory curation</a> · <a href="#curation/service/new">Add a listing</a> ·{' '}
        <a href="#curation/organisation/new">Add an organisation</a>
      </p>
      <form role="search" onSubmit={submit}>
        <TextField id="listing-words" label="Name of the listing" value={words} onChange={setWords} />
        <button type="submit" className="button secondary">
          Find listings
        </button>
      </form>
      <Problem message={problem} />
      {found && (
        <table className="curation-table">
          <caption className="visually-hidden">Listings found (up to 50)</caption>
          <thead>
            <tr>
              <th scope="col">Listing</th>
              <th scope="col">Status</th>
              <th scope="col">Published</th>
              <th scope="col">Last checked</th>
            </tr>
          </thead>
          <tbody>
            {found.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`#curation/service/${s.id}`}>{s.name}</a>
                </td>
                <td>{s.status}</td>
                <td>{s.published ? 'Yes' : 'No'}</td>
                <td>{s.assured_date ? formatDate(s.assured_date) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
