import { useState, type FormEvent } from 'react';
import { problemTypes, problemTypeValues, sendListingReport, type FieldProblem } from '../../../lib/curation/report.ts';
import { searchServices } from '../../../lib/curation/listings.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { ErrorSummary } from '../ErrorSummary.tsx';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';
import { Options, Problem, TextArea } from './fields.tsx';

/** Any member of staff flags a listing that is wrong, the way residents report one; curators decide. */
export default function FlagListing({ client, ensureSession }: { client: SessionClient; ensureSession: () => Promise<boolean> }) {
  const [words, setWords] = useState('');
  const [found, setFound] = useState<{ id: string; name: string }[]>();
  const [chosen, setChosen] = useState<{ id: string; name: string }>();
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [sent, setSent] = useState(false);
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;

  async function search(event: FormEvent) {
    event.preventDefault();
    if (!(await ensureSession())) return;
    try {
      setFound((await searchServices(client, words)).filter((s) => s.published));
    } catch (e) {
      setFailure((e as Error).message);
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !(await ensureSession())) return;
    const outcome = await sendListingReport(client, {
      kind: 'problem',
      service_id: chosen.id,
      problem: problem as (typeof problemTypeValues)[number],
      note,
      email: '',
      website: '',
    });
    if (outcome.kind === 'sent') setSent(true);
    else if (outcome.kind === 'invalid') setProblems(outcome.problems);
    else setFailure(outcome.message);
  }

  if (sent && chosen)
    return (
      <>
        <Heading title="Listing flagged">Listing flagged</Heading>
        <p>Thank you. A curator will check {chosen.name} and correct it.</p>
        <p>
          <a href="#">Back to the workspace home</a>
        </p>
      </>
    );

  return (
    <>
      <ErrorSummary
        errors={problems.map((p) => ({ field: p.field === 'problem' ? 'flag-problem' : `flag-${p.field}`, message: p.message }))}
      />
      <Heading title="Flag a problem with a listing">Flag a problem with a listing</Heading>
      <p>
        <a href="#">Back to the workspace home</a>
      </p>
      <Problem message={failure} />
      {!chosen ? (
        <>
          <form onSubmit={(e) => void search(e)} role="search">
            <TextField id="flag-words" label="Name of the listing" value={words} onChange={setWords} />
            <button type="submit" className="button">
              Find listings
            </button>
          </form>
          {found && found.length === 0 && <p role="status">No published listing has that in its name.</p>}
          {found && found.length > 0 && (
            <ul aria-label="Listings found">
              {found.map((s) => (
                <li key={s.id}>
                  <button type="button" className="link-button" onClick={() => setChosen(s)}>
                    Flag {s.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <form noValidate onSubmit={(e) => void send(e)}>
          <p>
            Listing: <strong>{chosen.name}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setChosen(undefined)}>
              Choose another listing
            </button>
          </p>
          <Options
            id="flag-problem"
            legend="What is wrong?"
            type="radio"
            error={errorOf('problem')}
            options={problemTypeValues.map((v) => ({ value: v, label: problemTypes[v].label }))}
            checked={(v) => problem === v}
            onToggle={(v) => setProblem(v)}
          />
          <TextArea
            id="flag-note"
            label="What you know (optional unless something else)"
            value={note}
            onChange={setNote}
            error={errorOf('note')}
          />
          <button type="submit" className="button">
            Send to the curators
          </button>
        </form>
      )}
    </>
  );
}
