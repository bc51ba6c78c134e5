import { useState, type SubmitEvent } from 'react';
import { ErrorSummary, type FieldError } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  /** Checks the code; resolves to an error message, or undefined when it was right. */
  verify: (code: string) => Promise<string | undefined>;
  submitLabel: string;
}

/** Asks for the 6-digit code from the authenticator app. */
export function CodeForm({ verify, submitLabel }: Props) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setErrors([
        {
          field: 'code',
          message: digits ? 'Enter the code as 6 digits, like 123456' : 'Enter the 6-digit code from your authenticator app',
        },
      ]);
      return;
    }
    setBusy(true);
    const problem = await verify(digits);
    setBusy(false);
    if (problem) setErrors([{ field: 'code', message: problem }]);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary errors={errors} />
      <TextField
        id="code"
        label="Code from your authenticator app"
        hint="The 6 digits it shows for Signpost now. A new code appears every 30 seconds."
        error={errors[0]?.message}
        value={code}
        onChange={setCode}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        className="input-code"
      />
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
