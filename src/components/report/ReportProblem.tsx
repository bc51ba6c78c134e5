import { useEffect, useState, type FormEvent } from 'react';
import { CharacterCount } from '../govuk/CharacterCount.tsx';
import { Choices } from '../govuk/Choices.tsx';
import { ErrorSummary } from '../govuk/ErrorSummary.tsx';
import { Panel } from '../govuk/Panel.tsx';
import { TextInput } from '../govuk/TextInput.tsx';
import { Honeypot } from '../referral/Honeypot.tsx';
import { problemTypes, problemTypeValues, reportLimits, type FieldProblem } from '../../lib/curation/report-fields.ts';
import type { SupabaseConnection } from '../../lib/supabase-session.ts';
import { sendReport } from './send.ts';

type Listing = { state: 'loading' } | { state: 'found'; id: string; name: string } | { state: 'missing' };

/** The listing named in the address (?service=<id>), read from the open-data file the build wrote for it. */
async function findListing(): Promise<Listing> {
  const id = new URLSearchParams(window.location.search).get('service');
  if (!id) return { state: 'missing' };
  try {
    const response = await fetch(`/oruk/services/${encodeURIComponent(id)}.json`);
    if (!response.ok) return { state: 'missing' };
    const { name } = (await response.json()) as { name: string };
    return { state: 'found', id, name };
  } catch {
    return { state: 'missing' };
  }
}

/** "Report a problem with this listing": what is wrong, a note, and an address for the outcome if the person wants it. */
export default function ReportProblem({ connection }: { connection: SupabaseConnection }) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const [email, setEmail] = useState('');
  const [website, setWebsite] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    void findListing().then(setListing);
  }, []);

  useEffect(() => {
    if (sent) document.title = 'Report sent – Signpost';
  }, [sent]);

  // The page keeps its heading while the listing is looked up, as the fallback before it did.
  if (listing.state === 'loading')
    return (
      <>
        <h1 className="govuk-heading-l">Report a problem with a listing</h1>
        <p className="govuk-body">Finding the listing…</p>
      </>
    );
  if (listing.state === 'missing')
    return (
      <>
        <h1 className="govuk-heading-l">We could not find that listing</h1>
        <p className="govuk-body">
          Go back to the service’s page and choose “Report a problem with this listing” again, or{' '}
          <a className="govuk-link" href="/services/">
            find the service from A to Z
          </a>
          .
        </p>
      </>
    );
  if (sent)
    return (
      <>
        <Panel title="Report sent">Thank you for helping keep the directory right</Panel>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          Someone from the directory team will check the listing for {listing.name} and correct it if it is wrong.
          {email.trim() ? ' We will email you when they have decided.' : ''}
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/services/${encodeURIComponent(listing.id)}/`}>
            Back to {listing.name}
          </a>
        </p>
      </>
    );

  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending || listing.state !== 'found') return;
    setSending(true);
    setFailure('');
    const outcome = await sendReport(connection, {
      kind: 'problem',
      service_id: listing.id,
      problem: problem as (typeof problemTypeValues)[number],
      note,
      email,
      website,
    });
    setSending(false);
    if (outcome.kind === 'sent') setSent(true);
    else if (outcome.kind === 'invalid') setProblems(outcome.problems);
    else {
      setProblems([]);
      setFailure(outcome.message);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary errors={problems.map((p) => ({ href: `#${p.field === 'service_id' ? 'problem' : p.field}`, text: p.message }))} />
      <span className="govuk-caption-l">{listing.name}</span>
      <h1 className="govuk-heading-l">Report a problem with this listing</h1>
      <p className="govuk-body">Tell us what is wrong and the directory team will check it. You do not need to give your name.</p>
      <Choices
        kind="radios"
        id="problem"
        legend="What is wrong?"
        size="m"
        error={errorOf('problem') ?? errorOf('service_id')}
        value={problem}
        onValue={setProblem}
        choices={problemTypeValues.map((value) => ({ value, label: problemTypes[value].label, hint: problemTypes[value].hint }))}
      />
      <CharacterCount
        id="note"
        label="Tell us more"
        hint="Optional, unless you chose ‘Something else’. For example, the right days and times, address or phone number. Do not include anything personal about yourself."
        maxLength={reportLimits.note}
        value={note}
        onValue={setNote}
        error={errorOf('note')}
      />
      <TextInput
        id="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        label="Email address (optional)"
        hint="Only if you want us to tell you what we did. We use it for nothing else."
        value={email}
        onValue={setEmail}
        error={errorOf('email')}
      />
      <Honeypot value={website} onValue={setWebsite} />
      {failure && (
        <div className="govuk-error-summary" role="alert">
          <p className="govuk-body">{failure}</p>
        </div>
      )}
      <button type="submit" className="govuk-button" disabled={sending}>
        {sending ? 'Sending…' : 'Send report'}
      </button>
    </form>
  );
}
