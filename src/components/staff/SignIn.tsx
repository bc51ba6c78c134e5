import { useState, type SubmitEvent } from 'react';
import { authMessage } from '../../lib/staff/auth-messages.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { WaitingControls } from '../govuk/WaitingControls.tsx';
import { ErrorSummary, errorFor, type FieldError } from './ErrorSummary.tsx';
import { Heading } from './Heading.tsx';
import { TextField } from './TextField.tsx';

/**
 * The first screen: sign in with a password, or have a sign-in link emailed. Without a client
 * (rendered on the server, or while Supabase's code loads) its controls wait, disabled.
 */
export function SignIn({ client }: { client?: SessionClient }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [linkEmail, setLinkEmail] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [linkSentTo, setLinkSentTo] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function signIn(event: SubmitEvent) {
    event.preventDefault();
    if (!client) return;
    const found: FieldError[] = [];
    if (!email.trim()) found.push({ field: 'email', message: 'Enter your work email address' });
    if (!password) found.push({ field: 'password', message: 'Enter your password' });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    const { error } = await client.auth.signInWithPassword({ email: email.trim(), password });
    setBusy(false);
    // On success the session change moves the app to the next screen.
    if (error) setErrors([{ field: 'email', message: authMessage(error) }]);
  }

  async function sendLink(event: SubmitEvent) {
    event.preventDefault();
    if (!client) return;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(linkEmail.trim())) {
      setErrors([
        {
          field: 'link-email',
          message: linkEmail.trim()
            ? 'Enter an email address in the correct format, like name@example.org'
            : 'Enter your work email address',
        },
      ]);
      return;
    }
    setBusy(true);
    const { error } = await client.auth.signInWithOtp({
      email: linkEmail.trim(),
      options: { shouldCreateUser: false, emailRedirectTo: `${window.location.origin}/staff/` },
    });
    setBusy(false);
    // An address with no account is told the same as one with an account: this page must not
    // reveal who works here.
    if (error && error.code !== 'otp_disabled') return setErrors([{ field: 'link-email', message: authMessage(error) }]);
    setErrors([]);
    setLinkSentTo(linkEmail.trim());
  }

  if (linkSentTo)
    return (
      <>
        <Heading title="Check your email">Check your email</Heading>
        <p>
          If <strong>{linkSentTo}</strong> belongs to a Signpost staff account, we have sent it a sign-in link. It works once, for an hour.
        </p>
        <p>Open the link on this device. You will then be asked for the code from your authenticator app.</p>
        <button type="button" className="button secondary" onClick={() => setLinkSentTo(undefined)}>
          Back to sign in
        </button>
      </>
    );

  return (
    <>
      <Heading title="Sign in">Sign in to the staff workspace</Heading>
      <p className="lead">For link workers, coordinators, directory curators and administrators. Residents do not need an account.</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void signIn(event)} noValidate aria-labelledby="password-sign-in">
        <h2 id="password-sign-in">Sign in with your password</h2>
        <WaitingControls waiting={!client}>
          <TextField
            id="email"
            label="Work email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errorFor(errors, 'email')}
          />
          <TextField
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errorFor(errors, 'password')}
          />
          <button type="submit" className="button" disabled={busy}>
            Sign in
          </button>
        </WaitingControls>
      </form>
      <form onSubmit={(event) => void sendLink(event)} noValidate aria-labelledby="link-sign-in" className="staff-section">
        <h2 id="link-sign-in">Or sign in with a link by email</h2>
        <WaitingControls waiting={!client}>
          <TextField
            id="link-email"
            label="Work email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={linkEmail}
            onChange={setLinkEmail}
            error={errorFor(errors, 'link-email')}
          />
          <button type="submit" className="button secondary" disabled={busy}>
            Email me a sign-in link
          </button>
        </WaitingControls>
      </form>
      <p className="staff-section">
        Every staff sign-in also asks for a code from an authenticator app on your phone. The first time, we will help you set one up.
      </p>
    </>
  );
}
