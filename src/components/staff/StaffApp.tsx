import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { stageFor, type SignInStage } from '../../lib/staff/sign-in-stage.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { SignIn } from './SignIn.tsx';
import { Heading } from './Heading.tsx';
import { SearchConnectionContext } from './search-connection.ts';
import type { SearchConnection } from '../../lib/search/client.ts';

// Each screen is its own chunk: the first screen (sign in) loads only what it needs.
const Enrol = lazy(() => import('./Enrol.tsx'));
const Challenge = lazy(() => import('./Challenge.tsx'));
const NotStaff = lazy(() => import('./NotStaff.tsx'));
const Workspace = lazy(() => import('./Workspace.tsx'));
const Reauthenticate = lazy(() => import('./Reauthenticate.tsx'));

interface Props {
  supabaseUrl: string;
  publishableKey: string;
  /** The needs taxonomy in residents' words, for the inbox's filter and the record. */
  needs: { code: string; label: string }[];
  /** Directory search (host and search-only key), for choosing services in a plan. */
  search?: SearchConnection;
}

type Stage = SignInStage | { kind: 'loading' } | { kind: 'error'; message: string };

/**
 * The staff workspace: one island. The page is rendered with the sign-in screen, its controls
 * waiting, so it paints at once on a slow connection; Supabase's code comes after the page, and
 * then the session decides the screen (signed out → password or link → authenticator code →
 * workspace). Row level security, not this code, is what keeps staff data behind the second factor.
 */
export default function StaffApp({ supabaseUrl, publishableKey, ...rest }: Props) {
  const [client, setClient] = useState<SessionClient | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('../../lib/supabase-session.ts').then(
      ({ sessionClient }) =>
        setClient(sessionClient({ PUBLIC_SUPABASE_URL: supabaseUrl, PUBLIC_SUPABASE_PUBLISHABLE_KEY: publishableKey })),
      () => setFailed(true),
    );
  }, [supabaseUrl, publishableKey]);
  return <Screens client={client} failed={failed} {...rest} />;
}

type ScreensProps = Omit<Props, 'supabaseUrl' | 'publishableKey'> & { client: SessionClient | null; failed: boolean };

/**
 * The screen for where the person stands. Until the client is here, the sign-in screen waits; it
 * is rendered in the same place throughout, so the page painted from the server is the page that
 * wakes, with nothing replaced.
 */
function Screens({ client, failed, needs, search }: ScreensProps) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  // The session ended while the workspace was open: the workspace stays mounted (and whatever
  // was typed with it) under a sign-in panel.
  const [expired, setExpired] = useState(false);
  const stageRef = useRef<Stage>(stage);
  stageRef.current = stage;
  const expiredRef = useRef(expired);
  expiredRef.current = expired;
  const signingOut = useRef(false);

  const refresh = useCallback(async () => {
    if (!client) return;
    try {
      const { data } = await client.auth.getSession();
      setStage(await stageFor(client, data.session));
    } catch (error) {
      setStage({ kind: 'error', message: (error as Error).message });
    }
  }, [client]);

  useEffect(() => {
    if (!client) return;
    void refresh();
    const { data } = client.auth.onAuthStateChange((event) => {
      // Supabase calls from inside this callback would wait on the lock it holds: run them after.
      setTimeout(() => {
        if (expiredRef.current) return; // the sign-in panel deals with its own sign-in
        const current = stageRef.current.kind;
        if (event === 'SIGNED_OUT') {
          if (current === 'ready' && !signingOut.current) setExpired(true);
          else setStage({ kind: 'signed-out' });
          signingOut.current = false;
        } else if (event === 'SIGNED_IN' && current !== 'ready') void refresh();
      }, 0);
    });
    return () => data.subscription.unsubscribe();
  }, [client, refresh]);

  const signOut = useCallback(async () => {
    if (!client) return;
    signingOut.current = true;
    setExpired(false);
    await client.auth.signOut();
    window.location.hash = '';
    setStage({ kind: 'signed-out' });
  }, [client]);

  /** Checks with Auth that the session is still live before something is saved. */
  const ensureSession = useCallback(async () => {
    if (!client) return false;
    const { data, error } = await client.auth.getUser();
    if (data.user && !error) return true;
    setExpired(true);
    return false;
  }, [client]);

  const restored = useCallback(() => setExpired(false), []);
  const switchAccount = useCallback(async () => {
    if (!client) return;
    signingOut.current = true;
    setExpired(false);
    await client.auth.signOut({ scope: 'local' });
    window.location.hash = '';
    setStage({ kind: 'signed-out' });
  }, [client]);

  // The page keeps its heading while a screen loads: a page without one is harder to find your way in.
  const loading = (
    <>
      <h1 className="staff-heading">Staff workspace</h1>
      <p role="status">Loading…</p>
    </>
  );
  let screen;
  if (failed)
    screen = (
      <>
        <Heading title="The workspace did not load">The workspace did not load</Heading>
        <p className="error-message">Check your internet connection and reload the page.</p>
      </>
    );
  // Until the client is here and the session is read, the screen most people see first, waiting.
  else if (!client || stage.kind === 'loading') screen = <SignIn />;
  else
    switch (stage.kind) {
      case 'error':
        screen = (
          <>
            <Heading title="The workspace did not load">The workspace did not load</Heading>
            <p className="error-message">{stage.message}</p>
            <button type="button" className="button" onClick={() => void refresh()}>
              Try again
            </button>
          </>
        );
        break;
      case 'signed-out':
        screen = <SignIn client={client} />;
        break;
      case 'not-staff':
        screen = <NotStaff email={stage.email} onSignOut={() => void signOut()} />;
        break;
      case 'enrol':
        screen = <Enrol client={client} email={stage.email} onDone={() => void refresh()} />;
        break;
      case 'challenge':
        screen = <Challenge client={client} email={stage.email} factorId={stage.factorId} onDone={() => void refresh()} />;
        break;
      case 'ready':
        screen = (
          <>
            {expired && (
              <Reauthenticate
                client={client}
                userId={stage.session.user.id}
                email={stage.session.user.email ?? ''}
                onRestored={restored}
                onSwitchAccount={() => void switchAccount()}
              />
            )}
            <div inert={expired}>
              <Workspace
                client={client}
                session={stage.session}
                ensureSession={ensureSession}
                onSignOut={() => void signOut()}
                needs={needs}
              />
            </div>
          </>
        );
    }
  return (
    <SearchConnectionContext.Provider value={search ?? null}>
      <Suspense fallback={loading}>{screen}</Suspense>
    </SearchConnectionContext.Provider>
  );
}
