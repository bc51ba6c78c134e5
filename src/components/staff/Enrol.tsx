import { useEffect, useState } from 'react';
import { authMessage } from '../../lib/staff/auth-messages.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { CodeForm } from './CodeForm.tsx';
import { Heading } from './Heading.tsx';

interface Factor {
  id: string;
  qrCode: string;
  secret: string;
}

/** First sign-in: set up an authenticator app (QR code, or the key typed in), then prove it with a code. */
export default function Enrol({ client, email, onDone }: { client: SessionClient; email: string; onDone: () => void }) {
  const [factor, setFactor] = useState<Factor>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // An enrolment left half done (the page closed before the code) is removed first: a new
      // one with the same name would be refused.
      const listed = await client.auth.mfa.listFactors();
      for (const old of listed.data?.all.filter((f) => f.factor_type === 'totp' && f.status === 'unverified') ?? [])
        await client.auth.mfa.unenroll({ factorId: old.id });
      const { data, error } = await client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'Authenticator app', issuer: 'Signpost' });
      if (cancelled) return;
      if (error) return setProblem(authMessage(error));
      setFactor({ id: data.id, qrCode: data.totp.qr_code, secret: data.totp.secret });
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);

  async function verify(code: string) {
    if (!factor) return 'The set-up has not loaded yet. Wait a moment and try again.';
    const { error } = await client.auth.mfa.challengeAndVerify({ factorId: factor.id, code });
    if (error) return authMessage(error);
    onDone();
    return undefined;
  }

  return (
    <>
      <Heading title="Set up your authenticator app">Set up your authenticator app</Heading>
      <p>
        Staff accounts are protected by a second step: as well as your password or email link, you enter a code from an app on your phone.
        This keeps the people we work with safe if a password is ever stolen.
      </p>
      {problem && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
      <ol className="staff-steps">
        <li>
          <p>
            Install an authenticator app on your phone if you do not have one, for example Microsoft Authenticator or Google Authenticator.
          </p>
        </li>
        <li>
          <p>In the app, add an account and scan this QR code.</p>
          {factor ? (
            <img
              className="staff-qr"
              src={factor.qrCode}
              width={200}
              height={200}
              alt={`QR code to add Signpost (${email}) to an authenticator app`}
            />
          ) : (
            <p role="status">Preparing your QR code…</p>
          )}
          <p>If you cannot scan it, choose to enter a key instead and type this key:</p>
          <p className="staff-secret" id="totp-secret">
            {factor ? factor.secret.replace(/(.{4})/g, '$1 ').trim() : '…'}
          </p>
        </li>
        <li>
          <p>Enter the 6-digit code the app now shows for Signpost.</p>
          <CodeForm verify={verify} submitLabel="Confirm and continue" />
        </li>
      </ol>
    </>
  );
}
