import { useEffect, useState, type FormEvent } from 'react';
import { CharacterCount } from '../govuk/CharacterCount.tsx';
import { ErrorSummary } from '../govuk/ErrorSummary.tsx';
import { Panel } from '../govuk/Panel.tsx';
import { TextInput } from '../govuk/TextInput.tsx';
import { Honeypot } from '../referral/Honeypot.tsx';
import { reportLimits, type FieldProblem } from '../../lib/curation/report-fields.ts';
import type { SupabaseConnection } from '../../lib/supabase-session.ts';
import { sendReport } from './send.ts';

/** "Suggest a group": a community group, charity or service the directory is missing. */
export default function SuggestGroup({ connection }: { connection: SupabaseConnection }) {
  const [answers, setAnswers] = useState({
    group_name: '',
    group_description: '',
    group_where: '',
    group_contact: '',
    note: '',
    email: '',
  });
  const [website, setWebsite] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const set = (field: keyof typeof answers) => (value: string) => setAnswers((a) => ({ ...a, [field]: value }));
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;

  useEffect(() => {
    if (sent) document.title = 'Suggestion sent – Signpost';
  }, [sent]);

  if (sent)
    return (
      <>
        <Panel title="Suggestion sent">Thank you for telling us about {answers.group_name.trim()}</Panel>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          Someone from the directory team will check the group with its organisers before it is listed.
          {answers.email.trim() ? ' We will email you when they have decided.' : ''}
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Back to Signpost
          </a>
        </p>
      </>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setFailure('');
    const outcome = await sendReport(connection, { kind: 'suggestion', ...answers, website });
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
      <ErrorSummary errors={problems.map((p) => ({ href: `#${p.field}`, text: p.message }))} />
      <h1 className="govuk-heading-l">Suggest a group</h1>
      <p className="govuk-body">
        Tell us about a local group, charity or service that is not in the directory. The directory team checks every suggestion before it
        is listed.
      </p>
      <TextInput
        id="group_name"
        label="Name of the group"
        value={answers.group_name}
        onValue={set('group_name')}
        error={errorOf('group_name')}
      />
      <CharacterCount
        id="group_description"
        label="What does the group do?"
        hint="Who it is for, and what happens there"
        maxLength={reportLimits.groupDescription}
        value={answers.group_description}
        onValue={set('group_description')}
        error={errorOf('group_description')}
      />
      <TextInput
        id="group_where"
        label="Where and when does it meet? (optional)"
        value={answers.group_where}
        onValue={set('group_where')}
        error={errorOf('group_where')}
      />
      <TextInput
        id="group_contact"
        label="How can people contact the group? (optional)"
        hint="A public phone number, email address or website of the group, not a person’s own details"
        value={answers.group_contact}
        onValue={set('group_contact')}
        error={errorOf('group_contact')}
      />
      <TextInput
        id="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        label="Your email address (optional)"
        hint="Only if you want us to tell you what we decided. We use it for nothing else."
        value={answers.email}
        onValue={set('email')}
        error={errorOf('email')}
      />
      <Honeypot value={website} onValue={setWebsite} />
      {failure && (
        <div className="govuk-error-summary" role="alert">
          <p className="govuk-body">{failure}</p>
        </div>
      )}
      <button type="submit" className="govuk-button" disabled={sending}>
        {sending ? 'Sending…' : 'Send suggestion'}
      </button>
    </form>
  );
}
