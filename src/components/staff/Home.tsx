import { useEffect, useState } from 'react';
import type { StaffProfile } from '../../lib/staff/profile.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { type InboxCounts, loadInboxCounts } from '../../lib/workspace/inbox.ts';
import { staffRoleText } from '../../lib/staff/roles.ts';
import { Heading } from './Heading.tsx';

/** How many referrals wait: new ones, and those past their first-contact date. */
function InboxSummary({ client }: { client: SessionClient }) {
  const [counts, setCounts] = useState<InboxCounts>();
  useEffect(() => {
    loadInboxCounts(client, {}).then(setCounts, () => setCounts(undefined));
  }, [client]);
  if (!counts) return null;
  const waiting = counts.new?.total ?? 0;
  const overdue = Object.values(counts).reduce((n, c) => n + c.overdue, 0);
  return (
    <p>
      {waiting} new {waiting === 1 ? 'referral' : 'referrals'} waiting
      {overdue > 0 && (
        <>
          , <a href="#inbox?status=new">{overdue} past their first-contact date</a>
        </>
      )}
      .
    </p>
  );
}

/** The workspace's home after the second factor: who I am, my role and team, and the way to the referrals. */
export default function Home({ profile, client }: { profile: StaffProfile; client: SessionClient }) {
  const role = staffRoleText[profile.role];
  return (
    <>
      <Heading title="Staff workspace">Hello, {profile.display_name}</Heading>
      <dl className="summary-list">
        <div>
          <dt>Signed in as</dt>
          <dd>{profile.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {role.name}: {role.does}
          </dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>{profile.team ? profile.team.name : 'Not in a team (your role works across every team)'}</dd>
        </div>
      </dl>
      {/* ── ws-record: referrals ── */}
      <h2>Referrals</h2>
      {profile.role === 'link_worker' || profile.role === 'coordinator' ? (
        <>
          <p>
            <a className="button" href="#inbox">
              Open the referrals inbox
            </a>
          </p>
          <InboxSummary client={client} />
        </>
      ) : (
        <p>Your role does not work with people’s referrals: link workers and coordinators triage them.</p>
      )}
      {/* ── ws-plan ── */}
      {(profile.team || profile.role === 'admin') && profile.role !== 'curator' && (
        <>
          <h2>Practical-help fund</h2>
          <p>
            <a href="#team-fund">
              {profile.role === 'admin' ? 'Teams’ funds and top-ups' : 'Your team’s fund: balance, top-ups and spends'}
            </a>
          </p>
        </>
      )}
      {/* ── end ws-plan ── */}
      {/* ── curation (issue 12) ── */}
      <h2>The directory</h2>
      <ul>
        {(profile.role === 'curator' || profile.role === 'admin') && (
          <li>
            <a href="#curation">Directory curation: reports, listings due a check, editing listings</a>
          </li>
        )}
        <li>
          <a href="#curation/flag">Flag a problem with a listing</a>
        </li>
      </ul>
      {/* ── end curation ── */}
      {/* ── Reports (issue 12) ── */}
      {profile.role !== 'curator' && (
        <>
          <h2>Reports</h2>
          <p>
            <a href="#reports">Reports for commissioners and coordinators</a>
          </p>
        </>
      )}
      {/* ── end of reports ── */}
      {profile.role === 'admin' && (
        <>
          <h2>Staff accounts</h2>
          <p>
            <a href="#invite">Invite a member of staff</a>
          </p>
        </>
      )}
    </>
  );
}
