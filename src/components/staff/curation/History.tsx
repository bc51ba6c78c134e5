import type { HistoryEntry } from '../../../lib/curation/listings.ts';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

const shown = (value: string | null) =>
  value === null || value === '' ? '(empty)' : value.length > 160 ? `${value.slice(0, 160)}…` : value;

/** A listing's field history (written by the database's trigger), newest first, with “restore” for earlier values. */
export function History({
  entries,
  onRestore,
  busy,
}: {
  entries: HistoryEntry[];
  onRestore: (entry: HistoryEntry) => void;
  busy: boolean;
}) {
  if (!entries.length) return <p>No changes are recorded yet.</p>;
  return (
    <table className="curation-table">
      <caption className="visually-hidden">Changes to this listing, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Field</th>
          <th scope="col">Was</th>
          <th scope="col">Became</th>
          <th scope="col">By</th>
          <th scope="col">
            <span className="visually-hidden">Restore</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{when(e.last_action_date)}</td>
            <td>{e.last_action_type === 'update' ? e.field_name : e.last_action_type === 'create' ? 'Listing added' : 'Removed'}</td>
            <td className="user-text">{e.last_action_type === 'update' ? shown(e.previous_value) : ''}</td>
            <td className="user-text">{e.last_action_type === 'update' ? shown(e.replacement_value) : ''}</td>
            <td>{e.updated_by}</td>
            <td>
              {e.last_action_type === 'update' && (
                <button type="button" className="link-button" disabled={busy} onClick={() => onRestore(e)}>
                  Restore<span className="visually-hidden"> the earlier {e.field_name}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
