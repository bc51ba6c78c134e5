import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { loadBalances, loadSpends, recordSpend, spendInputSchema, type FundEntry, type TeamFund } from '../../../lib/casework/fund.ts';
import { formatPounds, parsePounds } from '../../../lib/casework/money.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { guarded } from '../casework/guarded.ts';
import '../casework/casework.css';
import { ErrorSummary, errorFor, type FieldError } from '../ErrorSummary.tsx';
import { TextField } from '../TextField.tsx';

interface Props {
  client: SessionClient;
  referralId: string;
  ensureSession: () => Promise<boolean>;
}

const fields: Record<string, string> = {
  amount_pence: 'spend-amount',
  purpose: 'spend-purpose',
  supplier: 'spend-supplier',
  approved_by: 'spend-approved-by',
};
const empty = { amount: '', purpose: '', supplier: '', approvedBy: '' };
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });

/**
 * Practical-help spend on a referral's record: what was spent on this person from a team's fund
 * (same-day help such as clearing a home or fitting grab rails), and a form for a link worker to
 * record a spend. The database refuses a spend beyond the team's balance; the person does not see spend.
 */
export default function SpendPanel({ client, referralId, ensureSession }: Props) {
  const [spends, setSpends] = useState<FundEntry[]>();
  const [funds, setFunds] = useState<TeamFund[]>([]);
  const [problem, setProblem] = useState<string>();
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string>();

  const reload = useCallback(async () => {
    try {
      const [entries, balances] = await Promise.all([loadSpends(client, referralId), loadBalances(client)]);
      setSpends(entries);
      setFunds(balances);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [client, referralId]);
  useEffect(() => void reload(), [reload]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setConfirmation(undefined);
    const amount = parsePounds(form.amount);
    const parsed = spendInputSchema.safeParse({
      amount_pence: amount.ok ? amount.pence : 1,
      purpose: form.purpose,
      supplier: form.supplier,
      approved_by: form.approvedBy,
    });
    const problems: FieldError[] = [
      ...(amount.ok ? [] : [{ field: fields.amount_pence!, message: amount.message }]),
      ...(parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ field: fields[String(i.path[0])] ?? 'spend-amount', message: i.message }))),
    ];
    if (problems.length || !parsed.success) return setErrors(problems);
    setBusy(true);
    const saved = await guarded(ensureSession, () => recordSpend(client, referralId, parsed.data));
    setBusy(false);
    if (!saved.ok) {
      if (saved.error) setErrors([{ field: fields[saved.error.field ?? ''] ?? 'spend-amount', message: saved.error.message }]);
      return;
    }
    setErrors([]);
    setForm(empty);
    setConfirmation(
      `Spend of ${formatPounds(saved.value.amount_pence)} recorded. The fund now holds ${formatPounds(saved.value.balance_pence)}.`,
    );
    await reload();
  }

  const total = spends?.reduce((sum, s) => sum + s.amount_pence, 0) ?? 0;
  const set = (key: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <section className="casework-panel" aria-labelledby="spend-heading">
      <h2 id="spend-heading">Practical-help spend</h2>
      {problem && <p className="error-message">{problem}</p>}
      {!spends && !problem && <p role="status">Loading spend…</p>}
      {spends && spends.length === 0 && <p>Nothing spent on this referral yet.</p>}
      {spends && spends.length > 0 && (
        <table className="casework-table">
          <caption>Spent on this referral: {formatPounds(total)}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What for</th>
              <th scope="col">Supplier</th>
              <th scope="col">Approved by</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {spends.map((s) => (
              <tr key={s.id}>
                <td>{day(s.recorded_at)}</td>
                <td>{s.purpose}</td>
                <td>{s.supplier}</td>
                <td>{s.approved_by}</td>
                <td className="numeric">{formatPounds(s.amount_pence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {funds.length === 1 && (
        <p>
          Your team’s fund holds <strong>{formatPounds(funds[0]!.balance_pence)}</strong>. <a href="#team-fund">See the team fund</a>
        </p>
      )}
      <ErrorSummary errors={errors} id="spend-error-summary" />
      <div role="status">{confirmation && <p className="casework-confirm">{confirmation}</p>}</div>
      {spends && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h3>Record a spend from your team’s fund</h3>
          <TextField
            id="spend-amount"
            label="Amount"
            hint="In pounds, for example £45 or £45.00"
            inputMode="decimal"
            autoComplete="off"
            className="casework-width-money"
            value={form.amount}
            onChange={set('amount')}
            error={errorFor(errors, 'spend-amount')}
          />
          <TextField
            id="spend-purpose"
            label="What the money was for"
            hint="For example, clearing the hallway so the person can come home"
            value={form.purpose}
            onChange={set('purpose')}
            error={errorFor(errors, 'spend-purpose')}
          />
          <TextField
            id="spend-supplier"
            label="Who was paid (supplier)"
            value={form.supplier}
            onChange={set('supplier')}
            error={errorFor(errors, 'spend-supplier')}
          />
          <TextField
            id="spend-approved-by"
            label="Approved by"
            hint="The name of the person who approved the spend"
            value={form.approvedBy}
            onChange={set('approvedBy')}
            error={errorFor(errors, 'spend-approved-by')}
          />
          <button type="submit" className="button" disabled={busy}>
            Record spend
          </button>
        </form>
      )}
    </section>
  );
}
