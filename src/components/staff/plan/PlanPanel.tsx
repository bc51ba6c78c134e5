import { useCallback, useContext, useEffect, useState, type SubmitEvent } from 'react';
import type { CaseworkError } from '../../../lib/casework/errors.ts';
import {
  addPlanService,
  loadPlan,
  planInputSchema,
  planLimits,
  planServiceStatuses,
  planServiceStatusText,
  savePlan,
  updatePlanService,
  type PlanService,
  type PlanServiceStatus,
  type PlanWithServices,
} from '../../../lib/casework/plan.ts';
import { searchServices, type ServiceHit } from '../../../lib/search/client.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { dateParts, DateField, readDate, type DateParts } from '../casework/DateField.tsx';
import { guarded } from '../casework/guarded.ts';
import { TextAreaField } from '../casework/TextAreaField.tsx';
import '../casework/casework.css';
import { ErrorSummary, errorFor, type FieldError } from '../ErrorSummary.tsx';
import { SearchConnectionContext } from '../search-connection.ts';
import { TextField } from '../TextField.tsx';

interface Props {
  client: SessionClient;
  referralId: string;
  ensureSession: () => Promise<boolean>;
}

const planFields: Record<string, string> = { what_matters: 'plan-what-matters', goals: 'plan-goals', service_id: 'plan-search' };

/**
 * The personalised plan on a referral's record: what matters to the person, their goals, and
 * services chosen from the directory (found with the public search's own module), each with where
 * the person is with it and when to review it. The person sees the same plan on their page.
 */
export default function PlanPanel({ client, referralId, ensureSession }: Props) {
  const search = useContext(SearchConnectionContext);
  const [loaded, setLoaded] = useState<PlanWithServices>();
  const [problem, setProblem] = useState<string>();
  const [whatMatters, setWhatMatters] = useState('');
  const [goals, setGoals] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string>();
  const [words, setWords] = useState('');
  const [hits, setHits] = useState<ServiceHit[]>();

  const reload = useCallback(async () => {
    try {
      const data = await loadPlan(client, referralId);
      setLoaded(data);
      return data;
    } catch (error) {
      setProblem((error as Error).message);
      return undefined;
    }
  }, [client, referralId]);

  useEffect(() => {
    void reload().then((data) => {
      setWhatMatters(data?.plan?.what_matters ?? '');
      setGoals(data?.plan?.goals.join('\n') ?? '');
    });
  }, [reload]);

  const fail = (error: CaseworkError, fallbackField: string) =>
    setErrors([{ field: (error.field && planFields[error.field]) ?? fallbackField, message: error.message }]);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setConfirmation(undefined);
    const parsed = planInputSchema.safeParse({ what_matters: whatMatters, goals: goals.split('\n') });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => ({ field: planFields[String(issue.path[0])] ?? 'plan-goals', message: issue.message })));
      return;
    }
    setBusy(true);
    const saved = await guarded(ensureSession, () => savePlan(client, referralId, parsed.data));
    setBusy(false);
    if (!saved.ok) return saved.error && fail(saved.error, 'plan-what-matters');
    setErrors([]);
    setConfirmation('Plan saved. The person sees it on their page.');
    await reload();
  }

  async function find(event: SubmitEvent) {
    event.preventDefault();
    setConfirmation(undefined);
    if (!words.trim())
      return setErrors([{ field: 'plan-search', message: 'Enter words to search the directory for, for example walking group' }]);
    if (!search) return setErrors([{ field: 'plan-search', message: 'Directory search is not set up for the workspace.' }]);
    setBusy(true);
    setHits(undefined); // no stale results to click while the new ones come
    try {
      const results = await searchServices(search, { words, limit: 8 });
      setHits(results.hits);
      setErrors([]);
    } catch (error) {
      setErrors([
        { field: 'plan-search', message: `The directory could not be searched (${(error as Error).message}). Try again in a minute.` },
      ]);
    } finally {
      setBusy(false);
    }
  }

  async function add(hit: ServiceHit) {
    setConfirmation(undefined);
    setBusy(true);
    const added = await guarded(ensureSession, () => addPlanService(client, referralId, hit.id));
    setBusy(false);
    if (!added.ok) return added.error && fail(added.error, 'plan-search');
    setErrors([]);
    setConfirmation(`${hit.name} added to the plan as suggested.`);
    await reload();
  }

  const inPlan = new Set(loaded?.services.map((s) => s.service_id));
  return (
    <section className="casework-panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Plan</h2>
      {problem && <p className="error-message">{problem}</p>}
      {!loaded && !problem && <p role="status">Loading the plan…</p>}
      <ErrorSummary errors={errors} id="plan-error-summary" />
      <div role="status">{confirmation && <p className="casework-confirm">{confirmation}</p>}</div>
      {loaded && (
        <>
          <form onSubmit={(event) => void save(event)} noValidate>
            <TextAreaField
              id="plan-what-matters"
              label="What matters to the person"
              hint="In their words, as you agreed it with them"
              rows={4}
              maxLength={planLimits.whatMatters + 500}
              value={whatMatters}
              onChange={setWhatMatters}
              error={errorFor(errors, 'plan-what-matters')}
            />
            <TextAreaField
              id="plan-goals"
              label="Goals"
              hint={`One goal a line, up to ${planLimits.goals}`}
              rows={4}
              value={goals}
              onChange={setGoals}
              error={errorFor(errors, 'plan-goals')}
            />
            <button type="submit" className="button" disabled={busy}>
              Save plan
            </button>
          </form>

          <h3>Services in the plan</h3>
          {loaded.services.length === 0 ? (
            <p>No services yet. Search the directory below to add one.</p>
          ) : (
            <ul className="plain casework-services">
              {loaded.services.map((service) => (
                <PlanServiceRow
                  key={service.id}
                  service={service}
                  busy={busy}
                  errors={errors}
                  save={async (change) => {
                    setConfirmation(undefined);
                    setBusy(true);
                    const updated = await guarded(ensureSession, () => updatePlanService(client, service.id, change));
                    setBusy(false);
                    if (!updated.ok) {
                      if (updated.error) fail(updated.error, `plan-service-${service.id}-status`);
                      return;
                    }
                    setErrors([]);
                    setConfirmation(`${service.service_name}: ${planServiceStatusText[change.status].toLowerCase()}.`);
                    await reload();
                  }}
                  onInvalid={(field, message) => setErrors([{ field, message }])}
                />
              ))}
            </ul>
          )}

          <h3>Add a service from the directory</h3>
          <form onSubmit={(event) => void find(event)} noValidate role="search" aria-label="Directory search">
            <TextField
              id="plan-search"
              label="Search the directory"
              hint="What the person is looking for, for example walking group or benefits advice"
              value={words}
              onChange={setWords}
              error={errorFor(errors, 'plan-search')}
            />
            <button type="submit" className="button secondary" disabled={busy}>
              Search
            </button>
          </form>
          {hits && (
            <>
              <p role="status">{hits.length ? `${hits.length} services found` : 'No services found. Try other words.'}</p>
              <ul className="plain casework-services">
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <h4>
                      <a href={`/services/${hit.id}/`} target="_blank" rel="noreferrer">
                        {hit.name}
                        <span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    </h4>
                    <p className="meta">{[hit.organisation, hit.towns.join(', ')].filter(Boolean).join(' · ')}</p>
                    {inPlan.has(hit.id) ? (
                      <p>In the plan</p>
                    ) : (
                      <button type="button" className="button secondary" disabled={busy} onClick={() => void add(hit)}>
                        Add to plan<span className="visually-hidden">: {hit.name}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

interface RowProps {
  service: PlanService;
  busy: boolean;
  errors: FieldError[];
  save: (change: { status: PlanServiceStatus; review_on: string | null }) => Promise<void>;
  onInvalid: (field: string, message: string) => void;
}

function PlanServiceRow({ service, busy, errors, save, onInvalid }: RowProps) {
  const [status, setStatus] = useState<PlanServiceStatus>(service.status);
  const [review, setReview] = useState<DateParts>(dateParts(service.review_on));
  const statusId = `plan-service-${service.id}-status`;
  const reviewId = `plan-service-${service.id}-review`;
  return (
    <li>
      <h4>
        <a href={`/services/${service.service_id}/`} target="_blank" rel="noreferrer">
          {service.service_name}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </h4>
      <p>
        {planServiceStatusText[service.status]}
        {service.review_on && `, review by ${new Date(service.review_on).toLocaleDateString('en-GB', { dateStyle: 'long' })}`}
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const date = readDate(review, 'Review date');
          if (!date.ok) return onInvalid(reviewId, date.message);
          void save({ status, review_on: date.iso });
        }}
      >
        <div className="casework-row">
          <div className={`form-group${errorFor(errors, statusId) ? ' form-group-error' : ''}`}>
            <label className="label" htmlFor={statusId}>
              Status<span className="visually-hidden"> of {service.service_name}</span>
            </label>
            {errorFor(errors, statusId) && (
              <p className="error-message" id={`${statusId}-error`}>
                <span className="visually-hidden">Error:</span> {errorFor(errors, statusId)}
              </p>
            )}
            <select
              id={statusId}
              className="select"
              value={status}
              onChange={(event) => setStatus(event.target.value as PlanServiceStatus)}
              aria-describedby={errorFor(errors, statusId) ? `${statusId}-error` : undefined}
            >
              {planServiceStatuses.map((s) => (
                <option key={s} value={s}>
                  {planServiceStatusText[s]}
                </option>
              ))}
            </select>
          </div>
          <DateField
            id={reviewId}
            legend={`Review date for ${service.service_name}`}
            hint="For example, 15 1 2027"
            value={review}
            onChange={setReview}
            error={errorFor(errors, reviewId)}
          />
        </div>
        <button type="submit" className="button secondary" disabled={busy}>
          Update<span className="visually-hidden"> {service.service_name}</span>
        </button>
      </form>
    </li>
  );
}
