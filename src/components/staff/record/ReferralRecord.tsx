import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReferralMessage } from '../../../lib/referrals/schema.ts';
import type { StaffProfile } from '../../../lib/staff/profile.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import {
  assignReferral,
  type CaseNote,
  type Colleague,
  loadCaseNotes,
  loadStaffNames,
  loadTeamLinkWorkers,
  loadTimeline,
  openRecord,
  readRecord,
  type ReferralRecord as Record_,
  type TimelineEvent,
} from '../../../lib/workspace/record.ts';
import { staffThread } from '../../../lib/workspace/staff-thread.ts';
import { timelineLines } from '../../../lib/workspace/timeline.ts';
import { isOverdue } from '../../../lib/working-days/working-days.ts';
import { outcomeWords, shortDate, shortDateTime, sourceWords, staffStatusTag, staffStatusWords } from '../../../lib/workspace/words.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Select } from '../../govuk/Select.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { Heading } from '../Heading.tsx';
import { Answers } from './Answers.tsx';
import { CaseNotes } from './CaseNotes.tsx';
import { ContactForm } from './ContactForm.tsx';
import { RouteForm } from './RouteForm.tsx';
import { StaffMessages } from './StaffMessages.tsx';
import { StatusForm } from './StatusForm.tsx';
import { useSave } from './use-save.ts';
import '../workspace.scss';

// The casework panels: each its own chunk, loaded when a record opens.
const PlanPanel = lazy(() => import('../plan/PlanPanel.tsx'));
const WellbeingPanel = lazy(() => import('../wellbeing/WellbeingPanel.tsx'));
const SpendPanel = lazy(() => import('../fund/SpendPanel.tsx'));

interface Props {
  client: SessionClient;
  referralId: string;
  profile: StaffProfile;
  needs: { code: string; label: string }[];
  ensureSession: () => Promise<boolean>;
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'problem'; message: string }
  | { kind: 'ready'; record: Record_; events: TimelineEvent[]; notes: CaseNote[]; names: Map<string, string>; team: Colleague[] };

const finished = ['closed', 'declined', 'withdrawn'];

/**
 * The referral record (#referral/<id>): the status and what can be done next, the person's
 * answers, the timeline the database writes, the messages with the person and the staff-only
 * case notes. Opening it is written to the staff access log before anything shows. Every change
 * is a database function's; after one, the record is read again, so what shows is what is stored.
 */
export default function ReferralRecord({ client, referralId, profile, needs, ensureSession }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [messages, setMessages] = useState<ReferralMessage[]>([]);
  const [notice, setNotice] = useState<string>();
  const logged = useRef(false);
  const needNames = useMemo(() => new Map(needs.map((n) => [n.code, n.label])), [needs]);
  const thread = useMemo(() => staffThread(client, referralId), [client, referralId]);
  const assign = useSave(ensureSession, { assignee: 'assign-to' }, 'assign-to');
  const [assignee, setAssignee] = useState('');

  const load = useCallback(async () => {
    try {
      // The view is logged once per opening; reading again after a change is the same view.
      const record = logged.current ? await readRecord(client, referralId) : await openRecord(client, referralId);
      logged.current = true;
      const [events, notes, team] = await Promise.all([
        loadTimeline(client, referralId),
        loadCaseNotes(client, referralId),
        loadTeamLinkWorkers(client, record.team_id),
      ]);
      const names = await loadStaffNames(client, [
        ...events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])),
        ...notes.flatMap((n) => (n.author_id ? [n.author_id] : [])),
        ...(record.assigned_to ? [record.assigned_to] : []),
      ]);
      setLoaded({ kind: 'ready', record, events, notes, names, team });
      setAssignee(record.assigned_to ?? '');
    } catch (error) {
      setLoaded({ kind: 'problem', message: (error as Error).message });
    }
  }, [client, referralId]);

  useEffect(() => {
    logged.current = false;
    setLoaded({ kind: 'loading' });
    void load();
  }, [load]);

  const saved = useCallback(
    (message: string) => {
      setNotice(message);
      void load();
    },
    [load],
  );

  if (loaded.kind === 'loading') return <p role="status">Loading the referral…</p>;
  if (loaded.kind === 'problem')
    return (
      <>
        <p>
          <a className="govuk-back-link" href="#inbox">
            Back to the inbox
          </a>
        </p>
        <Heading title="The referral did not open">The referral did not open</Heading>
        <p className="govuk-body">{loaded.message}</p>
      </>
    );

  const { record, events, notes, names, team } = loaded;
  const overdue =
    ['new', 'triaged'].includes(record.status) && record.first_contact_due_on !== null && isOverdue(record.first_contact_due_on);
  const open = !finished.includes(record.status);
  const assignedName = record.assigned_to ? (names.get(record.assigned_to) ?? 'A colleague') : 'No one yet';
  const lines = timelineLines(events, messages, names);

  return (
    <>
      <p>
        <a className="govuk-back-link" href="#inbox">
          Back to the inbox
        </a>
      </p>
      <span className="govuk-caption-l">Referral {record.reference}</span>
      <Heading title={`Referral ${record.reference}`}>
        {record.given_name} {record.family_name}
      </Heading>
      <div role="status">{notice && <p className="govuk-inset-text">{notice}</p>}</div>
      <SummaryList
        rows={[
          {
            key: 'Status',
            value: (
              <>
                <strong className={`govuk-tag ${staffStatusTag[record.status]}`}>{staffStatusWords[record.status]}</strong>
                {overdue && (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--red">First contact overdue</strong>
                  </>
                )}
                {record.outcome && <> Outcome: {outcomeWords[record.outcome]}</>}
              </>
            ),
          },
          ...(record.decline_reason ? [{ key: 'Reason given to the person', value: record.decline_reason }] : []),
          { key: 'Team', value: record.team.name },
          { key: 'Assigned to', value: assignedName },
          { key: 'First contact due', value: record.first_contact_due_on ? shortDate(record.first_contact_due_on) : '—' },
          { key: 'Received', value: `${shortDateTime(record.created_at)} (${sourceWords[record.source]})` },
        ]}
      />

      {open && (
        <section className="record-section" aria-labelledby="actions-heading">
          <h2 className="govuk-heading-m" id="actions-heading">
            What happens next
          </h2>
          <StatusForm client={client} referralId={record.id} status={record.status} ensureSession={ensureSession} onSaved={saved} />
          <h3 className="govuk-heading-s">Assignment</h3>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void assign.save(() => assignReferral(client, record.id, assignee || null)).then((ok) => ok && saved('Assignment saved'));
            }}
          >
            <ErrorSummary errors={assign.errors} />
            <Select
              id="assign-to"
              label="Assigned to"
              empty="No one (the team)"
              error={assign.errorFor('assign-to')}
              value={assignee}
              onValue={setAssignee}
              options={team.map((c) => ({ value: c.id, label: c.id === profile.user_id ? `${c.name} (me)` : c.name }))}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--secondary" disabled={assign.busy}>
                Save assignment
              </button>
              {profile.role === 'link_worker' && record.assigned_to !== profile.user_id && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  disabled={assign.busy}
                  onClick={() =>
                    void assign.save(() => assignReferral(client, record.id, profile.user_id)).then((ok) => ok && saved('Assigned to you'))
                  }
                >
                  Assign to me
                </button>
              )}
            </div>
          </form>
          <h3 className="govuk-heading-s">Record a contact</h3>
          <ContactForm client={client} referralId={record.id} ensureSession={ensureSession} onSaved={saved} />
          {profile.role === 'coordinator' && ['new', 'triaged'].includes(record.status) && (
            <>
              <h3 className="govuk-heading-s">Route to another team</h3>
              <RouteForm
                client={client}
                referralId={record.id}
                pcnId={record.pcn_id}
                teamId={record.team_id}
                ensureSession={ensureSession}
                onSaved={saved}
              />
            </>
          )}
        </section>
      )}

      <section className="record-section" aria-labelledby="answers-heading">
        <h2 className="govuk-heading-m" id="answers-heading">
          What they told us
        </h2>
        <Answers record={record} needs={needNames} />
      </section>

      <section className="record-section" aria-labelledby="timeline-heading">
        <h2 className="govuk-heading-m" id="timeline-heading">
          Timeline
        </h2>
        <ol className="record-timeline">
          {lines.map((line) => (
            <li key={line.key}>
              <p className="govuk-body-s">
                <time dateTime={line.at}>{shortDateTime(line.at)}</time> · {line.who}
                {line.hiddenFromPerson && ' · staff only'}
              </p>
              <p className="govuk-body">{line.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="record-section" aria-labelledby="messages-heading">
        <StaffMessages thread={thread} withdrawn={record.status === 'withdrawn'} ensureSession={ensureSession} onMessages={setMessages} />
      </section>

      <section className="record-section" aria-labelledby="notes-heading">
        <h2 className="govuk-heading-m" id="notes-heading">
          Case notes (staff only)
        </h2>
        <CaseNotes
          client={client}
          referralId={record.id}
          authorId={profile.user_id}
          notes={notes}
          names={names}
          ensureSession={ensureSession}
          onSaved={saved}
        />
      </section>

      <Suspense fallback={<p role="status">Loading the plan, wellbeing and spend…</p>}>
        <PlanPanel client={client} referralId={record.id} ensureSession={ensureSession} />
        <WellbeingPanel client={client} referralId={record.id} ensureSession={ensureSession} />
        <SpendPanel client={client} referralId={record.id} ensureSession={ensureSession} />
      </Suspense>
    </>
  );
}
