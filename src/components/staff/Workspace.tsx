import { lazy, Suspense, useEffect, useState } from 'react';
import type { Session } from '@supabase/supabase-js';
import { loadStaffProfile, type StaffProfile } from '../../lib/staff/profile.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { Heading } from './Heading.tsx';
// ── ws-plan: plan, wellbeing and spend panels (#plan/<referral id>) and the team fund (#team-fund) ──
import { caseworkRoute, CaseworkScreen } from './casework/CaseworkScreen.tsx';
// ── end ws-plan ──
import { useCurationRoute } from './curation/route.ts'; // curation (issue 12)

const Home = lazy(() => import('./Home.tsx'));
const InviteStaff = lazy(() => import('./InviteStaff.tsx'));
// ── ws-record: the inbox and the referral record ──
const Inbox = lazy(() => import('./inbox/Inbox.tsx'));
const ReferralRecord = lazy(() => import('./record/ReferralRecord.tsx'));

// ── curation (issue 12): #curation… routes ──────────────────────────────────────────────────
const Curation = lazy(() => import('./curation/Curation.tsx'));
// ── end curation ────────────────────────────────────────────────────────────────────────────

// ── Reports (issue 12): #reports. Its own chunk, with the chart library, loaded only on that screen. ──
const Reports = lazy(() => import('./reports/Reports.tsx'));
const isReports = () => window.location.hash === '#reports';
// ── end of reports ──

interface Props {
  client: SessionClient;
  session: Session;
  ensureSession: () => Promise<boolean>;
  onSignOut: () => void;
  /** The needs taxonomy in residents' words (code and label), from the build. */
  needs: { code: string; label: string }[];
}

/** The screen the address asks for: `#invite`, `#inbox?filters`, `#referral/<id>`, or the home. */
type Screen =
  { kind: 'home' } | { kind: 'invite' } | { kind: 'reports' } | { kind: 'inbox'; query: string } | { kind: 'record'; id: string };

function screenOf(): Screen {
  const hash = window.location.hash.replace(/^#/, '');
  if (hash === 'invite') return { kind: 'invite' };
  if (isReports()) return { kind: 'reports' }; // reports (issue 12)
  // ── ws-record routes ──
  if (hash === 'inbox' || hash.startsWith('inbox?')) return { kind: 'inbox', query: hash.slice('inbox?'.length) };
  const record = /^referral\/([0-9a-fA-F-]{36})$/.exec(hash);
  if (record) return { kind: 'record', id: record[1]! };
  return { kind: 'home' };
}

/** Roles whose work is referrals (curators and admins see none: health data is not theirs). */
const worksOnReferrals = (profile: StaffProfile) => profile.role === 'link_worker' || profile.role === 'coordinator';

/**
 * A team's notification mail links to /staff/?referral=SP-XXXX-XX: once signed in, that opens
 * the referral's record (when it is in the caller's teams), and the address loses the reference.
 */
async function followReferralLink(client: SessionClient): Promise<void> {
  const url = new URL(window.location.href);
  const reference = url.searchParams.get('referral');
  if (!reference) return;
  url.searchParams.delete('referral');
  const { data } = await client.from('referrals').select('id').eq('reference', reference.toUpperCase()).maybeSingle<{ id: string }>();
  url.hash = data ? `referral/${data.id}` : 'inbox';
  window.history.replaceState(null, '', url.href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The workspace after the second factor: a bar saying who is signed in, and the screen the address asks for. */
export default function Workspace({ client, session, ensureSession, onSignOut, needs }: Props) {
  const [profile, setProfile] = useState<StaffProfile>();
  const [problem, setProblem] = useState<string>();
  const [screen, setScreen] = useState(screenOf);
  // ── ws-plan ──
  const [casework, setCasework] = useState(() => caseworkRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setCasework(caseworkRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // ── end ws-plan ──
  const curationRoute = useCurationRoute(); // curation (issue 12)

  useEffect(() => {
    loadStaffProfile(client, session.user).then(setProfile, (error: Error) => setProblem(error.message));
  }, [client, session.user]);

  useEffect(() => {
    const onHash = () => setScreen(screenOf());
    window.addEventListener('hashchange', onHash);
    void followReferralLink(client);
    return () => window.removeEventListener('hashchange', onHash);
  }, [client]);

  if (problem)
    return (
      <>
        <Heading title="Your details did not load">Your details did not load</Heading>
        <p className="error-message">{problem}</p>
        <button type="button" className="button secondary" onClick={onSignOut}>
          Sign out
        </button>
      </>
    );
  if (!profile) return <p role="status">Loading your workspace…</p>;

  let content;
  switch (screen.kind) {
    case 'invite':
      content =
        profile.role === 'admin' ? (
          <InviteStaff client={client} ensureSession={ensureSession} />
        ) : (
          <>
            <Heading title="Only administrators can invite staff">Only administrators can invite staff</Heading>
            <p>Ask an administrator in your organisation to invite the person.</p>
            <p>
              <a href="#">Back to the workspace home</a>
            </p>
          </>
        );
      break;
    // ── ws-record screens ──
    case 'inbox':
    case 'record':
      content = !worksOnReferrals(profile) ? (
        <>
          <Heading title="Referrals are for link workers and coordinators">Referrals are for link workers and coordinators</Heading>
          <p>Your role does not work with people’s referrals, so there are none to show you.</p>
          <p>
            <a href="#">Back to the workspace home</a>
          </p>
        </>
      ) : screen.kind === 'inbox' ? (
        <Inbox client={client} profile={profile} needs={needs} query={screen.query} />
      ) : (
        <ReferralRecord
          key={screen.id}
          client={client}
          referralId={screen.id}
          profile={profile}
          needs={needs}
          ensureSession={ensureSession}
        />
      );
      break;
    default:
      content = <Home profile={profile} client={client} />;
  }

  return (
    <>
      <div className="staff-bar">
        <p>
          Signed in as <strong>{profile.display_name}</strong>
        </p>
        <button type="button" className="button secondary" onClick={onSignOut}>
          Sign out
        </button>
      </div>
      <Suspense fallback={<p role="status">Loading…</p>}>
        {casework ? (
          <CaseworkScreen route={casework} client={client} profile={profile} ensureSession={ensureSession} />
        ) : curationRoute ? (
          <Curation route={curationRoute} client={client} profile={profile} ensureSession={ensureSession} />
        ) : screen.kind === 'reports' ? (
          <Reports client={client} ensureSession={ensureSession} />
        ) : (
          content
        )}
      </Suspense>
    </>
  );
}
