import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import {
  loadWellbeing,
  recordWellbeing,
  typedScoreSchema,
  wellbeingChange,
  wellbeingQuestions,
  wellbeingScale,
  type Scores,
  type Wellbeing,
  type WellbeingKey,
  type WellbeingStage,
} from '../../../lib/casework/wellbeing.ts';
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

const fieldId = (key: string) => `wellbeing-${key.replace(/_/g, '-')}`;
const emptyScores: Record<WellbeingKey, string> = { life_satisfaction: '', worthwhile: '', happiness: '', anxiety: '' };
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * ONS4 personal wellbeing on a referral's record: the four questions asked at the start and at
 * review, each 0 to 10, and how each answer has moved (for anxiety, lower is better). Staff only:
 * the person's page does not show the scores.
 */
export default function WellbeingPanel({ client, referralId, ensureSession }: Props) {
  const [records, setRecords] = useState<Wellbeing[]>();
  const [problem, setProblem] = useState<string>();
  const [scores, setScores] = useState(emptyScores);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string>();

  const reload = useCallback(async () => {
    try {
      setRecords(await loadWellbeing(client, referralId));
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [client, referralId]);
  useEffect(() => void reload(), [reload]);

  const stage: WellbeingStage = records?.some((r) => r.stage === 'start') ? 'review' : 'start';

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setConfirmation(undefined);
    const problems: FieldError[] = [];
    const parsed: Partial<Scores> = {};
    for (const { key, short } of wellbeingQuestions) {
      const result = typedScoreSchema.safeParse(scores[key]);
      if (result.success) parsed[key] = result.data;
      else problems.push({ field: fieldId(key), message: `${short}: ${result.error.issues[0]!.message}` });
    }
    if (problems.length) return setErrors(problems);
    setBusy(true);
    const saved = await guarded(ensureSession, () => recordWellbeing(client, referralId, stage, parsed as Scores));
    setBusy(false);
    if (!saved.ok) {
      if (saved.error) setErrors([{ field: fieldId(saved.error.field ?? 'life_satisfaction'), message: saved.error.message }]);
      return;
    }
    setErrors([]);
    setScores(emptyScores);
    setConfirmation(stage === 'start' ? 'Wellbeing at the start recorded.' : 'Wellbeing at review recorded.');
    await reload();
  }

  const change = records ? wellbeingChange(records) : null;
  const start = records?.find((r) => r.stage === 'start');
  const reviews = records?.filter((r) => r.stage === 'review') ?? [];
  return (
    <section className="casework-panel" aria-labelledby="wellbeing-heading">
      <h2 id="wellbeing-heading">Wellbeing</h2>
      {problem && <p className="error-message">{problem}</p>}
      {!records && !problem && <p role="status">Loading wellbeing…</p>}
      {records && records.length === 0 && <p>No answers recorded yet. Ask the four questions at the start, and again at review.</p>}
      {records && start && (
        <table className="casework-table">
          <caption>ONS4 personal wellbeing, 0 to 10</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col" className="numeric">
                Start ({day(start.recorded_at)})
              </th>
              {reviews.length > 0 && (
                <>
                  <th scope="col" className="numeric">
                    Latest review ({day(reviews.at(-1)!.recorded_at)})
                  </th>
                  <th scope="col">Change</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {wellbeingQuestions.map(({ key, short, lowerIsBetter }) => {
              const moved = change?.find((c) => c.key === key);
              return (
                <tr key={key}>
                  <th scope="row">
                    {short}
                    {lowerIsBetter && <span className="hint"> Lower is better</span>}
                  </th>
                  <td className="numeric">{start[key]}</td>
                  {moved && (
                    <>
                      <td className="numeric">{moved.latest}</td>
                      <td>
                        {moved.direction === 'same'
                          ? 'No change'
                          : `${signed(moved.difference)}, ${moved.direction === 'better' ? 'better' : 'worse'}`}
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorSummary errors={errors} id="wellbeing-error-summary" />
      <div role="status">{confirmation && <p className="casework-confirm">{confirmation}</p>}</div>
      {records && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h3>{stage === 'start' ? 'Record wellbeing at the start' : 'Record wellbeing at review'}</h3>
          <p className="hint">Read each question as written. {wellbeingScale}.</p>
          {wellbeingQuestions.map(({ key, text }) => (
            <TextField
              key={key}
              id={fieldId(key)}
              label={text}
              hint="A number from 0 to 10"
              inputMode="numeric"
              autoComplete="off"
              className="casework-width-2"
              value={scores[key]}
              onChange={(value) => setScores((s) => ({ ...s, [key]: value }))}
              error={errorFor(errors, fieldId(key))}
            />
          ))}
          <button type="submit" className="button" disabled={busy}>
            {stage === 'start' ? 'Record answers at the start' : 'Record answers at review'}
          </button>
        </form>
      )}
    </section>
  );
}
