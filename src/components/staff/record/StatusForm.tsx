import { useState, type SubmitEvent } from 'react';
import type { ReferralStatus } from '../../../lib/referrals/schema.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { moveReferral } from '../../../lib/workspace/record.ts';
import { nextStatuses, type Outcome, outcomes, outcomeWords, staffStatusWords } from '../../../lib/workspace/words.ts';
import { Choices } from '../../govuk/Choices.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Select } from '../../govuk/Select.tsx';
import { Textarea } from '../../govuk/Textarea.tsx';
import { useSave } from './use-save.ts';

interface Props {
  client: SessionClient;
  referralId: string;
  status: ReferralStatus;
  ensureSession: () => Promise<boolean>;
  onSaved: (message: string) => void;
}

const hints: Partial<Record<ReferralStatus, string>> = {
  triaged: 'The team takes the referral on and will contact the person',
  contacted: 'Someone from the team has spoken with the person',
  active: 'You and the person are working on a plan',
  closed: 'The work with the person has finished',
  declined: 'The team cannot take it on: the person will read your reason',
};

/** Moves the referral along the workflow; the database refuses what the workflow does not allow. */
export function StatusForm({ client, referralId, status, ensureSession, onSaved }: Props) {
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, save, errorFor } = useSave(
    ensureSession,
    { to_status: 'status-to', outcome: 'status-outcome', reason: 'status-reason' },
    'status-to',
  );
  const choices = nextStatuses[status];
  if (!choices.length)
    return <p className="govuk-body">This referral is {staffStatusWords[status].toLowerCase()}: its status cannot change any more.</p>;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!to) return setErrors([{ href: '#status-to', text: 'Choose what the referral’s status should be' }]);
    const target = to as ReferralStatus;
    const saved = await save(() =>
      moveReferral(client, referralId, target, {
        outcome: target === 'closed' ? ((outcome || undefined) as Outcome | undefined) : undefined,
        reason: target === 'declined' ? reason : undefined,
      }),
    );
    if (saved) {
      setTo('');
      setOutcome('');
      setReason('');
      onSaved(`Status changed to ${staffStatusWords[target]}`);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={errors} />
      <Choices
        kind="radios"
        id="status-to"
        legend="Change the status"
        size="s"
        small
        error={errorFor('status-to')}
        value={to}
        onValue={setTo}
        choices={choices.map((s) => ({
          value: s,
          label: staffStatusWords[s],
          hint: hints[s],
          conditional:
            s === 'closed' ? (
              <Select
                id="status-outcome"
                label="Outcome"
                empty="Choose the outcome"
                error={errorFor('status-outcome')}
                value={outcome}
                onValue={setOutcome}
                options={outcomes.map((o) => ({ value: o, label: outcomeWords[o] }))}
              />
            ) : s === 'declined' ? (
              <Textarea
                id="status-reason"
                label="Why the team cannot take it on"
                hint="In plain words: the person reads this on their page. Say where else they can get help."
                error={errorFor('status-reason')}
                value={reason}
                onValue={setReason}
              />
            ) : undefined,
        }))}
      />
      <button type="submit" className="govuk-button" disabled={busy}>
        Save status
      </button>
    </form>
  );
}
