import { useState, type SubmitEvent } from 'react';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { recordContact } from '../../../lib/workspace/record.ts';
import {
  type ContactMethod,
  contactMethods,
  contactMethodWords,
  type ContactResult,
  contactResults,
  contactResultWords,
} from '../../../lib/workspace/words.ts';
import { Choices } from '../../govuk/Choices.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Select } from '../../govuk/Select.tsx';
import { useSave } from './use-save.ts';

interface Props {
  client: SessionClient;
  referralId: string;
  ensureSession: () => Promise<boolean>;
  onSaved: (message: string) => void;
}

/** Records a contact made or tried; speaking with the person moves a new referral to In contact. */
export function ContactForm({ client, referralId, ensureSession, onSaved }: Props) {
  const [method, setMethod] = useState('');
  const [result, setResult] = useState('');
  const { errors, setErrors, busy, save, errorFor } = useSave(
    ensureSession,
    { method: 'contact-method', result: 'contact-result' },
    'contact-method',
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const missing = [
      ...(method ? [] : [{ href: '#contact-method', text: 'Choose how you contacted the person' }]),
      ...(result ? [] : [{ href: '#contact-result', text: 'Choose what happened' }]),
    ];
    if (missing.length) return setErrors(missing);
    if (await save(() => recordContact(client, referralId, method as ContactMethod, result as ContactResult))) {
      setMethod('');
      setResult('');
      onSaved('Contact recorded');
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={errors} />
      <Select
        id="contact-method"
        label="How"
        empty="Choose how"
        error={errorFor('contact-method')}
        value={method}
        onValue={setMethod}
        options={contactMethods.map((m) => ({ value: m, label: contactMethodWords[m] }))}
      />
      <Choices
        kind="radios"
        id="contact-result"
        legend="What happened"
        size="s"
        small
        error={errorFor('contact-result')}
        value={result}
        onValue={setResult}
        choices={contactResults.map((r) => ({ value: r, label: contactResultWords[r] }))}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
        Record contact
      </button>
    </form>
  );
}
