import { useState } from 'react';
import { Textarea } from '../govuk/Textarea.tsx';

interface Props {
  reference: string;
  withdraw: (reason: string) => Promise<string | null>;
}

/** Withdrawing asks once more, as GOV.UK does for anything that cannot be undone from here. */
export function Withdraw({ reference, withdraw }: Props) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!asking)
    return (
      <section aria-labelledby="withdraw-heading">
        <h2 className="govuk-heading-m" id="withdraw-heading">
          If you no longer want help
        </h2>
        <p className="govuk-body">You can withdraw your referral. The team will not contact you about it again.</p>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAsking(true)}>
          Withdraw your referral
        </button>
      </section>
    );
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(await withdraw(reason));
    setBusy(false);
  };
  return (
    <section aria-labelledby="withdraw-heading">
      <h2 className="govuk-heading-m" id="withdraw-heading" tabIndex={-1} ref={(el) => el?.focus()}>
        Are you sure you want to withdraw referral {reference}?
      </h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          You cannot undo this. If you want help later, you will need to refer yourself again.
        </strong>
      </div>
      {problem && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <Textarea id="withdraw-reason" label="Would you like to tell us why? (optional)" value={reason} onValue={setReason} />
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          onClick={() => void confirm()}
          aria-disabled={busy || undefined}
        >
          Yes, withdraw my referral
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAsking(false)}>
          No, keep it
        </button>
      </div>
    </section>
  );
}
