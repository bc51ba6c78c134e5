import { createHash, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../../src/lib/referrals/schema.ts';
import { call, db, resident, samplePractice, selfAnswers, type SamplePractice, sql, submit } from './support.ts';

/**
 * public.submit_referral through PostgREST as a browser calls it: what it stores, and each
 * refusal with its code, HTTP status, the field it names and a message a person can act on.
 */
let practice: SamplePractice;
beforeAll(async () => {
  practice = await samplePractice('U90001');
});
afterAll(() => db.end());

const reference = (body: unknown) => (body as { reference: string }).reference;

describe('submitting a self-referral', () => {
  it('stores the referral owned by the session and returns a short unambiguous reference', async () => {
    const person = await resident();
    const answer = await submit(person, selfAnswers(practice));
    expect(answer.status).toBe(200);
    const { reference: ref, replayed } = answer.body as { reference: string; replayed: boolean };
    expect(ref).toMatch(/^SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(replayed).toBe(false);
    const [row] = await sql<{ owner_id: string; status: string; consent_version: string; consent_recorded_at: Date; postcode: string }>(
      `select owner_id, status, consent_version, consent_recorded_at, postcode from public.referrals where reference = $1`,
      [ref],
    );
    expect(row).toMatchObject({ owner_id: person.id, status: 'new', consent_version: 'self-2026-12', postcode: 'PE30 1AB' });
    expect(Date.now() - row!.consent_recorded_at.getTime()).toBeLessThan(60_000);
  });

  it('records the submission in the history and queues a mail to the team, both by the database', async () => {
    const person = await resident();
    const ref = reference((await submit(person, selfAnswers(practice))).body);
    const events = await sql(
      `select e.kind, e.from_status, e.to_status, e.actor from public.referral_events e join public.referrals r on r.id = e.referral_id
       where r.reference = $1`,
      [ref],
    );
    expect(events).toEqual([{ kind: 'submitted', from_status: null, to_status: 'new', actor: 'owner' }]);
    const outbox = await sql(
      `select o.kind, o.recipient, o.team_id = r.team_id as to_routed_team, o.sent_at from public.notification_outbox o
       join public.referrals r on r.id = o.referral_id where r.reference = $1`,
      [ref],
    );
    expect(outbox).toEqual([{ kind: 'referral_received', recipient: 'team', to_routed_team: true, sent_at: null }]);
  });

  it('keeps the outbox free of personal details: only which referral (or listing report) and which team', async () => {
    const columns = await sql<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'notification_outbox' order by 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'attempts',
      'created_at',
      'id',
      'kind',
      'last_error',
      'listing_report_id',
      'message_id',
      'next_attempt_at',
      'recipient',
      'referral_id',
      'sent_at',
      'team_id',
    ]);
  });
});

describe('sending the same referral twice', () => {
  it('gives the same reference, marked replayed, and stores one referral', async () => {
    const person = await resident();
    const answers = selfAnswers(practice);
    const first = await submit(person, answers);
    const again = await submit(person, answers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ reference: reference(first.body), replayed: true });
    const [{ n }] = (await sql<{ n: number }>(`select count(*)::int as n from public.referrals where owner_id = $1`, [person.id])) as [
      { n: number },
    ];
    expect(n).toBe(1);
  });

  it('stores one referral when a double click sends it twice at once', async () => {
    const person = await resident();
    const answers = selfAnswers(practice);
    const results = await Promise.all([submit(person, answers), submit(person, answers), submit(person, answers)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => reference(r.body))).size).toBe(1);
    expect(results.filter((r) => !(r.body as { replayed: boolean }).replayed)).toHaveLength(1);
  });

  it('refuses the same key with different answers, saying so', async () => {
    const person = await resident();
    const answers = selfAnswers(practice);
    await submit(person, answers);
    const changed = await submit(person, { ...answers, what_matters: 'Something else entirely' });
    expect(changed).toMatchObject({ status: 409, code: 'SP409', hint: 'idempotency_key' });
    expect(changed.message).toMatch(/already sent with different details/);
  });

  it('lets another session use the same key for its own referral', async () => {
    const answers = selfAnswers(practice);
    const a = await submit(await resident(), answers);
    const b = await submit(await resident(), answers);
    expect(b.status).toBe(200);
    expect(reference(b.body)).not.toBe(reference(a.body));
  });
});

describe('refusing a submission', () => {
  it('without a session (anon key only), failing closed', async () => {
    const answer = await submit(null, selfAnswers(practice));
    expect(answer.status).toBe(401);
    expect(answer.code).toBe('42501');
  });

  it('with a specific error when the session is missing inside the function', async () => {
    // As hosted Supabase's service role would call it: a caller with no user behind it.
    const [row] = await sql<{ error: string }>(
      `do $$ begin perform public.submit_referral('{}'::jsonb); end $$; select 'none' as error`,
    ).catch((error: Error) => [{ error: error.message }]);
    expect(JSON.parse(row!.error)).toMatchObject({ code: 'SP401', hint: null });
  });

  it('when the answers are not an object', async () => {
    const answer = await call(await resident(), 'POST', 'rpc/submit_referral', { submission: ['not', 'answers'] });
    expect(answer).toMatchObject({ status: 400, code: 'SP400' });
  });

  it.each([
    ['needs', 'loneliness', 'What you would like help with must be a list of choices'],
    ['given_name', 42, 'First name must be text'],
    ['may_leave_message', 'yes', 'Whether we may leave a message must be true or false'],
    ['contact_methods', [1, 2], 'How to contact must be a list of choices'],
  ])('when %s has the wrong type', async (field, value, message) => {
    const answer = await submit(await resident(), { ...selfAnswers(practice), [field]: value });
    expect(answer).toMatchObject({ status: 400, code: 'SP400', hint: field, message });
  });

  it('when the idempotency key is not a uuid', async () => {
    const answer = await submit(await resident(), { ...selfAnswers(practice), idempotency_key: 'again' });
    expect(answer).toMatchObject({ status: 400, code: 'SP400', hint: 'idempotency_key' });
  });

  const oversized: [string, number, string][] = [
    ['given_name', limits.given_name, 'First name must be 100 characters or fewer'],
    ['family_name', limits.family_name, 'Last name must be 100 characters or fewer'],
    ['what_matters', limits.what_matters, 'What matters to you must be 1000 characters or fewer'],
    ['safe_times', limits.safe_times, 'Safe times to contact you must be 200 characters or fewer'],
    ['access_needs', limits.access_needs, 'Accessibility needs must be 500 characters or fewer'],
    ['interpreter_language', limits.interpreter_language, 'Interpreter language must be 60 characters or fewer'],
    ['consent_version', limits.consent_version, 'Consent version must be 40 characters or fewer'],
    ['email', limits.email, 'Email address must be 254 characters or fewer'],
  ];
  it.each(oversized)('when %s is longer than the schema allows (%i)', async (field, max, message) => {
    const answer = await submit(await resident(), { ...selfAnswers(practice), [field]: 'x'.repeat(max + 1) });
    expect(answer).toMatchObject({ status: 422, code: 'SP422', hint: field, message });
  });

  it('when the whole submission is too large to be answers', async () => {
    const answer = await submit(await resident(), { ...selfAnswers(practice), padding: 'x'.repeat(40_000) });
    expect(answer).toMatchObject({ status: 413, code: 'SP413' });
  });

  it('when the GP practice is unknown, naming the field', async () => {
    const answer = await submit(await resident(), { ...selfAnswers(practice), gp_practice_code: 'Z99999', pcn_code: null });
    expect(answer).toMatchObject({ status: 422, code: 'SP404', hint: 'gp_practice_code' });
    expect(answer.message).toMatch(/We do not know that GP practice/);
  });

  it('when the practice is not in the area the person started from', async () => {
    const other = await samplePractice('U90003');
    const answer = await submit(await resident(), { ...selfAnswers(other), pcn_code: practice.pcnCode });
    expect(answer).toMatchObject({ status: 422, code: 'SP422', hint: 'gp_practice_code' });
  });

  it('when the PCN does not take self-referrals online', async () => {
    const closed = await samplePractice(undefined, false);
    const answer = await submit(await resident(), selfAnswers(closed));
    expect(answer).toMatchObject({ status: 422, code: 'SP422', hint: 'gp_practice_code' });
    expect(answer.message).toMatch(/Ask your GP practice to refer you/);
  });

  it.each([
    ['date_of_birth', { date_of_birth: '2999-01-01' }, 'Date of birth must be in the past'],
    ['date_of_birth', { date_of_birth: '1990-02-30' }, 'Date of birth must be a real date'],
    [
      'date_of_birth',
      { date_of_birth: new Date(Date.now() - 10 * 365 * 86_400_000).toISOString().slice(0, 10) },
      'You must be 18 or over to refer yourself',
    ],
    ['date_of_birth', { date_of_birth: null }, 'Enter your date of birth'],
    ['postcode', { postcode: 'PE30' }, 'Enter a real postcode, for example PE30 1AB'],
    ['needs', { needs: [] }, 'Select what you would like help with'],
    ['needs', { needs: ['world-peace'] }, 'Select what you would like help with from the list'],
    ['what_matters', { what_matters: '   ' }, 'Tell us what matters to you'],
    ['contact_methods', { contact_methods: ['pigeon'] }, 'Select how we should contact you'],
    ['phone', { contact_methods: ['text'], phone: null }, 'Enter a phone number so we can call or text you'],
    ['email', { contact_methods: ['email'], email: '' }, 'Enter an email address so we can email you'],
    ['email', { email: 'not an address' }, 'Enter an email address in the correct format, like name@example.com'],
    ['consent_given', { consent_given: false }, 'Select that you agree to us storing and sharing your answers to help you'],
    ['given_name', { given_name: '' }, 'Enter your first name'],
  ])('when %s is wrong: "%s"', async (field, change, message) => {
    const answer = await submit(await resident(), { ...selfAnswers(practice), ...change });
    expect(answer).toMatchObject({ status: 422, code: 'SP422', hint: field, message });
  });

  it('when the honeypot is filled in, with a plain message and nothing stored', async () => {
    const person = await resident();
    const answer = await submit(person, { ...selfAnswers(practice), website: 'http://spam.example' });
    expect(answer).toMatchObject({ status: 403, code: 'SP403', hint: null });
    expect(answer.message).toMatch(/We could not accept this form/);
    expect(await sql(`select 1 from public.referrals where owner_id = $1`, [person.id])).toEqual([]);
  });

  it('when it comes too soon after the form was opened, with a plain message', async () => {
    const answer = await submit(await resident(), { ...selfAnswers(practice), form_started_at: new Date().toISOString() });
    expect(answer).toMatchObject({ status: 425, code: 'SP425', hint: null });
    expect(answer.message).toMatch(/wait a few seconds, then send them again/);
  });

  it('but not when the browser clock is far ahead (a person, not a bot)', async () => {
    const answer = await submit(await resident(), {
      ...selfAnswers(practice),
      form_started_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(answer.status).toBe(200);
  });
});

describe('rate limits', () => {
  it('refuse a session that has sent its hourly number of referrals', async () => {
    const person = await resident();
    const [{ per }] = (await sql<{ per: number }>(`select per_session_per_hour as per from public.referral_limits`)) as [{ per: number }];
    for (let i = 0; i < per - 1; i++) expect((await submit(person, selfAnswers(practice))).status).toBe(200);
    // The last allowed one, then one too many.
    expect((await submit(person, selfAnswers(practice))).status).toBe(200);
    const refused = await submit(person, selfAnswers(practice));
    expect(refused).toMatchObject({ status: 429, code: 'SP429', hint: null });
    expect(refused.message).toMatch(/Wait an hour/);
  });

  it('still replay an earlier referral of a session that reached its limit', async () => {
    const person = await resident();
    const answers = selfAnswers(practice);
    const first = await submit(person, answers);
    await sql(
      `insert into public.referral_rate_counts (subject, hour, submissions) values ($1, date_trunc('hour', now()), 10)
       on conflict (subject, hour) do update set submissions = 10`,
      [`session:${person.id}`],
    );
    expect((await submit(person, answers)).body).toEqual({ reference: reference(first.body), replayed: true });
  });

  it('refuse a client address that has sent its hourly number, whichever session it uses', async () => {
    const address = `203.0.113.${randomInt(1, 254)}`;
    const hash = createHash('sha256').update(address).digest('hex');
    const subject = `address:${hash}`;
    await sql(`delete from public.referral_rate_counts where subject = $1`, [subject]);
    expect((await submit(await resident(), selfAnswers(practice), { forwardedFor: address })).status).toBe(200);
    const counted = await sql<{ n: number }>(`select submissions as n from public.referral_rate_counts where subject = $1`, [subject]);
    expect(counted).toEqual([{ n: 1 }]);
    await sql(
      `update public.referral_rate_counts set submissions = (select per_address_per_hour from public.referral_limits) where subject = $1`,
      [subject],
    );
    const refused = await submit(await resident(), selfAnswers(practice), { forwardedFor: `${address}, 10.0.0.1` });
    expect(refused).toMatchObject({ status: 429, code: 'SP429' });
    expect(refused.message).toMatch(/from your network/);
    const elsewhere = await submit(await resident(), selfAnswers(practice), { forwardedFor: `198.51.100.${randomInt(1, 254)}` });
    expect(elsewhere.status).toBe(200);
  });

  it('count the hour before in proportion, and forget counts older than that', async () => {
    const person = await resident();
    const [{ per }] = (await sql<{ per: number }>(`select per_session_per_hour as per from public.referral_limits`)) as [{ per: number }];
    // A full last hour still counts in full at the start of this one, in part later, and not at all after.
    await sql(
      `insert into public.referral_rate_counts (subject, hour, submissions) values ($1, date_trunc('hour', now()) - interval '1 hour', $2)`,
      [`session:${person.id}`, per * 100_000],
    );
    expect(await submit(person, selfAnswers(practice))).toMatchObject({ status: 429, code: 'SP429' });
    const stale = `session:${(await resident()).id}`;
    await sql(
      `insert into public.referral_rate_counts (subject, hour, submissions) values ($1, date_trunc('hour', now()) - interval '3 hours', 3)`,
      [stale],
    );
    expect((await submit(await resident(), selfAnswers(practice))).status).toBe(200);
    expect(await sql(`select 1 from public.referral_rate_counts where subject = $1`, [stale])).toEqual([]);
  });

  it('allow more from an address range given an allowance (a hospital trust behind one address)', async () => {
    const address = `192.0.2.${randomInt(1, 254)}`;
    const hash = createHash('sha256').update(address).digest('hex');
    await sql(
      `insert into public.referral_rate_counts (subject, hour, submissions)
       values ($1, date_trunc('hour', now()), (select per_address_per_hour from public.referral_limits))
       on conflict (subject, hour) do update set submissions = excluded.submissions`,
      [`address:${hash}`],
    );
    const range = `${address}/32`;
    await sql(`insert into public.referral_address_allowances values ($1, 1000, 'Referrals test trust') on conflict do nothing`, [range]);
    try {
      expect((await submit(await resident(), selfAnswers(practice), { forwardedFor: address })).status).toBe(200);
    } finally {
      await sql(`delete from public.referral_address_allowances where addresses = $1`, [range]);
    }
  });
});

describe('the function itself', () => {
  it('is security definer with an empty search path, runnable by signed-in callers only', async () => {
    const rows = await sql<{ name: string; definer: boolean; config: string[]; runners: string[] }>(
      `select p.proname as name, p.prosecdef as definer, p.proconfig as config,
              array(select r from unnest(array['public', 'anon', 'authenticated', 'service_role']) r
                    where has_function_privilege(r, p.oid, 'execute')) as runners
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.proname in ('submit_referral', 'withdraw_referral', 'mark_referral_messages_read') order by 1`,
    );
    expect(rows).toEqual(
      ['mark_referral_messages_read', 'submit_referral', 'withdraw_referral'].map((name) => ({
        name,
        definer: true,
        config: ['search_path=""'],
        runners: ['authenticated'],
      })),
    );
  });

  it('keeps every other referral helper away from API callers', async () => {
    const rows = await sql<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and (p.proname like 'referral%' or p.proname like 'new_referral%')
         and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))`,
    );
    expect(rows).toEqual([]);
  });

  it('has the same length limits in its tables as the shared schema', async () => {
    const checks = await sql<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint
       where conrelid in ('public.referrals'::regclass, 'public.referral_messages'::regclass) and contype = 'c'`,
    );
    const maxOf = (column: string) => checks.map((c) => c.def.match(new RegExp(`char_length\\(${column}\\) <= (\\d+)`))?.[1]).find(Boolean);
    const columns = Object.keys(limits).filter((k) => !['postcode', 'needs', 'message'].includes(k));
    expect(Object.fromEntries(columns.map((c) => [c, Number(maxOf(c))]))).toEqual(
      Object.fromEntries(columns.map((c) => [c, limits[c as keyof typeof limits]])),
    );
    expect(Number(maxOf('body'))).toBe(limits.message);
  });

  it('makes references only from the unambiguous alphabet', async () => {
    const rows = await sql<{ r: string }>(`select public.new_referral_reference() as r from generate_series(1, 500)`);
    for (const { r } of rows) expect(r).toMatch(/^SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(new Set(rows.map((x) => x.r)).size).toBeGreaterThan(495);
  });

  it('refuses a stored referral that breaks the rules even without the function (constraints)', async () => {
    const person = await resident();
    const ref = reference((await submit(person, selfAnswers(practice))).body);
    await expect(sql(`update public.referrals set what_matters = repeat('x', 1001) where reference = $1`, [ref])).rejects.toThrow(
      /referrals_what_matters_check/,
    );
    await expect(sql(`update public.referrals set date_of_birth = current_date where reference = $1`, [ref])).rejects.toThrow(
      /referrals_adult/,
    );
    await expect(sql(`update public.referrals set reference = 'SP-0OIL-10' where reference = $1`, [ref])).rejects.toThrow(
      /referrals_reference_check/,
    );
  });
});
