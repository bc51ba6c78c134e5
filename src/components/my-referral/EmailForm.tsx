import { useState, type ReactNode, type SubmitEvent } from 'react';
import { ErrorSummary } from '../govuk/ErrorSummary.tsx';
import { WaitingControls } from '../govuk/WaitingControls.tsx';
import { TextInput } from '../govuk/TextInput.tsx';

interface Props {
  id: string;
  label: string;
  hint: string;
  button: string;
  /** Sends the mail; resolves to an error message to show, or null when sent. */
  send: (email: string) => Promise<string | null>;
  /** The problem with an address as typed, or null (email-address.ts, loaded with the page's data code). */
  check: (email: string) => string | null;
  sent: (email: string) => ReactNode;
  /** Shown but not yet usable (the page's code is still loading). */
  disabled?: boolean;
}

/** An email address, checked, then a mail sent: for signing in by magic link and for adding an email to an account. */
export function EmailForm({ id, label, hint, button, send, check, sent, disabled = false }: Props) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (done) return <>{sent(done)}</>;
  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problem = check(email);
    setError(problem);
    if (problem) return;
    setBusy(true);
    const failed = await send(email.trim());
    setBusy(false);
    if (failed) setError(failed);
    else setDone(email.trim());
  };
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary errors={error ? [{ href: `#${id}`, text: error }] : []} />
      <WaitingControls waiting={disabled}>
        <TextInput
          id={id}
          name="email"
          label={label}
          hint={hint}
          type="email"
          autoComplete="email"
          spellCheck={false}
          error={error ?? undefined}
          value={email}
          onValue={setEmail}
        />
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          {busy ? 'Sending…' : button}
        </button>
      </WaitingControls>
    </form>
  );
}
