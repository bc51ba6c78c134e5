import type { StaffProfile } from '../../lib/staff/profile.ts';
import { staffRoleText } from '../../lib/staff/roles.ts';
import { Heading } from './Heading.tsx';

/** The workspace's home after the second factor: who I am, my role and team. */
export default function Home({ profile }: { profile: StaffProfile }) {
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
      <h2>Referrals</h2>
      <div className="notice">
        <p>
          The referral inbox is not here yet: it arrives in the next release of the workspace. Until then this workspace shows no referrals,
          and nothing on this page is sample data.
        </p>
      </div>
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
