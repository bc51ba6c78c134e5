import { FunctionsHttpError } from '@supabase/supabase-js';
import { useEffect, useState, type SubmitEvent } from 'react';
import { staffInviteSchema } from '../../lib/schemas/staff-invite.ts';
import { staffRoles, type StaffRole } from '../../lib/schemas/staff-member.ts';
import { rolesInATeam, staffRoleText } from '../../lib/staff/roles.ts';
import type { TeamChoice } from '../../lib/staff/teams.ts';
import { loadTeams } from '../../lib/staff/teams.ts';
import type { SessionClient } from '../../lib/supabase-session.ts';
import { ErrorSummary, errorFor, type FieldError } from './ErrorSummary.tsx';
import { Heading } from './Heading.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  client: SessionClient;
  /** False (and the sign-in shown over the page) when the session has ended. */
  ensureSession: () => Promise<boolean>;
}

const fieldIds: Record<string, string> = {
  email: 'invite-email',
  display_name: 'invite-name',
  role: 'invite-role-link_worker',
  team_id: 'invite-team',
};

/** Reads the Edge Function's JSON error: `{ message, errors?: [{ field, message }] }`. */
async function functionErrors(error: unknown): Promise<FieldError[]> {
  if (error instanceof FunctionsHttpError) {
    const body = (await (error.context as Response).json().catch(() => ({}))) as {
      message?: string;
      errors?: { field: string; message: string }[];
    };
    if (body.errors?.length) return body.errors.map((e) => ({ field: fieldIds[e.field] ?? 'invite-email', message: e.message }));
    return [{ field: 'invite-email', message: body.message ?? 'The invitation was not sent. Try again in a minute.' }];
  }
  return [
    { field: 'invite-email', message: `The invitation was not sent: ${(error as Error).message}. Check your connection and try again.` },
  ];
}

/** An admin invites a member of staff: the invitation is emailed by the `staff-invite` Edge Function. */
export default function InviteStaff({ client, ensureSession }: Props) {
  const [teams, setTeams] = useState<TeamChoice[]>();
  const [teamsProblem, setTeamsProblem] = useState<string>();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole | ''>('');
  const [team, setTeam] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ email: string; name: string }>();

  useEffect(() => {
    loadTeams(client).then(setTeams, (error: Error) => setTeamsProblem(error.message));
  }, [client]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = staffInviteSchema.safeParse({
      email,
      display_name: name,
      role: role || undefined,
      team_id: team,
      redirect_to: `${window.location.origin}/staff/`,
    });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => ({ field: fieldIds[String(issue.path[0])] ?? 'invite-email', message: issue.message })));
      return;
    }
    setBusy(true);
    try {
      if (!(await ensureSession())) return;
      const invited = await client.functions.invoke<{ user_id: string }>('staff-invite', { body: parsed.data });
      const error: unknown = invited.error;
      if (error) {
        if (error instanceof FunctionsHttpError && (error.context as Response).status === 401 && !(await ensureSession())) return;
        setErrors(await functionErrors(error));
        return;
      }
      setErrors([]);
      setSent({ email: parsed.data.email, name: parsed.data.display_name });
      setName('');
      setEmail('');
      setRole('');
      setTeam('');
    } finally {
      setBusy(false);
    }
  }

  if (sent)
    return (
      <>
        <Heading title="Invitation sent">Invitation sent</Heading>
        <div className="panel-confirmation">
          <p>
            We have emailed {sent.name} at <strong>{sent.email}</strong> a link to join the staff workspace.
          </p>
        </div>
        <p>The link works once. When they first sign in, they will set up an authenticator app.</p>
        <p>
          <button type="button" className="button secondary" onClick={() => setSent(undefined)}>
            Invite someone else
          </button>
        </p>
        <p>
          <a href="#">Back to the workspace home</a>
        </p>
      </>
    );

  const needsTeam = role !== '' && rolesInATeam.includes(role);
  return (
    <>
      <p>
        <a className="back-link" href="#">
          Back
        </a>
      </p>
      <Heading title="Invite a member of staff">Invite a member of staff</Heading>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="invite-name"
          label="Their name"
          hint="As colleagues will see it, for example Sam Patel"
          autoComplete="off"
          value={name}
          onChange={setName}
          error={errorFor(errors, 'invite-name')}
        />
        <TextField
          id="invite-email"
          label="Their work email address"
          hint="The invitation goes here"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errorFor(errors, 'invite-email')}
        />
        <div className={`form-group${errorFor(errors, 'invite-role-link_worker') ? ' form-group-error' : ''}`}>
          <fieldset className="fieldset" aria-describedby={errorFor(errors, 'invite-role-link_worker') ? 'invite-role-error' : undefined}>
            <legend className="label">Their role</legend>
            {errorFor(errors, 'invite-role-link_worker') && (
              <p className="error-message" id="invite-role-error">
                <span className="visually-hidden">Error:</span> {errorFor(errors, 'invite-role-link_worker')}
              </p>
            )}
            <div className="radios">
              {staffRoles.map((r) => (
                <div className="radio" key={r}>
                  <input
                    type="radio"
                    id={`invite-role-${r}`}
                    name="role"
                    value={r}
                    checked={role === r}
                    onChange={() => setRole(r)}
                    aria-describedby={`invite-role-${r}-hint`}
                  />
                  <label htmlFor={`invite-role-${r}`}>{staffRoleText[r].name}</label>
                  <span className="hint" id={`invite-role-${r}-hint`}>
                    {staffRoleText[r].does}
                  </span>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`form-group${errorFor(errors, 'invite-team') ? ' form-group-error' : ''}`}>
          <label className="label" htmlFor="invite-team">
            Their team{needsTeam ? '' : ' (optional for curators and administrators)'}
          </label>
          {teamsProblem && <p className="error-message">{teamsProblem}</p>}
          {errorFor(errors, 'invite-team') && (
            <p className="error-message" id="invite-team-error">
              <span className="visually-hidden">Error:</span> {errorFor(errors, 'invite-team')}
            </p>
          )}
          <select
            id="invite-team"
            className="select"
            value={team}
            onChange={(event) => setTeam(event.target.value)}
            aria-describedby={errorFor(errors, 'invite-team') ? 'invite-team-error' : undefined}
          >
            <option value="">{teams ? 'No team' : 'Loading teams…'}</option>
            {teams?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          Send invitation
        </button>
      </form>
    </>
  );
}
