import { randomUUID } from 'node:crypto';
import { userToken } from '../../support/jwt.ts';
import { call, type Resident, resident, sql, staff } from '../referrals/support.ts';

export { call, db, resident, sql, staff, type Resident } from '../referrals/support.ts';

/**
 * A place of its own for each test file: a PCN with two teams serving it (a PCN's link workers
 * and a voluntary-sector service, one triage), a third team in another PCN, and the staff of
 * each. Referrals are stored as submit_referral stores them, so the triggers run.
 */
export interface Place {
  pcn: string;
  otherPcn: string;
  practice: string;
  otherPractice: string;
  teams: { pcnTeam: string; vcse: string; elsewhere: string };
  linkWorker: Resident;
  vcseWorker: Resident;
  elsewhereWorker: Resident;
  coordinator: Resident;
  curator: Resident;
  linkWorkerAal1: Resident;
}

let counter = Math.floor(Math.random() * 90_000);
const code = (letter: string, digits: number) => letter + String(++counter).padStart(digits, '0');

export async function makePlace(): Promise<Place> {
  const [pcn, otherPcn] = [randomUUID(), randomUUID()];
  await sql(
    `insert into public.pcns (id, code, name, icb) values ($1, $2, 'Workspace PCN', 'Test ICB'), ($3, $4, 'Elsewhere PCN', 'Test ICB')`,
    [pcn, code('W', 6), otherPcn, code('W', 6)],
  );
  const [practice, otherPractice] = [randomUUID(), randomUUID()];
  await sql(
    `insert into public.gp_practices (id, code, name, pcn_id) values ($1, $2, 'Workspace Surgery', $3), ($4, $5, 'Elsewhere Surgery', $6)`,
    [practice, code('X', 5), pcn, otherPractice, code('X', 5), otherPcn],
  );
  const teams = { pcnTeam: randomUUID(), vcse: randomUUID(), elsewhere: randomUUID() };
  await sql(
    `insert into public.teams (id, kind, name, first_contact_working_days) values
     ($1, 'pcn_link_workers', 'Workspace PCN Link Workers', 5), ($2, 'vcse_social_prescribing', 'Workspace Connectors', 3),
     ($3, 'pcn_link_workers', 'Elsewhere Link Workers', 5)`,
    [teams.pcnTeam, teams.vcse, teams.elsewhere],
  );
  await sql(`insert into public.team_pcns (team_id, pcn_id) values ($1, $3), ($2, $3), ($4, $5)`, [
    teams.pcnTeam,
    teams.vcse,
    pcn,
    teams.elsewhere,
    otherPcn,
  ]);
  const linkWorker = await staff('link_worker', teams.pcnTeam);
  const [vcseWorker, elsewhereWorker, coordinator, curator, aal1] = await Promise.all([
    staff('link_worker', teams.vcse),
    staff('link_worker', teams.elsewhere),
    staff('coordinator', teams.pcnTeam),
    staff('curator', null),
    staff('link_worker', teams.pcnTeam),
  ]);
  return {
    pcn,
    otherPcn,
    practice,
    otherPractice,
    teams,
    linkWorker,
    vcseWorker,
    elsewhereWorker,
    coordinator,
    curator,
    // The same kind of member of staff, signed in with a password only.
    linkWorkerAal1: { id: aal1.id, token: userToken(aal1.id, { email: 'aal1@referrals-test.example.org' }) },
  };
}

const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const part = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');

/** A self-referral made by a new resident, stored for the team (and, when given, back-dated). */
export async function referral(
  place: Place,
  options: { team?: string; createdAt?: string; source?: 'self' | 'gp_practice'; elsewhere?: boolean; email?: boolean } = {},
): Promise<{ id: string; owner: Resident }> {
  const owner = await resident();
  const elsewhere = options.elsewhere ?? false;
  const [row] = await sql<{ id: string }>(
    `insert into public.referrals (reference, owner_id, idempotency_key, submission_hash, source, gp_practice_id, pcn_id, team_id,
       given_name, family_name, date_of_birth, postcode, needs, what_matters, contact_methods, email, phone, consent_version, created_at,
       referrer_name, referrer_role, referrer_organisation, referrer_phone, person_consented, reason)
     values ($1, $2, gen_random_uuid(), repeat('0', 64), $3, $4, $5, $6, 'Ada', 'Workspace', '1960-01-01', 'ZZ1 1AA',
       array['loneliness'], 'Meeting people', $7, 'ada@example.org', '01632 960 001', 'test', coalesce($8::timestamptz, now()),
       $9, $9, $9, $10, $11, $12)
     returning id`,
    [
      `SP-${part(4)}-${part(2)}`,
      owner.id,
      options.source ?? 'self',
      elsewhere ? place.otherPractice : place.practice,
      elsewhere ? place.otherPcn : place.pcn,
      options.team ?? (elsewhere ? place.teams.elsewhere : place.teams.pcnTeam),
      options.email === false ? ['phone'] : ['email'],
      options.createdAt ?? null,
      options.source === 'gp_practice' ? 'Dr Test' : null,
      options.source === 'gp_practice' ? '01632 960 002' : null,
      options.source === 'gp_practice' ? true : null,
      options.source === 'gp_practice' ? 'Lonely since a bereavement' : null,
    ],
  );
  return { id: row!.id, owner };
}

export const rpc = (who: Resident | null, fn: string, args: Record<string, unknown>) => call(who, 'POST', `rpc/${fn}`, args);

export async function inboxIds(who: Resident, args: Record<string, unknown> = {}): Promise<string[]> {
  const answer = await rpc(who, 'workspace_inbox', { page_size: 200, ...args });
  if (answer.status !== 200) throw new Error(`inbox answered ${answer.status}: ${answer.message}`);
  return (answer.body as { id: string }[]).map((r) => r.id);
}

export async function removePlace(place: Place): Promise<void> {
  const teams = Object.values(place.teams);
  await sql(`delete from public.referrals where team_id = any($1::uuid[])`, [teams]);
  await sql(`delete from auth.users where id in (select user_id from public.staff_members where team_id = any($1::uuid[]))`, [teams]);
  await sql(`delete from public.teams where id = any($1::uuid[])`, [teams]);
  await sql(`delete from public.gp_practices where id = any($1::uuid[])`, [[place.practice, place.otherPractice]]);
  await sql(`delete from public.pcns where id = any($1::uuid[])`, [[place.pcn, place.otherPcn]]);
}
