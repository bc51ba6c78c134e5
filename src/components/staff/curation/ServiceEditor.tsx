import './curation.css';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  archiveService,
  CurationError,
  loadHistory,
  loadOrganisations,
  loadService,
  markChecked,
  restoreServiceField,
  saveSchedules,
  saveService,
  setPublished,
  unlinkPlace,
  type HistoryEntry,
  type ServiceRecord,
} from '../../../lib/curation/listings.ts';
import { draftOf, draftProblems, scheduleOf, type ScheduleDraft } from '../../../lib/curation/schedule-draft.ts';
import type { FieldProblem } from '../../../lib/curation/report.ts';
import { formatDate } from '../../../lib/directory/freshness.ts';
import type { Organization } from '../../../lib/schemas/organization.ts';
import { accessRoutes, attendingTypes, serviceStatuses } from '../../../lib/schemas/service.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { ErrorSummary } from '../ErrorSummary.tsx';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';
import { Options, Problem, Select, TextArea } from './fields.tsx';
import { History } from './History.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

interface Props {
  client: SessionClient;
  serviceId: string;
  curatorEmail: string;
  ensureSession: () => Promise<boolean>;
}

/** The listing's own fields as the form holds them (text inputs hold text; ages become numbers on save). */
interface Fields {
  name: string;
  organization_id: string;
  description: string;
  status: string;
  url: string;
  email: string;
  eligibility_description: string;
  application_process: string;
  fees_description: string;
  minimum_age: string;
  maximum_age: string;
  attending_types: string[];
  access_routes: string[];
}

const emptyFields: Fields = {
  name: '',
  organization_id: '',
  description: '',
  status: 'active',
  url: '',
  email: '',
  eligibility_description: '',
  application_process: '',
  fees_description: '',
  minimum_age: '',
  maximum_age: '',
  attending_types: [],
  access_routes: [],
};

function fieldsOf(record: ServiceRecord): Fields {
  const s = record.service;
  return {
    name: s.name,
    organization_id: s.organization_id ?? '',
    description: s.description ?? '',
    status: s.status,
    url: s.url ?? '',
    email: s.email ?? '',
    eligibility_description: s.eligibility_description ?? '',
    application_process: s.application_process ?? '',
    fees_description: s.fees_description ?? '',
    minimum_age: s.minimum_age?.toString() ?? '',
    maximum_age: s.maximum_age?.toString() ?? '',
    attending_types: s.attending_types,
    access_routes: s.access_routes,
  };
}

const age = (text: string) => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text) : text);

/** Create or edit a service: its fields, publishing, checking, archiving, opening times, places and history. */
export default function ServiceEditor({ client, serviceId, curatorEmail, ensureSession }: Props) {
  const isNew = serviceId === 'new';
  const [record, setRecord] = useState<ServiceRecord>();
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [drafts, setDrafts] = useState<ScheduleDraft[]>([]);
  const [organisations, setOrganisations] = useState<Organization[]>([]);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    if (isNew) return;
    const loaded = await loadService(client, serviceId);
    setRecord(loaded);
    setFields(fieldsOf(loaded));
    setDrafts(loaded.schedules.filter((s) => s.service_id === serviceId).map(draftOf));
    setHistory(await loadHistory(client, 'services', serviceId));
  }, [client, serviceId, isNew]);

  useEffect(() => {
    reload().catch((e: Error) => setFailure(e.message));
    loadOrganisations(client).then(setOrganisations, (e: Error) => setFailure(e.message));
  }, [client, reload]);

  const errorOf = (field: string) => problems.find((p) => p.field === field || p.field === field.replace(/^service-/, ''))?.message;
  const set = (field: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [field]: value }));

  /** Runs one change: checks the session, reports field problems on their fields, reloads what changed. */
  async function act(what: string, change: () => Promise<unknown>) {
    if (busy || !(await ensureSession())) return;
    setBusy(true);
    setProblems([]);
    setFailure(undefined);
    setSaved(undefined);
    try {
      await change();
      setSaved(what);
      await reload();
    } catch (error) {
      if (error instanceof CurationError && error.problems.length) setProblems(error.problems);
      else setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function saveFields(event: FormEvent) {
    event.preventDefault();
    const id = isNew ? crypto.randomUUID() : serviceId;
    void act('Listing saved', async () => {
      await saveService(
        client,
        {
          ...(record?.service ?? { published: false }),
          ...fields,
          id,
          organization_id: fields.organization_id || null,
          minimum_age: age(fields.minimum_age),
          maximum_age: age(fields.maximum_age),
        },
        isNew,
      );
      if (isNew) window.location.hash = `#curation/service/${id}`;
    });
  }

  if (!isNew && !record)
    return (
      <>
        <Heading title="Listing">Listing</Heading>
        <Problem message={failure} />
        {!failure && <p role="status">Loading the listing…</p>}
      </>
    );

  const s = record?.service;
  const title = isNew ? 'Add a listing' : `Edit ${s?.name ?? ''}`;
  return (
    <>
      <ErrorSummary
        errors={problems.map((p) => ({
          field: p.field.startsWith('schedule-') ? p.field.replace(/-byday$/, '-days') : `service-${p.field}`,
          message: p.message,
        }))}
      />
      <Heading title={title}>{title}</Heading>
      <p>
        <a href="#curation/listings">Back to listings</a>
      </p>
      <Problem message={failure} />
      {saved && (
        <p className="notice" role="status">
          {saved}. Search shows the change within seconds; the public page after the next site build.
        </p>
      )}
      {s && (
        <section aria-labelledby="listing-state">
          <h2 id="listing-state">On the public site</h2>
          <dl className="summary-list">
            <div>
              <dt>Published</dt>
              <dd>{s.published ? 'Yes' : s.hidden_reason ? `No. ${s.hidden_reason}` : 'No: a draft or unpublished'}</dd>
            </div>
            <div>
              <dt>Last checked</dt>
              <dd>{s.assured_date ? `${formatDate(s.assured_date)}${s.assurer_email ? ` by ${s.assurer_email}` : ''}` : 'Never'}</dd>
            </div>
          </dl>
          <div className="curation-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void act('Marked as checked today', () => markChecked(client, s.id, curatorEmail))}
            >
              Mark as checked
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => void act(s.published ? 'Unpublished' : 'Published', () => setPublished(client, s.id, !s.published))}
            >
              {s.published ? 'Unpublish' : 'Publish'}
            </button>
            {s.status !== 'defunct' && (
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => void act('Archived', () => archiveService(client, s.id))}
              >
                Archive (it has stopped running)
              </button>
            )}
          </div>
        </section>
      )}

      <form noValidate onSubmit={saveFields} className="staff-section" aria-labelledby="listing-details">
        <h2 id="listing-details">Details</h2>
        <TextField id="service-name" label="Name" value={fields.name} onChange={set('name')} error={errorOf('service-name')} />
        <Select
          id="service-organization_id"
          label="Run by"
          value={fields.organization_id}
          onChange={set('organization_id')}
          options={[{ value: '', label: 'No organisation' }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          hint="Not listed? Add the organisation first."
        />
        <p>
          <a href="#curation/organisation/new">Add an organisation</a>
          {fields.organization_id && (
            <>
              {' · '}
              <a href={`#curation/organisation/${fields.organization_id}`}>Edit this organisation</a>
            </>
          )}
        </p>
        <TextArea
          id="service-description"
          label="What it offers"
          value={fields.description}
          onChange={set('description')}
          error={errorOf('service-description')}
        />
        <Select
          id="service-status"
          label="Status"
          value={fields.status}
          onChange={set('status')}
          options={serviceStatuses.map((v) => ({ value: v, label: v === 'defunct' ? 'defunct (archived)' : v }))}
        />
        <TextField id="service-url" label="Website (optional)" value={fields.url} onChange={set('url')} error={errorOf('service-url')} />
        <TextField
          id="service-email"
          label="Email (optional)"
          value={fields.email}
          onChange={set('email')}
          error={errorOf('service-email')}
        />
        <TextArea
          id="service-eligibility_description"
          label="Who it is for (optional)"
          value={fields.eligibility_description}
          onChange={set('eligibility_description')}
          rows={2}
        />
        <TextArea
          id="service-application_process"
          label="How to get in (optional)"
          value={fields.application_process}
          onChange={set('application_process')}
          rows={2}
        />
        <TextField
          id="service-fees_description"
          label="Cost (optional)"
          value={fields.fees_description}
          onChange={set('fees_description')}
        />
        <TextField
          id="service-minimum_age"
          label="Minimum age (optional)"
          inputMode="numeric"
          value={fields.minimum_age}
          onChange={set('minimum_age')}
          error={errorOf('service-minimum_age')}
        />
        <TextField
          id="service-maximum_age"
          label="Maximum age (optional)"
          inputMode="numeric"
          value={fields.maximum_age}
          onChange={set('maximum_age')}
          error={errorOf('service-maximum_age')}
        />
        <Options
          id="service-attending_types"
          legend="How people attend"
          type="checkbox"
          options={attendingTypes.map((v) => ({ value: v, label: v }))}
          checked={(v) => fields.attending_types.includes(v)}
          onToggle={(v, on) =>
            setFields((f) => ({ ...f, attending_types: on ? [...f.attending_types, v] : f.attending_types.filter((x) => x !== v) }))
          }
        />
        <Options
          id="service-access_routes"
          legend="How people get in"
          type="checkbox"
          options={accessRoutes.map((v) => ({ value: v, label: v }))}
          checked={(v) => fields.access_routes.includes(v)}
          onToggle={(v, on) =>
            setFields((f) => ({ ...f, access_routes: on ? [...f.access_routes, v] : f.access_routes.filter((x) => x !== v) }))
          }
        />
        <button type="submit" className="button" disabled={busy}>
          {isNew ? 'Add the listing as a draft' : 'Save details'}
        </button>
      </form>

      {record && (
        <>
          <section className="staff-section" aria-labelledby="listing-times">
            <h2 id="listing-times">Opening times</h2>
            <ScheduleEditor drafts={drafts} onChange={setDrafts} errorOf={errorOf} />
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act('Opening times saved', async () => {
                  const found = draftProblems(drafts);
                  if (found.length) throw new CurationError('Check the opening times', found);
                  await saveSchedules(
                    client,
                    serviceId,
                    drafts.map((d) => scheduleOf(d, serviceId)),
                    record.schedules,
                  );
                })
              }
            >
              Save opening times
            </button>
          </section>

          <section className="staff-section" aria-labelledby="listing-places">
            <h2 id="listing-places">Places</h2>
            {record.places.length === 0 && <p>No places: it runs online or by phone, or its place is still to be added.</p>}
            <ul>
              {record.places.map((p) => (
                <li key={p.id}>
                  <a href={`#curation/place/${p.location.id}`}>
                    {[p.location.name, p.location.address_1, p.location.postal_code].filter(Boolean).join(', ') || 'A place'}
                  </a>{' '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    onClick={() => void act('Place removed from the listing', () => unlinkPlace(client, p.id))}
                  >
                    Remove<span className="visually-hidden"> {p.location.name ?? 'this place'} from the listing</span>
                  </button>
                </li>
              ))}
            </ul>
            <p>
              <a href={`#curation/place/new/${serviceId}`}>Add a place</a>
            </p>
          </section>

          <section className="staff-section" aria-labelledby="listing-history">
            <h2 id="listing-history">History</h2>
            <History
              entries={history}
              busy={busy}
              onRestore={(entry) =>
                record && void act(`Restored the earlier ${entry.field_name}`, () => restoreServiceField(client, record.service, entry))
              }
            />
          </section>
        </>
      )}
    </>
  );
}
