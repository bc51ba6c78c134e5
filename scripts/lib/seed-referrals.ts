import { createClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { connect } from '../../src/lib/oruk/db.ts';
import { isLocalUrl, localChecks, productionReason } from '../../src/lib/local-defaults-guard.ts';
import { sampleData } from '../../src/lib/sample-data/index.ts';
import { type SampleReferral, sampleReferrals } from '../../src/lib/sample-data/referrals.ts';
import type { ScriptConfig } from './config.ts';

/** The consent wording version the sample referrals carry: how the seed knows they are there already. */
export const sampleConsentVersion = 'sample-data';

export class SampleReferralsRefused extends Error {}

type Claims = { sub: string; role: 'authenticated'; aal: 'aal1' | 'aal2'; email: string };

/**
 * Runs one statement as a signed-in caller, exactly as PostgREST runs a request with their token:
 * the token's claims and the request headers as settings, the `authenticated` role, in a
 * transaction. So the sample goes through the same functions, checks and triggers as the site.
 */
async function as<T extends pg.QueryResultRow>(db: pg.Client, claims: Claims, text: string, params: unknown[]): Promise<T[]> {
  await db.query('begin');
  try {
    await db.query(`select set_config('request.jwt.claims', $1, true), set_config('request.headers', $2, true)`, [
      JSON.stringify(claims),
      JSON.stringify({ 'x-forwarded-for': '127.0.0.1' }),
    ]);
    await db.query('set local role authenticated');
    const { rows } = await db.query<T>(text, params);
    await db.query('commit');
    return rows;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

function submission(r: SampleReferral, practiceCode: string, pcnCode: string, index: number, email: string) {
  const common = {
    source: r.source,
    given_name: r.given_name,
    family_name: r.family_name,
    date_of_birth: `19${40 + index}-0${(index % 9) + 1}-1${index % 10}`,
    postcode: 'PE30 1AB',
    pcn_code: pcnCode,
    gp_practice_code: practiceCode,
    needs: r.needs,
    what_matters: r.what_matters,
    contact_methods: ['phone', 'email'],
    phone: '01632 960 001',
    email,
    safe_times: 'Weekday mornings',
    may_leave_message: true,
    consent_version: sampleConsentVersion,
    // The same key on every run, so a repeated seed replays rather than duplicates.
    idempotency_key: `5a3e0000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    form_started_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    website: '',
  };
  if (r.source === 'self') return { ...common, consent_given: true };
  return {
    ...common,
    referrer_name: 'Dr Sample Practitioner',
    referrer_role: 'GP',
    referrer_organisation: 'The person’s GP practice',
    referrer_phone: '01632 960 100',
    person_consented: true,
    reason: r.what_matters,
  };
}

/**
 * `npm start`: sample referrals in several states and teams, so a sample link worker has an
 * inbox to work. Each sample person is a confirmed account (no password; fictional addresses),
 * submits through public.submit_referral, and the sample staff then move, assign, contact,
 * message, note and route through the workspace's functions. Local stack only; once made, a
 * second start leaves them (and whatever was done to them since) alone. Prints nothing secret.
 */
export async function seedSampleReferrals(config: ScriptConfig, env: Record<string, string | undefined> = process.env): Promise<number> {
  const production = productionReason({ ...env, PUBLIC_SITE_URL: config.PUBLIC_SITE_URL });
  if (production || !isLocalUrl(config.PUBLIC_SUPABASE_URL) || !localChecks.postgres(config.DATABASE_URL))
    throw new SampleReferralsRefused(
      `Sample referrals are made only on the local stack (${production ?? `Supabase is ${config.PUBLIC_SUPABASE_URL}`}).`,
    );
  const admin = createClient(config.PUBLIC_SUPABASE_URL, config.SUPABASE_SECRET_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const db = await connect(config.DATABASE_URL);
  try {
    const existing = await db.query(`select 1 from public.referrals where consent_version = $1 limit 1`, [sampleConsentVersion]);
    if (existing.rowCount) return 0;
    const staff = new Map(
      (
        await db.query<{ email: string; id: string }>(
          `select lower(u.email) as email, u.id from public.staff_members s join auth.users u on u.id = s.user_id`,
        )
      ).rows.map((r) => [r.email, r.id]),
    );
    const staffClaims = (email: string): Claims => {
      const id = staff.get(email.toLowerCase());
      if (!id) throw new Error(`The sample member of staff ${email} is missing: seed the sample staff first.`);
      return { sub: id, role: 'authenticated', aal: 'aal2', email };
    };
    const teams = new Map(sampleData.places.teams.map((t) => [t.name, t.id]));
    let made = 0;
    for (const [index, r] of sampleReferrals.entries()) {
      const pcn = sampleData.places.pcns.find((p) => p.name === r.practiceOf);
      const practice = sampleData.places.practices.find((p) => p.pcn_id === pcn?.id);
      if (!pcn || !practice) throw new Error(`The sample PCN ${r.practiceOf} has no practice.`);
      const email = `sample.person.${r.key}@residents.example.org`;
      const found = await db.query<{ id: string }>('select id from auth.users where lower(email) = $1', [email]);
      let personId = found.rows[0]?.id;
      if (!personId) {
        const { data, error } = await admin.auth.admin.createUser({ email, email_confirm: true });
        if (error) throw new Error(`The sample person ${email} was not made: ${error.message}`);
        personId = data.user.id;
      }
      const person: Claims = { sub: personId, role: 'authenticated', aal: 'aal1', email };
      const [sent] = await as<{ result: { reference: string } }>(db, person, 'select public.submit_referral($1) as result', [
        submission(r, practice.code, pcn.code, index, email),
      ]);
      const reference = sent!.result.reference;
      const [{ id } = { id: '' }] = (await db.query<{ id: string }>('select id from public.referrals where reference = $1', [reference]))
        .rows;
      // Sample only: it arrived some days ago, and its first-contact date counts from then.
      await db.query(
        `update public.referrals r set created_at = now() - make_interval(days => $2),
             first_contact_due_on = public.add_working_days(((now() - make_interval(days => $2)) at time zone 'Europe/London')::date,
               (select t.first_contact_working_days from public.teams t where t.id = r.team_id))
           where r.id = $1`,
        [id, r.daysAgo],
      );
      for (const step of r.steps) {
        const by = staffClaims(step.by);
        const d = step.do;
        if (d.kind === 'move')
          await as(db, by, 'select public.move_referral($1, $2, $3, $4)', [id, d.to, d.outcome ?? null, d.reason ?? null]);
        else if (d.kind === 'assign') await as(db, by, 'select public.assign_referral($1, $2)', [id, staffClaims(d.to).sub]);
        else if (d.kind === 'contact') await as(db, by, 'select public.record_contact($1, $2, $3)', [id, d.method, d.result]);
        else if (d.kind === 'message') await as(db, by, 'select public.send_staff_message($1, $2)', [id, d.body]);
        else if (d.kind === 'note')
          await as(db, by, 'insert into public.referral_case_notes (referral_id, author_id, body) values ($1, $2, $3)', [
            id,
            by.sub,
            d.body,
          ]);
        else await as(db, by, 'select public.route_referral($1, $2, $3)', [id, teams.get(d.team), d.reason]);
      }
      made++;
    }
    return made;
  } finally {
    await db.end();
  }
}
