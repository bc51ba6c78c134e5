import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { authMessage } from '../../lib/staff/auth-messages.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { CodeForm } from './CodeForm.tsx';
import { ErrorSummary, type FieldError } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  client: SessionClient;
  userId: string;
  email: string;
  /** The same person is signed in again with their second factor: the screen underneath carries on. */
  onRestored: () => void;
  /** Someone else wants to sign in: what is on screen belongs to the previous person and goes. */
  onSwitchAccount: () => void;
}

/**
 * Shown over the workspace when the session ends (timed out, or signed out from elsewhere). The
 * screen underneath stays as it was, with whatever was being typed, held only in this page's
 * memory; signing in again here, as the same person, carries on from there.
 */
export default function Reauthenticate({ client, userId, email, onRestored, onSwitchAccount }: Props) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [factorId, setFactorId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [factorId]);

  async function signIn(event: SubmitEvent) {
    event.preventDefault();
    if (!password) return setErrors([{ field: 'reauth-password', message: 'Enter your password' }]);
    setBusy(true);
    const { data, error } = await client.auth.signInWithPassword({ email, password });
    setBusy(false);
    if (error) return setErrors([{ field: 'reauth-password', message: authMessage(error) }]);
    if (data.user.id !== userId) return onSwitchAccount();
    const factors = await client.auth.mfa.listFactors();
    const verified = factors.data?.totp.find((f) => f.status === 'verified');
    if (!verified) return onSwitchAccount();
    setErrors([]);
    setFactorId(verified.id);
  }

  async function verify(code: string) {
    const { error } = await client.auth.mfa.challengeAndVerify({ factorId: factorId!, code });
    if (error) return authMessage(error);
    onRestored();
    return undefined;
  }

  return (
    <section className="staff-reauth" aria-labelledby="reauth-title">
      {/* The page's main heading while the workspace under it is out of reach. */}
      <h1 id="reauth-title" tabIndex={-1} ref={heading}>
        {factorId ? 'Enter the code from your authenticator app' : 'You have been signed out'}
      </h1>
      {factorId ? (
        <CodeForm verify={verify} submitLabel="Continue where I was" />
      ) : (
        <>
          <p>
            Your session ended, so nothing more was saved. What you had typed is still on this page. Sign in again as{' '}
            <strong>{email}</strong> to carry on; it is kept only until you close or reload this page.
          </p>
          <ErrorSummary errors={errors} />
          <form onSubmit={(event) => void signIn(event)} noValidate>
            <TextField
              id="reauth-password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errors[0]?.message}
            />
            <button type="submit" className="button" disabled={busy}>
              Sign in again
            </button>
          </form>
          <p>
            <button type="button" className="link-button" onClick={onSwitchAccount}>
              Sign in as someone else
            </button>{' '}
            (what is on this page will be lost)
          </p>
        </>
      )}
    </section>
  );
}
