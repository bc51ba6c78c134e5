import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { staffToken, userToken } from '../../support/jwt.ts';
import { testStack } from '../../support/stack.ts';

/**
 * Fixtures for the report tests, made as postgres in PCNs, practices and teams that only this
 * run owns (random codes), so no other test's referrals can change a figure. `removeAll` clears them.
 */
export const db = new pg.Pool({ connectionString: testStack.databaseUrl, max: 3 });
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(text, params)).rows;
}

const made = { pcns: [] as string[], teams: [] as string[], users: [] as string[], services: [] as string[] };
let codeCounter = Math.floor(Math.random() * 80_000);
const code = (letter: string, digits: number) => letter + String(++codeCounter).padStart(digits, '0');

export async function pcn(name: string): Promise<{ id: string; code: string }> {
  const row = { id: randomUUID(), code: code('Q', 6) };
  await sql(`insert into public.pcns (id, code, name, icb) values ($1, $2, $3, 'Reports test ICB')`, [row.id, row.code, name]);
  made.pcns.push(row.id);
  return row;
}

export async function practice(pcnId: string, name: string): Promise<string> {
  const id = randomUUID();
  await sql(`insert into public.gp_practices (id, code, name, pcn_id) values ($1, $2, $3, $4)`, [id, code('X', 5), name, pcnId]);
  return id;
}

export async function team(name: string, pcnIds: string[]): Promise<string> {
  const id = randomUUID();
  await sql(`insert into public.teams (id, kind, name) values ($1, 'pcn_link_workers', $2)`, [id, name]);
  for (const p of pcnIds) await sql(`insert into public.team_pcns (team_id, pcn_id) values ($1, $2)`, [id, p]);
  made.teams.push(id);
  return id;
}

export interface Caller {
  id: string;
  token: string;
}

/** A signed-in person; with a role, a member of staff. Staff sign in with aal2 unless `aal1`. */
export async function caller(
  role?: 'link_worker' | 'coordinator' | 'curator' | 'admin',
  teamId: string | null = null,
  session: 'aal1' | 'aal2' = 'aal2',
): Promise<Caller> {
  const id = randomUUID();
  const email = `reports-${id.slice(0, 8)}@reports-test.example.org`;
  await sql(
    `insert into auth.users (id, aud, role, email, is_anonymous, created_at, updated_at)
     values ($1, 'authenticated', 'authenticated', $2, false, now(), now())`,
    [id, email],
  );
  made.users.push(id);
  if (role)
    await sql(`insert into public.staff_members (user_id, role, team_id, display_name) values ($1, $2, $3, 'Reports test')`, [
      id,
      role,
      teamId,
    ]);
  return { id, token: role && session === 'aal2' ? staffToken(id, { email }) : userToken(id, { email }) };
}

export interface ReferralFixture {
  pcn: string;
  team: string;
  practice: string;
  owner: string;
  createdAt: string;
  source?: string;
  needs?: string[];
  status?: string;
  outcome?: string;
}

const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const part = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');

/** A complete referral as submit_referral stores it, created at the given instant. */
export async function referral(r: ReferralFixture): Promise<string> {
  const id = randomUUID();
  const source = r.source ?? 'self';
  const professional = source !== 'self';
  await sql(
    `insert into public.referrals (id, reference, owner_id, idempotency_key, submission_hash, source, status, outcome,
       gp_practice_id, pcn_id, team_id, given_name, family_name, date_of_birth, postcode, needs, what_matters,
       contact_methods, email, consent_version, referrer_name, referrer_role, referrer_organisation, referrer_email,
       person_consented, reason, ward, created_at)
     values ($1, $2, $3, gen_random_uuid(), repeat('0', 64), $4, $5, $6, $7, $8, $9, 'Report', 'Fixture', '1960-01-01',
       'ZZ1 1AA', $10, $11, array['email'], 'fixture@reports-test.example.org', 'reports', $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      id,
      `SP-${part(4)}-${part(2)}`,
      r.owner,
      source,
      r.status ?? 'new',
      r.outcome ?? null,
      r.practice,
      r.pcn,
      r.team,
      r.needs ?? [],
      professional ? null : 'Fixture',
      professional ? 'Referrer' : null,
      professional ? 'Social worker' : null,
      professional ? 'Council' : null,
      professional ? 'referrer@reports-test.example.org' : null,
      professional ? true : null,
      professional ? 'Fixture reason' : null,
      source === 'hospital_ward' ? 'Ward 1' : null,
      r.createdAt,
    ],
  );
  return id;
}

/** The first (or a later) contact: the status change to contacted, at the given instant. */
export async function contacted(referralId: string, at: string): Promise<void> {
  await sql(
    `insert into public.referral_events (referral_id, kind, from_status, to_status, actor, at)
     values ($1, 'status_changed', 'new', 'contacted', 'staff', $2)`,
    [referralId, at],
  );
}

export async function planService(referralId: string, status: string): Promise<void> {
  const serviceId = `reports-test-${randomUUID().slice(0, 8)}`;
  await sql(`insert into public.services (id, name, published) values ($1, 'Reports test service', false)`, [serviceId]);
  made.services.push(serviceId);
  await sql(
    `insert into public.referral_plan_services (referral_id, service_id, service_name, status) values ($1, $2, 'Reports test service', $3)`,
    [referralId, serviceId, status],
  );
}

/** ONS4 answers: life satisfaction, worthwhile, happiness, anxiety. */
export async function wellbeing(referralId: string, stage: 'start' | 'review', at: string, answers: [number, number, number, number]) {
  await sql(
    `insert into public.referral_wellbeing (referral_id, stage, life_satisfaction, worthwhile, happiness, anxiety, recorded_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [referralId, stage, ...answers, at],
  );
}

export async function fund(teamId: string, referralId: string | null, kind: 'spend' | 'top_up', pence: number): Promise<void> {
  await sql(
    `insert into public.team_fund_entries (team_id, referral_id, kind, amount_pence, purpose, supplier, approved_by)
     values ($1, $2, $3, $4, 'Fixture', case when $3 = 'spend' then 'Fixture supplier' end, case when $3 = 'spend' then 'Fixture lead' end)`,
    [teamId, referralId, kind, pence],
  );
}

export interface RpcResult<T = unknown> {
  status: number;
  body: T;
}

/** Calls a database function through PostgREST as the caller (or as anon without one). */
export async function rpc<T = unknown>(fn: string, args: Record<string, unknown>, who?: Caller): Promise<RpcResult<T>> {
  const response = await fetch(`${testStack.supabaseUrl}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: {
      apikey: testStack.publishableKey,
      'content-type': 'application/json',
      ...(who ? { authorization: `Bearer ${who.token}` } : {}),
    },
    body: JSON.stringify(args),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function removeAll(): Promise<void> {
  await sql(`delete from public.referrals where pcn_id = any($1::uuid[])`, [made.pcns]);
  await sql(`delete from public.team_fund_entries where team_id = any($1::uuid[])`, [made.teams]);
  await sql(`delete from auth.users where id = any($1::uuid[])`, [made.users]);
  await sql(`delete from public.teams where id = any($1::uuid[])`, [made.teams]);
  await sql(`delete from public.gp_practices where pcn_id = any($1::uuid[])`, [made.pcns]);
  await sql(`delete from public.pcns where id = any($1::uuid[])`, [made.pcns]);
  await sql(`delete from public.services where id = any($1::text[])`, [made.services]);
}
