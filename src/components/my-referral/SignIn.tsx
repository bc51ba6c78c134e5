import type { SupabaseClient } from '@supabase/supabase-js';
import type { Api } from './data.ts';
import { EmailForm } from './EmailForm.tsx';
import { authProblem } from './auth-problem.ts';

/**
 * For someone coming back, perhaps on another device: a sign-in link by email (no password to
 * remember). Without a connection yet (the page's code still loading) the form shows but waits.
 */
export function SignIn({ connected }: { connected?: { supabase: SupabaseClient; api: Api } }) {
  return (
    <>
      <h1 className="govuk-heading-l">Your referral</h1>
      <p className="govuk-body">
        If you sent a referral on this device, this page shows it straight away. To see it on another device, you need to have added your
        email address to it. Then we can email you a link that signs you in.
      </p>
      <EmailForm
        id="sign-in-email"
        label="Your email address"
        hint="The address you added to your referral"
        disabled={!connected}
        check={(email) => connected?.api.emailProblem(email) ?? null}
        button="Email me a sign-in link"
        send={async (email) => {
          if (!connected) return 'This page is still loading. Wait a moment, then choose the button again.';
          const { error } = await connected.supabase.auth.signInWithOtp({
            email,
            options: { shouldCreateUser: false, emailRedirectTo: `${location.origin}/my-referral/` },
          });
          return error ? authProblem(error) : null;
        }}
        sent={(email) => (
          <div className="govuk-inset-text" role="status">
            <p className="govuk-body">
              If {email} is on a referral, we have sent it a link. Open the link on this device to see your referral. It works once and for
              one hour.
            </p>
          </div>
        )}
      />
      <h2 className="govuk-heading-m">Not sent a referral yet?</h2>
      <p className="govuk-body">
        <a className="govuk-link" href="/refer/">
          Ask a link worker for help
        </a>
      </p>
    </>
  );
}
