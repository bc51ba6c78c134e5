import { useState, type SubmitEvent } from 'react';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { addCaseNote, type CaseNote, caseNoteBodySchema } from '../../../lib/workspace/record.ts';
import { shortDateTime } from '../../../lib/workspace/words.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Textarea } from '../../govuk/Textarea.tsx';
import { useSave } from './use-save.ts';

interface Props {
  client: SessionClient;
  referralId: string;
  authorId: string;
  notes: CaseNote[];
  names: Map<string, string>;
  ensureSession: () => Promise<boolean>;
  onSaved: (message: string) => void;
}

/** Staff-only notes: apart from the messages, and never shown to the person (row level security). */
export function CaseNotes({ client, referralId, authorId, notes, names, ensureSession, onSaved }: Props) {
  const [body, setBody] = useState('');
  const { errors, setErrors, busy, save, errorFor } = useSave(ensureSession, { body: 'case-note' }, 'case-note');

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = caseNoteBodySchema.safeParse(body);
    if (!parsed.success) return setErrors([{ href: '#case-note', text: parsed.error.issues[0]!.message }]);
    if (await save(() => addCaseNote(client, referralId, authorId, parsed.data))) {
      setBody('');
      onSaved('Case note added');
    }
  }

  return (
    <>
      {notes.length === 0 ? (
        <p className="govuk-body">No case notes yet.</p>
      ) : (
        notes.map((n) => (
          <div className="record-note" key={n.id}>
            <p className="govuk-body-s">
              <strong>{names.get(n.author_id ?? '') ?? 'Staff'}</strong>, <time dateTime={n.created_at}>{shortDateTime(n.created_at)}</time>
            </p>
            <p className="govuk-body">{n.body}</p>
          </div>
        ))
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={errors} />
        <Textarea
          id="case-note"
          label="Add a case note"
          hint="Only staff working on this referral see case notes. The person never does."
          error={errorFor('case-note')}
          value={body}
          onValue={setBody}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
          Add case note
        </button>
      </form>
    </>
  );
}
