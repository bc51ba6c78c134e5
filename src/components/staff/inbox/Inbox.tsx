import { useEffect, useMemo, useState, type SubmitEvent } from 'react';
import {
  filtersFromQuery,
  filtersToQuery,
  type InboxChoices,
  type InboxCounts,
  type InboxFilters,
  type InboxRow,
  loadInbox,
  loadInboxChoices,
  loadInboxCounts,
  loadUnread,
  pageSize,
} from '../../../lib/workspace/inbox.ts';
import { referralSources, referralStatuses, type ReferralSource, type ReferralStatus } from '../../../lib/referrals/schema.ts';
import type { StaffProfile } from '../../../lib/staff/profile.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { shortDate, sourceWords, staffStatusTag, staffStatusWords } from '../../../lib/workspace/words.ts';
import { loadStaffNames } from '../../../lib/workspace/record.ts';
import { Select } from '../../govuk/Select.tsx';
import { Heading } from '../Heading.tsx';
import '../workspace.scss';

interface Props {
  client: SessionClient;
  profile: StaffProfile;
  needs: { code: string; label: string }[];
  /** The filters as the address holds them (#inbox?status=new&…). */
  query: string;
}

type Loaded = { kind: 'loading' } | { kind: 'problem'; message: string } | { kind: 'ready'; rows: InboxRow[]; total: number };

/**
 * The inbox: the referrals of my teams (a link worker) or of every team serving my area (a
 * coordinator), overdue first, then newest, with counts by status and filters kept in the
 * address (#inbox?status=new…), so the record's Back link returns to the same view.
 */
export default function Inbox({ client, profile, needs, query: address }: Props) {
  const filters = useMemo(() => filtersFromQuery(address), [address]);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [counts, setCounts] = useState<InboxCounts>({});
  const [unread, setUnread] = useState<Map<string, number>>(new Map());
  const [choices, setChoices] = useState<InboxChoices>({ teams: [], pcns: [], practices: [] });
  const [draft, setDraft] = useState<InboxFilters>(filters);
  const [more, setMore] = useState(false);
  const query = filtersToQuery(filters);
  const [names, setNames] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    loadInboxChoices(client).then(setChoices, () => undefined);
  }, [client]);

  useEffect(() => {
    let live = true;
    setDraft(filters);
    setLoaded({ kind: 'loading' });
    void (async () => {
      try {
        const [page, byStatus] = await Promise.all([loadInbox(client, filters), loadInboxCounts(client, filters)]);
        if (!live) return;
        setLoaded({ kind: 'ready', ...page });
        setCounts(byStatus);
        const fresh = await loadUnread(
          client,
          page.rows.map((r) => r.id),
        );
        if (live) setUnread(fresh);
        const assigned = await loadStaffNames(
          client,
          page.rows.flatMap((r) => (r.assigned_to ? [r.assigned_to] : [])),
        );
        if (live) setNames(assigned);
      } catch (error) {
        if (live) setLoaded({ kind: 'problem', message: (error as Error).message });
      }
    })();
    return () => {
      live = false;
    };
    // `filters` changes only with the address (memoised on it).
  }, [client, filters]);

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const next = filtersToQuery(draft);
    window.location.hash = next ? `inbox?${next}` : 'inbox';
  };
  const withStatus = (status: ReferralStatus | undefined) => {
    const next = filtersToQuery({ ...filters, status });
    return next ? `#inbox?${next}` : '#inbox';
  };
  const showMore = async () => {
    if (loaded.kind !== 'ready') return;
    setMore(true);
    try {
      const page = await loadInbox(client, filters, loaded.rows.length);
      const fresh = await loadUnread(
        client,
        page.rows.map((r) => r.id),
      );
      setLoaded({ kind: 'ready', rows: [...loaded.rows, ...page.rows], total: page.total || loaded.total });
      setUnread((old) => new Map([...old, ...fresh]));
    } catch (error) {
      setLoaded({ kind: 'problem', message: (error as Error).message });
    } finally {
      setMore(false);
    }
  };

  const set = <K extends keyof InboxFilters>(key: K, value: InboxFilters[K] | '') =>
    setDraft((d) => ({ ...d, [key]: value === '' ? undefined : value }));
  const practices = choices.practices.filter((p) => !draft.pcn || p.pcn_id === draft.pcn);
  const allTotal = Object.values(counts).reduce((n, c) => n + c.total, 0);
  const overdueTotal = Object.values(counts).reduce((n, c) => n + c.overdue, 0);
  const nameOf = (id: string | null) => (id === null ? 'No one yet' : id === profile.user_id ? 'Me' : (names.get(id) ?? 'A colleague'));

  return (
    <>
      <p>
        <a className="govuk-back-link" href="#">
          Workspace home
        </a>
      </p>
      <Heading title="Referrals inbox">Referrals inbox</Heading>
      <p className="govuk-body">
        {profile.role === 'coordinator'
          ? 'Referrals for every team serving your area, overdue first, then newest.'
          : 'Referrals for your teams, overdue first, then newest.'}
      </p>
      <h2 className="govuk-heading-s">By status</h2>
      <ul className="inbox-counts" aria-label="Referrals by status">
        <li>
          <a className="govuk-link" href={withStatus(undefined)} aria-current={filters.status ? undefined : 'true'}>
            All: {allTotal}
          </a>
          {overdueTotal > 0 && <strong className="govuk-tag govuk-tag--red"> {overdueTotal} overdue</strong>}
        </li>
        {referralStatuses.map((s) => (
          <li key={s}>
            <a className="govuk-link" href={withStatus(s)} aria-current={filters.status === s ? 'true' : undefined}>
              {staffStatusWords[s]}: {counts[s]?.total ?? 0}
            </a>
          </li>
        ))}
      </ul>
      <form onSubmit={apply} noValidate aria-label="Filter referrals">
        <div className="inbox-filters">
          <Select
            id="filter-status"
            label="Status"
            empty="Any status"
            value={draft.status ?? ''}
            onValue={(v) => set('status', v as ReferralStatus | '')}
            options={referralStatuses.map((s) => ({ value: s, label: staffStatusWords[s] }))}
          />
          <Select
            id="filter-need"
            label="Need"
            empty="Any need"
            value={draft.need ?? ''}
            onValue={(v) => set('need', v)}
            options={needs.map((n) => ({ value: n.code, label: n.label }))}
          />
          <Select
            id="filter-source"
            label="Source"
            empty="Any source"
            value={draft.source ?? ''}
            onValue={(v) => set('source', v as ReferralSource | '')}
            options={referralSources.map((s) => ({ value: s, label: sourceWords[s] }))}
          />
          {choices.teams.length > 1 && (
            <Select
              id="filter-team"
              label="Team"
              empty="Every team"
              value={draft.team ?? ''}
              onValue={(v) => set('team', v)}
              options={choices.teams.map((t) => ({ value: t.id, label: t.name }))}
            />
          )}
          <Select
            id="filter-pcn"
            label="PCN"
            empty="Any PCN"
            value={draft.pcn ?? ''}
            onValue={(v) => setDraft((d) => ({ ...d, pcn: v || undefined, practice: undefined }))}
            options={choices.pcns.map((p) => ({ value: p.id, label: p.name }))}
          />
          <Select
            id="filter-practice"
            label="GP practice"
            empty="Any practice"
            value={draft.practice ?? ''}
            onValue={(v) => set('practice', v)}
            options={practices.map((p) => ({ value: p.id, label: p.name }))}
          />
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="filter-mine"
                  type="checkbox"
                  checked={draft.assigned_to_me ?? false}
                  onChange={(e) => set('assigned_to_me', e.target.checked || undefined)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="filter-mine">
                  Assigned to me
                </label>
              </div>
            </div>
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Apply filters
          </button>
          <a className="govuk-link" href="#inbox">
            Clear filters
          </a>
        </div>
      </form>
      {loaded.kind === 'loading' && <p role="status">Loading referrals…</p>}
      {loaded.kind === 'problem' && (
        <p className="govuk-error-message" role="alert">
          The referrals did not load: {loaded.message}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.rows.length === 0 && (
        <p className="govuk-body" role="status">
          {query ? 'No referrals match these filters.' : 'There are no referrals for your teams yet.'}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.rows.length > 0 && (
        <>
          <p className="govuk-body" role="status">
            Showing {loaded.rows.length} of {loaded.total} {loaded.total === 1 ? 'referral' : 'referrals'}
          </p>
          <div className="inbox-table-wrap">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Referrals, overdue first, then newest</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Person
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Status
                  </th>
                  <th scope="col" className="govuk-table__header">
                    First contact due
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Received
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Source
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Assigned to
                  </th>
                  <th scope="col" className="govuk-table__header">
                    New messages
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {loaded.rows.map((r) => (
                  <tr className="govuk-table__row" key={r.id}>
                    <th scope="row" className="govuk-table__header">
                      <a className="govuk-link" href={`#referral/${r.id}`}>
                        {r.given_name} {r.family_name}
                      </a>
                      <br />
                      <span className="govuk-body-s">{r.reference}</span>
                    </th>
                    <td className="govuk-table__cell">
                      <strong className={`govuk-tag ${staffStatusTag[r.status]}`}>{staffStatusWords[r.status]}</strong>
                      {r.overdue && (
                        <>
                          {' '}
                          <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                        </>
                      )}
                    </td>
                    <td className="govuk-table__cell">{r.first_contact_due_on ? shortDate(r.first_contact_due_on) : '—'}</td>
                    <td className="govuk-table__cell">{shortDate(r.created_at)}</td>
                    <td className="govuk-table__cell">{sourceWords[r.source]}</td>
                    <td className="govuk-table__cell">{nameOf(r.assigned_to)}</td>
                    <td className="govuk-table__cell">{unread.get(r.id) ? <strong>{unread.get(r.id)}</strong> : 'None'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {loaded.rows.length < loaded.total && (
            <button type="button" className="govuk-button govuk-button--secondary" disabled={more} onClick={() => void showMore()}>
              Show {Math.min(pageSize, loaded.total - loaded.rows.length)} more
            </button>
          )}
        </>
      )}
    </>
  );
}
