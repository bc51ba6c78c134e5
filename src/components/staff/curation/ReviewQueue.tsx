import './curation.css';
import { useEffect, useState } from 'react';
import { formatDate } from '../../../lib/directory/freshness.ts';
import { hideUnverifiable, loadReviewQueue, type ReviewRow } from '../../../lib/curation/moderation.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { Heading } from '../Heading.tsx';
import { Problem } from './fields.tsx';

/**
 * Listings due a check (none in twelve months, or never), those more than 90 days past due
 * highlighted, the ones residents look at and shortlist most first.
 */
export default function ReviewQueue({ client, ensureSession }: { client: SessionClient; ensureSession: () => Promise<boolean> }) {
  const [rows, setRows] = useState<ReviewRow[]>();
  const [problem, setProblem] = useState<string>();
  const [hidden, setHidden] = useState<number>();
  const load = () => loadReviewQueue(client).then(setRows, (e: Error) => setProblem(e.message));
  useEffect(() => {
    void load();
  }, [client]);

  async function hide() {
    if (!(await ensureSession())) return;
    setProblem(undefined);
    try {
      setHidden(await hideUnverifiable(client));
      await load();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  const late = rows?.filter((r) => r.highlighted).length ?? 0;
  return (
    <>
      <Heading title="Listings due a check">Listings due a check</Heading>
      <p>
        <a href="#curation">Back to directory curation</a>
      </p>
      <p>
        Listings nobody has checked in the last 12 months, the ones residents open and shortlist most first (counted over the last 90 days,
        without knowing who). Check each with the group, then open it and choose “Mark as checked”.
      </p>
      <Problem message={problem} />
      {hidden !== undefined && (
        <p className="notice" role="status">
          {hidden === 0
            ? 'No listing needed hiding.'
            : `${hidden} ${hidden === 1 ? 'listing was' : 'listings were'} hidden from the public site.`}
        </p>
      )}
      {!rows && !problem && <p role="status">Loading the queue…</p>}
      {rows && (
        <>
          <p>
            {rows.length} {rows.length === 1 ? 'listing is' : 'listings are'} due a check; {late} {late === 1 ? 'is' : 'are'} more than 90
            days late or never checked.
          </p>
          <table className="curation-table">
            <caption className="visually-hidden">Listings due a check, most viewed first</caption>
            <thead>
              <tr>
                <th scope="col">Listing</th>
                <th scope="col">Last checked</th>
                <th scope="col">Views</th>
                <th scope="col">Shortlisted</th>
                <th scope="col">On the public site</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.highlighted ? 'curation-late' : undefined}>
                  <td>
                    <a href={`#curation/service/${r.id}`}>{r.name}</a>
                    {r.organization_name && <span className="hint"> {r.organization_name}</span>}
                  </td>
                  <td>
                    {r.assured_date ? formatDate(r.assured_date) : 'Never'}
                    {r.highlighted && (
                      <>
                        {' '}
                        <strong className="tag">{r.assured_date ? 'Over 90 days late' : 'Never checked'}</strong>
                      </>
                    )}
                  </td>
                  <td>{r.views}</td>
                  <td>{r.shortlists}</td>
                  <td>{r.published ? 'Yes' : r.hidden_reason ? `No: ${r.hidden_reason}` : 'No (draft or unpublished)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Listings nobody can verify</h2>
      <p>
        A published listing nobody has verified for the configured time (24 months unless your administrator changed it) can be hidden from
        the public site. It is not deleted: it stays here with the reason, and checking and publishing it again brings it back.
      </p>
      <button type="button" className="button secondary" onClick={() => void hide()}>
        Hide listings nobody could verify
      </button>
    </>
  );
}
