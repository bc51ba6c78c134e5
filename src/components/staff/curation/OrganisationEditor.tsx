import { useEffect, useState, type FormEvent } from 'react';
import { CurationError, loadOrganisations, saveOrganisation } from '../../../lib/curation/listings.ts';
import type { FieldProblem } from '../../../lib/curation/report.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { ErrorSummary } from '../ErrorSummary.tsx';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';
import { Problem, TextArea } from './fields.tsx';

const empty = { name: '', description: '', email: '', url: '' };

/** Create or edit an organisation that runs services. */
export default function OrganisationEditor({
  client,
  organisationId,
  ensureSession,
}: {
  client: SessionClient;
  organisationId: string;
  ensureSession: () => Promise<boolean>;
}) {
  const isNew = organisationId === 'new';
  const [fields, setFields] = useState(empty);
  const [loaded, setLoaded] = useState(isNew);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    if (isNew) return;
    loadOrganisations(client).then(
      (all) => {
        const o = all.find((x) => x.id === organisationId);
        if (!o) return setFailure('That organisation does not exist.');
        setFields({ name: o.name, description: o.description ?? '', email: o.email ?? '', url: o.url ?? '' });
        setLoaded(true);
      },
      (e: Error) => setFailure(e.message),
    );
  }, [client, organisationId, isNew]);

  const set = (field: keyof typeof empty) => (value: string) => setFields((f) => ({ ...f, [field]: value }));
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!(await ensureSession())) return;
    setProblems([]);
    setFailure(undefined);
    try {
      const saved = await saveOrganisation(client, { id: isNew ? crypto.randomUUID() : organisationId, ...fields }, isNew);
      setSaved(saved.name);
      if (isNew) window.location.hash = `#curation/organisation/${saved.id}`;
    } catch (error) {
      if (error instanceof CurationError && error.problems.length) setProblems(error.problems);
      else setFailure((error as Error).message);
    }
  }

  const title = isNew ? 'Add an organisation' : `Edit ${fields.name || 'organisation'}`;
  return (
    <>
      <ErrorSummary errors={problems.map((p) => ({ field: `organisation-${p.field}`, message: p.message }))} />
      <Heading title={isNew ? 'Add an organisation' : 'Edit an organisation'}>{title}</Heading>
      <p>
        <a href="#curation/listings">Back to listings</a>
      </p>
      <Problem message={failure} />
      {saved && (
        <p className="notice" role="status">
          {saved} is saved. Choose it under “Run by” on a listing.
        </p>
      )}
      {loaded && (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextField id="organisation-name" label="Name" value={fields.name} onChange={set('name')} error={errorOf('name')} />
          <TextArea
            id="organisation-description"
            label="What it does (optional)"
            value={fields.description}
            onChange={set('description')}
          />
          <TextField
            id="organisation-email"
            label="Email (optional)"
            value={fields.email}
            onChange={set('email')}
            error={errorOf('email')}
          />
          <TextField id="organisation-url" label="Website (optional)" value={fields.url} onChange={set('url')} error={errorOf('url')} />
          <button type="submit" className="button">
            {isNew ? 'Add the organisation' : 'Save the organisation'}
          </button>
        </form>
      )}
    </>
  );
}
