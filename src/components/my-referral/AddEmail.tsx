import type { SupabaseClient } from '@supabase/supabase-js';
import type { Api } from './data.ts';
import { EmailForm } from './EmailForm.tsx';

/**
 * "Add your email to come back later": turns the anonymous session that sent the referral into a
 * permanent account with the same id, once the person opens the link in the mail.
 */
export function AddEmail({ supabase, api }: { supabase: SupabaseClient; api: Api }) {
  return (
    <section aria-labelledby="add-email-heading">
      <h2 className="govuk-heading-m" id="add-email-heading">
        Add your email to come back later
      </h2>
      <p className="govuk-body">
        At the moment only this browser on this device can open this page. Add your email address and you can come back to it from any
        device. We use it only to sign you in and to tell you when your link worker sends a message; the emails never say anything about
        your referral.
      </p>
      <EmailForm
        id="add-email"
        label="Email address"
        hint="We will email you a link to confirm it is yours"
        check={api.emailProblem}
        button="Add email address"
        send={async (email) => {
          try {
            await api.addEmailToComeBack(supabase, email, `${location.origin}/my-referral/`);
            return null;
          } catch (error) {
            return (error as Error).message;
          }
        }}
        sent={(email) => (
          <div className="govuk-inset-text" role="status">
            <p className="govuk-body">
              We have sent a link to {email}. Open it to confirm the address. After that, you can come back to this page from any device:
              choose “Email me a sign-in link” and open the link we send.
            </p>
          </div>
        )}
      />
    </section>
  );
}
