import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { profiles } from '../../../scripts/stack/profiles.ts';
import type { SubmissionInput } from '../../../src/lib/referrals/schema.ts';
import { staffToken, userToken } from '../../support/jwt.ts';
import { testStack } from '../../support/stack.ts';

/** Runs SQL as postgres on the test database (to set up and to look at what was stored). */
export const db = new pg.Pool({ connectionString: testStack.databaseUrl, max: 3 });
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(text, params)).rows;
}

export interface Resident {
  id: string;
  token: string;
}

/** A person with a Supabase session: a row in auth.users and a token signed as Auth signs them. */
export async function resident(anonymous = true): Promise<Resident> {
  const id = randomUUID();
  const email = anonymous ? null : `referrals-${id.slice(0, 8)}@referrals-test.example.org`;
  await sql(
    `insert into auth.users (id, aud, role, email, is_anonymous, created_at, updated_at)
     values ($1, 'authenticated', 'authenticated', $2, $3, now(), now())`,
    [id, email, anonymous],
  );
  return { id, token: userToken(id, anonymous ? { is_anonymous: true } : { email }) };
}

/** A member of staff of a team, with a token of a session that passed its second factor (aal2). */
export async function staff(role: 'link_worker' | 'coordinator' | 'curator' | 'admin', teamId: string | null): Promise<Resident> {
  const person = await resident(false);
  await sql(`insert into public.staff_members (user_id, role, team_id, display_name) values ($1, $2, $3, 'Referrals test')`, [
    person.id,
    role,
    teamId,
  ]);
  return { id: person.id, token: staffToken(person.id, { email: `referrals-${person.id.slice(0, 8)}@referrals-test.example.org` }) };
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  code?: string;
  message?: string;
  hint?: string | null;
}

/**
 * One PostgREST call as a person (no token: anon). Through the gateway, or straight to PostgREST
 * with a client address of our choosing (the gateway always sets its own X-Forwarded-For).
 */
export async function call(
  who: Resident | null,
  method: string,
  path: string,
  body?: unknown,
  options: { forwardedFor?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const base = options.forwardedFor ? `http://127.0.0.1:${profiles.test.ports.postgrest}` : `${testStack.supabaseUrl}/rest/v1`;
  const response = await fetch(`${base}/${path}`, {
    method,
    headers: {
      apikey: testStack.anonKey,
      'content-type': 'application/json',
      prefer: 'return=representation',
      ...(who ? { authorization: `Bearer ${who.token}` } : options.forwardedFor ? { authorization: `Bearer ${testStack.anonKey}` } : {}),
      ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
      ...options.headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  const error = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  return {
    status: response.status,
    body: parsed,
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
    hint: typeof error?.hint === 'string' ? error.hint : null,
  };
}

export const submit = (who: Resident | null, submission: unknown, options: { forwardedFor?: string } = {}) =>
  call(who, 'POST', 'rpc/submit_referral', { submission }, options);

export interface SamplePractice {
  code: string;
  name: string;
  pcnCode: string;
  pcnId: string;
}

/** A sample practice whose PCN takes self-referrals (or does not), from the seeded sample data. */
export async function samplePractice(pcnCode?: string, selfReferralOpen = true): Promise<SamplePractice> {
  const [row] = await sql<SamplePractice>(
    `select p.code, p.name, n.code as "pcnCode", n.id as "pcnId" from public.gp_practices p join public.pcns n on n.id = p.pcn_id
     where ($1::text is null or n.code = $1) and n.self_referral_open = $2 and n.code like 'U9%' order by p.code limit 1`,
    [pcnCode ?? null, selfReferralOpen],
  );
  if (!row) throw new Error(`no sample practice for PCN ${pcnCode ?? '(any)'}; is the sample data loaded?`);
  return row;
}

const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

/** A complete, valid self-referral for the practice; each call has its own idempotency key. */
export function selfAnswers(practice: SamplePractice, overrides: Record<string, unknown> = {}): SubmissionInput {
  return {
    source: 'self',
    given_name: 'Ada',
    family_name: 'Testperson',
    date_of_birth: '1958-04-12',
    postcode: 'PE30 1AB',
    pcn_code: practice.pcnCode,
    gp_practice_code: practice.code,
    needs: ['loneliness', 'money'],
    what_matters: 'Getting out of the house and meeting people again.',
    contact_methods: ['phone', 'email'],
    phone: '01632 960 001',
    email: 'ada@example.org',
    safe_times: 'Weekday mornings',
    may_leave_message: true,
    access_needs: null,
    interpreter_language: null,
    consent_given: true,
    consent_version: 'self-2026-12',
    idempotency_key: randomUUID(),
    form_started_at: minuteAgo(),
    website: '',
    ...overrides,
  };
}

/** A complete, valid professional referral from a hospital ward. */
export function wardAnswers(practice: SamplePractice, overrides: Record<string, unknown> = {}): SubmissionInput {
  return {
    source: 'hospital_ward',
    given_name: 'Bert',
    family_name: 'Patient',
    date_of_birth: '1941-09-30',
    postcode: 'PE30 2CD',
    pcn_code: practice.pcnCode,
    gp_practice_code: practice.code,
    needs: ['hospital-discharge-support'],
    what_matters: null,
    contact_methods: ['phone'],
    phone: '01632 960 555',
    email: null,
    safe_times: null,
    may_leave_message: false,
    access_needs: 'Uses a walking frame',
    interpreter_language: null,
    consent_version: 'professional-2026-12',
    referrer_name: 'Nurse Jo Example',
    referrer_role: 'Ward nurse',
    referrer_organisation: "Queen Elizabeth Hospital King's Lynn",
    referrer_phone: '01632 960 777',
    referrer_email: null,
    person_consented: true,
    reason: 'Medically fit for discharge; home is cluttered and needs grab rails before he can go back.',
    discharge_needs: ['cluttered_or_unsafe_home', 'minor_repairs_or_adaptations'],
    ward: 'Ward 4, Elderly Care',
    expected_discharge_date: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
    idempotency_key: randomUUID(),
    form_started_at: minuteAgo(),
    website: '',
    ...overrides,
  };
}

/** A supabase-js client as the browser builds it (publishable key), for the client module's tests. */
export const browserClient = () =>
  createClient(testStack.supabaseUrl, testStack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });

/** A supabase-js client acting with a resident's token. */
export const clientAs = (who: Resident) =>
  createClient(testStack.supabaseUrl, testStack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { authorization: `Bearer ${who.token}` } },
  });
