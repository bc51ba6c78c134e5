import { useEffect, useState, type SubmitEvent } from 'react';
import { loadReport, loadReportScopes, ReportError } from '../../../lib/reports/client.ts';
import { reportRequestSchema, type ReferralReport, type ReportRequest, type ReportScopes } from '../../../lib/reports/schema.ts';
import { figureCell, reportTables, shareCell } from '../../../lib/reports/tables.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { londonDate } from '../../../lib/working-days/working-days.ts';
import { ErrorSummary, errorFor, type FieldError } from '../ErrorSummary.tsx';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';
import { ReportTableView } from './ReportTableView.tsx';
import './reports.css';

interface Props {
  client: SessionClient;
  ensureSession: () => Promise<boolean>;
}

const fieldIds = { from: 'report-from', to: 'report-to', pcn: 'report-pcn', team: 'report-team' } as const;
const longDate = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The last 12 months up to today (London dates). */
function defaultPeriod() {
  const today = londonDate(new Date());
  const start = new Date(`${today}T12:00:00Z`);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** Reports for coordinators and commissioners: pick a period, an area and a team; charts, tables and CSV. */
export default function Reports({ client, ensureSession }: Props) {
  const [scopes, setScopes] = useState<ReportScopes>();
  const [problem, setProblem] = useState<string>();
  const [from, setFrom] = useState(() => defaultPeriod().from);
  const [to, setTo] = useState(() => defaultPeriod().to);
  const [pcn, setPcn] = useState('');
  const [team, setTeam] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ request: ReportRequest; report: ReferralReport }>();

  async function show(request: ReportRequest) {
    setBusy(true);
    try {
      if (!(await ensureSession())) return;
      const made = await loadReport(client, request);
      setErrors([]);
      setReport({ request, report: made });
    } catch (error) {
      if (error instanceof ReportError && error.status === 401 && !(await ensureSession())) return;
      const field = error instanceof ReportError && error.field ? fieldIds[error.field] : fieldIds.from;
      setErrors([{ field, message: (error as Error).message }]);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    loadReportScopes(client).then(
      (loaded) => {
        setScopes(loaded);
        if (loaded.role === 'link_worker' && loaded.team_id) setTeam(loaded.team_id);
        void show({ ...defaultPeriod(), pcn: null, team: loaded.role === 'link_worker' ? loaded.team_id : null });
      },
      (error: Error) => setProblem(error.message),
    );
    // Once, when the screen opens (show is a plain function of this render).
  }, [client]);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = reportRequestSchema.safeParse({ from, to, pcn: pcn || null, team: team || null });
    if (!parsed.success) {
      setErrors(
        parsed.error.issues.map((issue) => ({
          field: fieldIds[String(issue.path[0]) as keyof typeof fieldIds] ?? fieldIds.from,
          message: issue.message,
        })),
      );
      return;
    }
    void show(parsed.data);
  }

  const back = (
    <p>
      <a className="back-link" href="#">
        Back
      </a>
    </p>
  );
  if (problem)
    return (
      <>
        {back}
        <Heading title="Reports">Reports</Heading>
        <p className="error-message">{problem}</p>
      </>
    );
  if (!scopes)
    return (
      <>
        <Heading title="Reports">Reports</Heading>
        <p role="status">Loading the areas and teams you can report on…</p>
      </>
    );

  const teams = scopes.teams.filter((t) => !pcn || t.pcn_ids.includes(pcn));
  const shown = report?.report;
  const areaName = (id: string | null) => (id ? (scopes.pcns.find((p) => p.id === id)?.name ?? 'one area') : 'every area you can see');
  const teamName = (id: string | null) => (id ? (scopes.teams.find((t) => t.id === id)?.name ?? 'one team') : 'every team');
  return (
    <>
      {back}
      <Heading title="Reports">Reports</Heading>
      <p>
        Figures for commissioners and coordinators, counted in the database from the referrals you may see. No figure names or describes a
        person.
      </p>
      <ErrorSummary errors={errors} />
      <form className="report-pickers" onSubmit={submit} noValidate>
        <TextField
          id={fieldIds.from}
          label="First day of the period"
          hint="Referrals that arrived on this day are included"
          type="date"
          value={from}
          onChange={setFrom}
          error={errorFor(errors, fieldIds.from)}
        />
        <TextField
          id={fieldIds.to}
          label="Last day of the period"
          hint="Referrals that arrived on this day are included"
          type="date"
          value={to}
          onChange={setTo}
          error={errorFor(errors, fieldIds.to)}
        />
        <div className={`form-group${errorFor(errors, fieldIds.pcn) ? ' form-group-error' : ''}`}>
          <label className="label" htmlFor={fieldIds.pcn}>
            Area (PCN)
          </label>
          {errorFor(errors, fieldIds.pcn) && (
            <p className="error-message" id={`${fieldIds.pcn}-error`}>
              <span className="visually-hidden">Error:</span> {errorFor(errors, fieldIds.pcn)}
            </p>
          )}
          <select
            id={fieldIds.pcn}
            className="select"
            value={pcn}
            onChange={(event) => {
              setPcn(event.target.value);
              if (scopes.role !== 'link_worker') setTeam('');
            }}
            aria-describedby={errorFor(errors, fieldIds.pcn) ? `${fieldIds.pcn}-error` : undefined}
          >
            <option value="">Every area you can see</option>
            {scopes.pcns.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className={`form-group${errorFor(errors, fieldIds.team) ? ' form-group-error' : ''}`}>
          <label className="label" htmlFor={fieldIds.team}>
            Team
          </label>
          {errorFor(errors, fieldIds.team) && (
            <p className="error-message" id={`${fieldIds.team}-error`}>
              <span className="visually-hidden">Error:</span> {errorFor(errors, fieldIds.team)}
            </p>
          )}
          <select
            id={fieldIds.team}
            className="select"
            value={team}
            onChange={(event) => setTeam(event.target.value)}
            aria-describedby={errorFor(errors, fieldIds.team) ? `${fieldIds.team}-error` : undefined}
          >
            {scopes.role !== 'link_worker' && <option value="">Every team</option>}
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          Show the report
        </button>
      </form>

      {busy && <p role="status">Counting…</p>}
      {shown && report && (
        <div className="report" aria-live="polite">
          <h2 className="report-scope">
            {longDate(shown.period.from)} to {longDate(shown.period.to)}: {areaName(shown.pcn_id)}, {teamName(shown.team_id)}
          </h2>
          {shown.suppressed ? (
            <div className="notice">
              <p>
                These figures can be shown outside the team, so small numbers are hidden: a count of 1 to 4 reads “fewer than 5”, a share,
                average or median of fewer than 5 people is not shown, and where a hidden count could be worked out from the total, the next
                smallest count is “not shown” too.
              </p>
            </div>
          ) : (
            <div className="notice">
              <p>These are your own team’s exact figures. Counts under 5 are shown: do not share them outside the team.</p>
            </div>
          )}
          <dl className="summary-list">
            <div>
              <dt>Referrals that arrived</dt>
              <dd>{typeof shown.referrals === 'number' ? shown.referrals.toLocaleString('en-GB') : shown.referrals}</dd>
            </div>
            <div>
              <dt>Median working days to first contact</dt>
              <dd>{figureCell(shown.first_contact.median_working_days, shown.first_contact.contacted)}</dd>
            </div>
            <div>
              <dt>Closed</dt>
              <dd>{shareCell(shown.outcomes.closed_share, shown.referrals)}</dd>
            </div>
            <div>
              <dt>Attending a service in their plan</dt>
              <dd>{shareCell(shown.attending.share, shown.attending.with_plan)}</dd>
            </div>
          </dl>
          {reportTables(shown).map((table) => (
            <ReportTableView key={table.id} table={table} period={shown.period} />
          ))}
        </div>
      )}
    </>
  );
}
