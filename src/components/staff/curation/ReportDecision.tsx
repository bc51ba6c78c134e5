import { useEffect, useState } from 'react';
import { draftOf, draftProblems, scheduleOf, type ScheduleDraft } from '../../../lib/curation/schedule-draft.ts';
import { CurationError, loadService, newId, saveSchedules, saveService, type ServiceRecord } from '../../../lib/curation/listings.ts';
import { decideReport, loadReport, type ListingReport } from '../../../lib/curation/moderation.ts';
import { problemTypes, type FieldProblem } from '../../../lib/curation/report.ts';
import { describeSchedule } from '../../../lib/directory/schedule-text.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { ErrorSummary } from '../ErrorSummary.tsx';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';
import { Problem, Select } from './fields.tsx';
import { receivedOn } from './ReportQueue.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';

interface Props {
  client: SessionClient;
  reportId: string;
  ensureSession: () => Promise<boolean>;
}

const closedChoices = [
  { value: 'temporarily closed', label: 'Temporarily closed (stays listed, marked closed)' },
  { value: 'defunct', label: 'Closed for good (taken off the public site)' },
];

/** One report: what the person said (as text, never markup), the listing as it is, and the curator's decision. */
export default function ReportDecision({ client, reportId, ensureSession }: Props) {
  const [report, setReport] = useState<ListingReport>();
  const [record, setRecord] = useState<ServiceRecord>();
  const [drafts, setDrafts] = useState<ScheduleDraft[]>([]);
  const [closedAs, setClosedAs] = useState('temporarily closed');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ decision: 'accepted' | 'rejected'; draftId?: string }>();

  useEffect(() => {
    loadReport(client, reportId).then(
      async (r) => {
        setReport(r);
        if (r.kind === 'problem' && r.service_id) {
          const loaded = await loadService(client, r.service_id);
          setRecord(loaded);
          setDrafts(loaded.schedules.filter((s) => s.service_id === loaded.service.id).map(draftOf));
        }
      },
      (e: Error) => setFailure(e.message),
    );
  }, [client, reportId]);

  if (done)
    return (
      <>
        <Heading title={done.decision === 'accepted' ? 'Report accepted' : 'Report rejected'}>
          {done.decision === 'accepted' ? 'Report accepted' : 'Report rejected'}
        </Heading>
        <p>
          {done.decision === 'accepted' ? 'The change is saved and reaches search within seconds.' : 'Nothing in the directory changed.'}
          {report?.reporter_email ? ' The person who reported it will be emailed the outcome.' : ''}
        </p>
        {done.draftId && (
          <p>
            <a href={`#curation/service/${done.draftId}`}>Complete and publish the new draft listing</a>
          </p>
        )}
        <p>
          <a href="#curation/reports">Back to reports and suggestions</a>
        </p>
      </>
    );
  if (!report)
    return (
      <>
        <Heading title="Report">Report</Heading>
        <Problem message={failure} />
        {!failure && <p role="status">Loading the report…</p>}
      </>
    );

  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const pending = report.status === 'pending';

  async function decide(decision: 'accepted' | 'rejected') {
    if (!report || busy || !(await ensureSession())) return;
    setBusy(true);
    setFailure(undefined);
    setProblems([]);
    try {
      let draftId: string | undefined;
      if (decision === 'accepted' && report.kind === 'problem' && record) {
        if (report.problem === 'wrong_time') {
          const found = draftProblems(drafts);
          if (found.length) throw new CurationError('Check the opening times', found);
          await saveSchedules(
            client,
            record.service.id,
            drafts.map((d) => scheduleOf(d, record.service.id)),
            record.schedules,
          );
        } else if (report.problem === 'closed') {
          await saveService(client, {
            ...record.service,
            status: closedAs,
            published: closedAs === 'defunct' ? false : record.service.published,
          });
        }
      }
      if (decision === 'accepted' && report.kind === 'suggestion') {
        draftId = newId();
        await saveService(
          client,
          { id: draftId, name: report.group_name ?? '', description: report.group_description, published: false, status: 'active' },
          true,
        );
      }
      await decideReport(client, report.id, decision, note);
      setDone({ decision, ...(draftId ? { draftId } : {}) });
    } catch (error) {
      if (error instanceof CurationError && error.problems.length) setProblems(error.problems);
      else setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const title = report.kind === 'suggestion' ? 'A suggested group' : `A problem with ${report.service?.name ?? 'a listing'}`;
  return (
    <>
      <ErrorSummary errors={problems.map((p) => ({ field: p.field.replace(/-byday$/, '-days'), message: p.message }))} />
      <Heading title={title}>{title}</Heading>
      <p>
        <a href="#curation/reports">Back to reports and suggestions</a>
      </p>
      <dl className="summary-list">
        <div>
          <dt>Received</dt>
          <dd>
            {receivedOn(report.created_at)}, from {report.source === 'staff' ? 'a member of staff' : 'the public'}
          </dd>
        </div>
        {report.problem && (
          <div>
            <dt>What is wrong</dt>
            <dd>{problemTypes[report.problem].label}</dd>
          </div>
        )}
        {report.kind === 'suggestion' && (
          <>
            <div>
              <dt>Group</dt>
              <dd className="user-text">{report.group_name}</dd>
            </div>
            <div>
              <dt>What it does</dt>
              <dd className="user-text">{report.group_description}</dd>
            </div>
            <div>
              <dt>Where and when</dt>
              <dd className="user-text">{report.group_where ?? 'Not given'}</dd>
            </div>
            <div>
              <dt>Contact</dt>
              <dd className="user-text">{report.group_contact ?? 'Not given'}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{report.kind === 'suggestion' ? 'Anything else' : 'What they told us'}</dt>
          <dd className="user-text" data-testid="report-note">
            {report.note ?? 'Nothing more'}
          </dd>
        </div>
        <div>
          <dt>Outcome email</dt>
          <dd>{report.reporter_email ? 'They left an address: they will be emailed the outcome' : 'They did not ask to be told'}</dd>
        </div>
      </dl>
      {!pending && <p className="notice">This report was {report.status}.</p>}
      {record && (
        <section className="staff-section" aria-labelledby="listing-now">
          <h2 id="listing-now">The listing now</h2>
          <p>
            <a href={`#curation/service/${record.service.id}`}>Open the whole listing to edit it</a> ·{' '}
            <a href={`/services/${encodeURIComponent(record.service.id)}/`} target="_blank" rel="noopener">
              See the public page (opens in a new tab)
            </a>
          </p>
          {pending && report.problem === 'wrong_time' && (
            <>
              <h3>Correct the opening times</h3>
              <ScheduleEditor drafts={drafts} onChange={setDrafts} errorOf={errorOf} />
            </>
          )}
          {pending && report.problem === 'closed' && (
            <Select id="closed-as" label="If it has closed, mark it as" value={closedAs} onChange={setClosedAs} options={closedChoices} />
          )}
          {(!pending || (report.problem !== 'wrong_time' && report.problem !== 'closed')) && (
            <ul>
              {record.schedules.map((s) => (
                <li key={s.id}>{describeSchedule(s)}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {pending && (
        <section className="staff-section" aria-labelledby="decision">
          <h2 id="decision">Your decision</h2>
          <TextField
            id="decision-note"
            label="Note for other curators (optional)"
            hint="Not sent to the person who reported it"
            value={note}
            onChange={setNote}
          />
          <Problem message={failure} />
          <div className="curation-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void decide('accepted')}>
              {report.kind === 'suggestion'
                ? 'Accept and create a draft listing'
                : report.problem === 'wrong_time'
                  ? 'Save these opening times and accept'
                  : report.problem === 'closed'
                    ? 'Mark as closed and accept'
                    : 'Accept (I have corrected the listing)'}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => void decide('rejected')}>
              Reject: no change needed
            </button>
          </div>
        </section>
      )}
    </>
  );
}
