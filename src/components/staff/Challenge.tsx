import { authMessage } from '../../lib/staff/auth-messages.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { CodeForm } from './CodeForm.tsx';
import { Heading } from './Heading.tsx';

/** Later sign-ins: the code from the authenticator app set up the first time. */
export default function Challenge({
  client,
  factorId,
  email,
  onDone,
}: {
  client: SessionClient;
  factorId: string;
  email: string;
  onDone: () => void;
}) {
  async function verify(code: string) {
    const { error } = await client.auth.mfa.challengeAndVerify({ factorId, code });
    if (error) return authMessage(error);
    onDone();
    return undefined;
  }
  return (
    <>
      <Heading title="Enter your code">Enter the code from your authenticator app</Heading>
      <p>You are signing in as {email}.</p>
      <CodeForm verify={verify} submitLabel="Continue" />
      <details className="staff-section">
        <summary>I cannot use my authenticator app</summary>
        <p>Ask an administrator to reset your second step. You will then set up an app again the next time you sign in.</p>
      </details>
    </>
  );
}
