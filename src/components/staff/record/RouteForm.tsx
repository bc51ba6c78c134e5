import { useEffect, useState, type SubmitEvent } from 'react';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { type Colleague, loadRoutingTeams, routeReferral } from '../../../lib/workspace/record.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Select } from '../../govuk/Select.tsx';
import { Textarea } from '../../govuk/Textarea.tsx';
import { useSave } from './use-save.ts';

interface Props {
  client: SessionClient;
  referralId: string;
  pcnId: string;
  teamId: string;
  ensureSession: () => Promise<boolean>;
  onSaved: (message: string) => void;
}

/** A coordinator sends the referral to another team serving the same place, saying why. */
export function RouteForm({ client, referralId, pcnId, teamId, ensureSession, onSaved }: Props) {
  const [teams, setTeams] = useState<Colleague[]>();
  const [team, setTeam] = useState('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, save, errorFor } = useSave(
    ensureSession,
    { to_team: 'route-team', reason: 'route-reason' },
    'route-team',
  );

  useEffect(() => {
    loadRoutingTeams(client, pcnId, teamId).then(setTeams, () => setTeams([]));
  }, [client, pcnId, teamId]);

  if (teams && !teams.length) return <p className="govuk-body">No other team serves this person’s GP practice.</p>;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const missing = [
      ...(team ? [] : [{ href: '#route-team', text: 'Choose the team to send the referral to' }]),
      ...(reason.trim() ? [] : [{ href: '#route-reason', text: 'Say why the referral is going to the other team' }]),
    ];
    if (missing.length) return setErrors(missing);
    if (await save(() => routeReferral(client, referralId, team, reason))) {
      const name = teams?.find((t) => t.id === team)?.name ?? 'the other team';
      setTeam('');
      setReason('');
      onSaved(`Referral routed to ${name}`);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={errors} />
      <Select
        id="route-team"
        label="Team to send it to"
        empty={teams ? 'Choose a team' : 'Loading teams…'}
        error={errorFor('route-team')}
        value={team}
        onValue={setTeam}
        options={(teams ?? []).map((t) => ({ value: t.id, label: t.name }))}
      />
      <Textarea
        id="route-reason"
        label="Why it is going to that team"
        hint="The teams read this; the person does not"
        error={errorFor('route-reason')}
        value={reason}
        onValue={setReason}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
        Route referral
      </button>
    </form>
  );
}
