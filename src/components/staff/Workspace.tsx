import { lazy, Suspense, useEffect, useState } from 'react';
import type { Session } from '@supabase/supabase-js';
import { loadStaffProfile, type StaffProfile } from '../../lib/staff/profile.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { Heading } from './Heading.tsx';

const Home = lazy(() => import('./Home.tsx'));
const InviteStaff = lazy(() => import('./InviteStaff.tsx'));

// ── Reports (issue 12): #reports. Its own chunk, with the chart library, loaded only on that screen. ──
const Reports = lazy(() => import('./reports/Reports.tsx'));
const isReports = () => window.location.hash === '#reports';
// ── end of reports ──

interface Props {
  client: SessionClient;
  session: Session;
  ensureSession: () => Promise<boolean>;
  onSignOut: () => void;
}

const screenOf = () => (isReports() ? 'reports' : window.location.hash === '#invite' ? 'invite' : 'home');

/** The workspace after the second factor: a bar saying who is signed in, and the screen the address asks for. */
export default function Workspace({ client, session, ensureSession, onSignOut }: Props) {
  const [profile, setProfile] = useState<StaffProfile>();
  const [problem, setProblem] = useState<string>();
  const [screen, setScreen] = useState(screenOf);

  useEffect(() => {
    loadStaffProfile(client, session.user).then(setProfile, (error: Error) => setProblem(error.message));
  }, [client, session.user]);

  useEffect(() => {
    const onHash = () => setScreen(screenOf());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

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
        {/* ── Reports (issue 12) ── */}
        {screen === 'reports' ? (
          <Reports client={client} ensureSession={ensureSession} />
        ) : /* ── end of reports ── */ screen === 'invite' && profile.role === 'admin' ? (
          <InviteStaff client={client} ensureSession={ensureSession} />
        ) : screen === 'invite' ? (
          <>
            <Heading title="Only administrators can invite staff">Only administrators can invite staff</Heading>
            <p>Ask an administrator in your organisation to invite the person.</p>
            <p>
              <a href="#">Back to the workspace home</a>
            </p>
          </>
        ) : (
          <Home profile={profile} />
        )}
      </Suspense>
    </>
  );
}
