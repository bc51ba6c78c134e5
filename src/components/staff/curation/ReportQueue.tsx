import './curation.css';
import { useEffect, useState } from 'react';
import { loadPendingReports, type ListingReport } from '../../../lib/curation/moderation.ts';
import { problemTypes } from '../../../lib/curation/report.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { Heading } from '../Heading.tsx';
import { Problem } from './fields.tsx';

export const receivedOn = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** The moderation queue: problem reports and suggested groups waiting for a curator, oldest first. */
export default function ReportQueue({ client }: { client: SessionClient }) {
  const [reports, setReports] = useState<ListingReport[]>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    loadPendingReports(client).then(setReports, (e: Error) => setProblem(e.message));
  }, [client]);
  return (
    <>
      <Heading title="Reports and suggestions">Reports and suggestions</Heading>
      <p>
        <a href="#curation">Back to directory curation</a>
      </p>
      <Problem message={problem} />
      {!reports && !problem && <p role="status">Loading reports…</p>}
      {reports?.length === 0 && <p>Nothing is waiting. Reports from residents and link workers appear here.</p>}
      {reports && reports.length > 0 && (
        <table className="curation-table">
          <caption className="visually-hidden">Reports and suggestions waiting for a decision, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">About</th>
              <th scope="col">What is wrong</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <td>{receivedOn(r.created_at)}</td>
                <td>
                  <a href={`#curation/report/${r.id}`}>
                    {r.kind === 'suggestion' ? `Suggested group: ${r.group_name ?? ''}` : (r.service?.name ?? 'A listing since removed')}
                  </a>
                </td>
                <td>{r.problem ? problemTypes[r.problem].label : 'A new group to list'}</td>
                <td>{r.source === 'staff' ? 'A member of staff' : 'The public'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
