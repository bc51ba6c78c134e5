import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import {
  loadBalances,
  loadTeamEntries,
  topUp,
  topUpInputSchema,
  type TeamEntry,
  type TeamFund as Balance,
} from '../../../lib/casework/fund.ts';
import { formatPounds, parsePounds } from '../../../lib/casework/money.ts';
import type { StaffProfile } from '../../../lib/staff/profile.ts';
import { loadTeams, type TeamChoice } from '../../../lib/staff/teams.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { guarded } from '../casework/guarded.ts';
import '../casework/casework.css';
import { ErrorSummary, errorFor, type FieldError } from '../ErrorSummary.tsx';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';

interface Props {
  client: SessionClient;
  profile: StaffProfile;
  ensureSession: () => Promise<boolean>;
}

const fields: Record<string, string> = {
  team_id: 'top-up-team',
  amount_pence: 'top-up-amount',
  purpose: 'top-up-purpose',
  approved_by: 'top-up-approved-by',
};
const empty = { amount: '', purpose: '', approvedBy: '' };
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });

/**
 * The team's practical-help fund: its balance, top-ups and spends. Coordinators top up their own
 * team's fund and admins any team's; link workers see their team's and record spends on a
 * referral's record.
 */
export default function TeamFund({ client, profile, ensureSession }: Props) {
  const admin = profile.role === 'admin';
  const [teams, setTeams] = useState<TeamChoice[]>([]);
  const [teamId, setTeamId] = useState(profile.team?.id ?? '');
  const [balances, setBalances] = useState<Balance[]>();
  const [entries, setEntries] = useState<TeamEntry[]>();
  const [problem, setProblem] = useState<string>();
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string>();

  const reload = useCallback(async () => {
    try {
      const [b, e] = await Promise.all([loadBalances(client), teamId ? loadTeamEntries(client, teamId) : Promise.resolve([])]);
      setBalances(b);
      setEntries(e);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [client, teamId]);
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    if (admin) loadTeams(client).then(setTeams, (error: Error) => setProblem(error.message));
  }, [admin, client]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setConfirmation(undefined);
    const amount = parsePounds(form.amount);
    const parsed = topUpInputSchema.safeParse({
      team_id: teamId,
      amount_pence: amount.ok ? amount.pence : 1,
      purpose: form.purpose,
      approved_by: form.approvedBy,
    });
    const problems: FieldError[] = [
      ...(amount.ok ? [] : [{ field: fields.amount_pence!, message: amount.message }]),
      ...(parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ field: fields[String(i.path[0])] ?? 'top-up-amount', message: i.message }))),
    ];
    if (problems.length || !parsed.success) return setErrors(problems);
    setBusy(true);
    const saved = await guarded(ensureSession, () => topUp(client, parsed.data));
    setBusy(false);
    if (!saved.ok) {
      if (saved.error) setErrors([{ field: fields[saved.error.field ?? ''] ?? 'top-up-amount', message: saved.error.message }]);
      return;
    }
    setErrors([]);
    setForm(empty);
    setConfirmation(
      `Top-up of ${formatPounds(saved.value.amount_pence)} recorded. The fund now holds ${formatPounds(saved.value.balance_pence)}.`,
    );
    await reload();
  }

  const mayTopUp = admin || profile.role === 'coordinator';
  const balance = balances?.find((b) => b.team_id === teamId)?.balance_pence ?? 0;
  const teamName = admin ? teams.find((t) => t.id === teamId)?.name : profile.team?.name;
  const set = (key: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <>
      <p>
        <a className="back-link" href="#">
          Back
        </a>
      </p>
      <Heading title="Practical-help fund">Practical-help fund</Heading>
      <p>
        Money for same-day practical help (clearing a home, minor repairs, grab rails, furniture removal), so that nothing waits on a
        budget.
      </p>
      {problem && <p className="error-message">{problem}</p>}
      {!admin && !profile.team && <p>You are not in a team, so there is no fund to show.</p>}
      {admin && (
        <div className="form-group">
          <label className="label" htmlFor="top-up-team">
            Team
          </label>
          <select id="top-up-team" className="select" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
            <option value="">Choose a team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {balances?.some((b) => b.team_id === t.id)
                  ? ` (${formatPounds(balances.find((b) => b.team_id === t.id)!.balance_pence)})`
                  : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {teamId && balances && (
        <p>
          {teamName ? `${teamName}’s fund holds` : 'The fund holds'} <span className="casework-balance">{formatPounds(balance)}</span>
        </p>
      )}
      <ErrorSummary errors={errors} id="top-up-error-summary" />
      <div role="status">{confirmation && <p className="casework-confirm">{confirmation}</p>}</div>
      {mayTopUp && teamId && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2>Top up the fund</h2>
          <TextField
            id="top-up-amount"
            label="Amount"
            hint="In pounds, for example £500 or £500.00"
            inputMode="decimal"
            autoComplete="off"
            className="casework-width-money"
            value={form.amount}
            onChange={set('amount')}
            error={errorFor(errors, 'top-up-amount')}
          />
          <TextField
            id="top-up-purpose"
            label="Where the money comes from"
            hint="For example, council grant for December"
            value={form.purpose}
            onChange={set('purpose')}
            error={errorFor(errors, 'top-up-purpose')}
          />
          <TextField
            id="top-up-approved-by"
            label="Approved by (optional)"
            value={form.approvedBy}
            onChange={set('approvedBy')}
            error={errorFor(errors, 'top-up-approved-by')}
          />
          <button type="submit" className="button" disabled={busy}>
            Top up
          </button>
        </form>
      )}
      {entries && teamId && (
        <>
          <h2>{admin ? 'Top-ups' : 'Top-ups and spends'}</h2>
          {entries.length === 0 ? (
            <p>Nothing recorded yet.</p>
          ) : (
            <table className="casework-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Entry</th>
                  <th scope="col">Details</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{day(e.recorded_at)}</td>
                    <td>
                      {e.kind === 'top_up' ? (
                        'Top-up'
                      ) : e.referral ? (
                        <>
                          Spend on <a href={`#referral/${e.referral_id}`}>{e.referral.reference}</a>
                        </>
                      ) : (
                        'Spend'
                      )}
                    </td>
                    <td>
                      {e.purpose}
                      {e.supplier && `, paid to ${e.supplier}`}
                      {e.approved_by && ` (approved by ${e.approved_by})`}
                    </td>
                    <td className="numeric">{e.kind === 'spend' ? `−${formatPounds(e.amount_pence)}` : formatPounds(e.amount_pence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
