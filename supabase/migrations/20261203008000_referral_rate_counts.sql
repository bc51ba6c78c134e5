-- Referral limits by counter rather than by log, and a lighter submission (issue 10's p95 target).
--
-- submit_referral counted a session's and an address's rows in referral_submissions, as far as the
-- limit. That is cheap for a person (5 an hour) but not for an address with an allowance (an NHS
-- trust's wards behind one address, say 1,000 an hour), where every check read up to that many
-- rows. Now each session and each address has one counter a clock hour, bumped inside the
-- submission's own transaction, so a refused or failed submission's bump is rolled back with it.
-- "In the last hour" is this hour's count plus the part of the previous hour's that is still inside
-- the hour up to now, taken in proportion (a sliding-window estimate). The log held nothing else
-- and goes.
--
-- Also: the GP practice is found by a code worked out once (a helper call in the WHERE clause ran
-- for every practice), and four indexes on referrals that others cover are dropped: (owner_id) leads
-- as the unique (owner_id, idempotency_key) does, which the replay check needs (with both, a plan
-- made while the table was small kept reading every referral of the session); (team_id, created_at)
-- and (pcn_id, created_at) lead as the workspace's (…, status, created_at desc) do; and the GIN index
-- on needs served only queries already narrowed to a team or a PCN. Every index is written on every
-- referral stored.
--
-- submit_referral is otherwise as 20261203004800_referral_limit_checks.sql wrote it.
-- Sections: tables, indexes, functions, policies, grants.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────
-- How many referrals a session ('session:<user id>') or an address ('address:<SHA-256 of it>')
-- stored in one clock hour. Nothing else about either.
create table public.referral_rate_counts (
  subject text not null check (subject ~ '^(session|address):'),
  hour timestamptz not null check (hour = date_trunc('hour', hour)),
  submissions integer not null check (submissions > 0),
  primary key (subject, hour)
);
alter table public.referral_rate_counts enable row level security;

drop table public.referral_submissions;

-- ── Indexes ─────────────────────────────────────────────────────────────────────────────
create index referral_rate_counts_hour_idx on public.referral_rate_counts (hour);
drop index public.referrals_team_id_idx;
drop index public.referrals_pcn_id_idx;
drop index public.referrals_needs_idx;
drop index public.referrals_owner_id_idx;

-- ── Functions ───────────────────────────────────────────────────────────────────────────
-- Counts one more referral for a subject and says whether those before it, in the hour up to now,
-- had already reached the limit.
create or replace function public.referral_rate_reached(p_subject text, p_limit integer) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_hour timestamptz := date_trunc('hour', now());
  v_this_hour integer;
  v_last_hour integer;
begin
  insert into public.referral_rate_counts as c (subject, hour, submissions) values (p_subject, v_hour, 1)
  on conflict (subject, hour) do update set submissions = c.submissions + 1
  returning c.submissions into v_this_hour;
  select c.submissions into v_last_hour from public.referral_rate_counts c
  where c.subject = p_subject and c.hour = v_hour - interval '1 hour';
  return (v_this_hour - 1) + coalesce(v_last_hour, 0) * (1 - extract(epoch from now() - v_hour) / 3600) >= p_limit;
end
$$;

create or replace function public.submit_referral(submission jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_limits public.referral_limits;
  v_key uuid;
  v_hash text;
  v_existing public.referrals;
  v_source text;
  v_professional boolean;
  v_started timestamptz;
  v_address inet;
  v_address_hash text;
  v_allowance integer;
  v_practice_code text;
  v_practice public.gp_practices;
  v_pcn public.pcns;
  v_pcn_code text;
  v_team uuid;
  v_dob date;
  v_postcode text;
  v_needs text[];
  v_unknown_need text;
  v_methods text[];
  v_phone text;
  v_email text;
  v_discharge_date date;
  v_row public.referrals;
  v_constraint text;
begin
  -- Fails closed: no session, no referral.
  if v_uid is null then
    perform public.referral_fail('SP401', 401, null,
      'Your session has ended. Reload the page and send your answers again: they are still on the screen.');
  end if;
  if submission is null or jsonb_typeof(submission) <> 'object' then
    perform public.referral_fail('SP400', 400, null, 'The form sent something that is not a set of answers. Reload the page and try again.');
  end if;
  if char_length(submission::text) > 32000 then
    perform public.referral_fail('SP413', 413, null, 'The answers are too long to send. Shorten the longest ones and try again.');
  end if;

  -- The retry key, first: a replay returns what the first submission did.
  if jsonb_typeof(submission -> 'idempotency_key') is distinct from 'string'
     or (submission ->> 'idempotency_key') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform public.referral_fail('SP400', 400, 'idempotency_key', 'The form lost its key. Reload the page and try again.');
  end if;
  v_key := (submission ->> 'idempotency_key')::uuid;
  -- The answers without the start time, in jsonb's own key order (so the same answers hash the same).
  v_hash := encode(sha256(convert_to((submission - 'form_started_at')::text, 'UTF8')), 'hex');
  -- One submission at a time per session: a double click waits for the first, then replays it.
  perform pg_advisory_xact_lock(hashtextextended('submit_referral:' || v_uid::text, 0));
  select * into v_existing from public.referrals r where r.owner_id = v_uid and r.idempotency_key = v_key;
  if found then
    if v_existing.submission_hash <> v_hash then
      perform public.referral_fail('SP409', 409, 'idempotency_key',
        'These answers were already sent with different details. Reload the page to send a new referral.');
    end if;
    return jsonb_build_object('reference', v_existing.reference, 'replayed', true);
  end if;

  -- Bots: the honeypot stays empty, and people take a few seconds to fill the form.
  if coalesce(submission ->> 'website', '') <> '' then
    perform public.referral_fail('SP403', 403, null,
      'We could not accept this form. Please call your GP practice or the link worker team instead.');
  end if;
  select * into v_limits from public.referral_limits where id;
  if jsonb_typeof(submission -> 'form_started_at') is distinct from 'string' then
    perform public.referral_fail('SP400', 400, 'form_started_at', 'The form lost its start time. Reload the page and try again.');
  end if;
  begin
    v_started := (submission ->> 'form_started_at')::timestamptz;
  exception when others then
    perform public.referral_fail('SP400', 400, 'form_started_at', 'The form lost its start time. Reload the page and try again.');
  end;
  -- A start time well in the future is a browser clock set wrong, not a bot: let it through.
  if v_started > now() - make_interval(secs => v_limits.min_fill_seconds) and v_started < now() + interval '1 minute' then
    perform public.referral_fail('SP425', 425, null,
      'That was sent very quickly. Check your answers, wait a few seconds, then send them again.');
  end if;

  -- Rate limits: per session and per client address (the gateway's X-Forwarded-For).
  begin
    v_address := nullif(btrim(split_part(
      coalesce(nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ''), ',', 1)), '')::inet;
  exception when others then
    v_address := null;
  end;
  v_address_hash := case when v_address is null then null
    else encode(sha256(convert_to(host(v_address), 'UTF8')), 'hex') end;
  -- Counted by the session's and the address's counters: one row each an hour, so a check costs
  -- the same however many came before. The counts stand only if the referral is stored.
  if public.referral_rate_reached('session:' || v_uid::text, v_limits.per_session_per_hour) then
    perform public.referral_fail('SP429', 429, null,
      'You have sent several referrals in the last hour. Wait an hour, or call the link worker team.');
  end if;
  if v_address_hash is not null then
    select max(a.per_hour) into v_allowance from public.referral_address_allowances a where v_address <<= a.addresses;
    if public.referral_rate_reached('address:' || v_address_hash, coalesce(v_allowance, v_limits.per_address_per_hour)) then
      perform public.referral_fail('SP429', 429, null,
        'Many referrals have come from your network in the last hour. Wait an hour, or call the link worker team.');
    end if;
  end if;

  -- Who is referring.
  if jsonb_typeof(submission -> 'source') is distinct from 'string' then
    perform public.referral_fail('SP400', 400, 'source', 'Say who is making the referral');
  end if;
  v_source := submission ->> 'source';
  if v_source not in ('self', 'gp_practice', 'hospital_ward', 'emergency_department', 'paramedic', 'social_worker', 'other') then
    perform public.referral_fail('SP422', 422, 'source', 'Select where you are referring from');
  end if;
  v_professional := v_source <> 'self';

  -- The practice, which sets the PCN and the team.
  -- The code first, once: a helper call in the WHERE clause would run for every practice.
  v_practice_code := upper(public.referral_required_text(submission, 'gp_practice_code', 10, 'GP practice code', 'Select your GP practice'));
  select * into v_practice from public.gp_practices p where p.code = v_practice_code;
  if not found then
    perform public.referral_fail('SP404', 422, 'gp_practice_code',
      'We do not know that GP practice. Choose it from the list, or search by your postcode.');
  end if;
  select * into v_pcn from public.pcns where id = v_practice.pcn_id;
  v_pcn_code := public.referral_text(submission, 'pcn_code', 8, 'PCN code');
  if v_pcn_code is not null and upper(v_pcn_code) <> v_pcn.code then
    perform public.referral_fail('SP422', 422, 'gp_practice_code',
      'That GP practice is not in the area you chose. Choose your practice again.');
  end if;
  if not v_professional and not v_pcn.self_referral_open then
    perform public.referral_fail('SP422', 422, 'gp_practice_code',
      'The link workers for ' || v_practice.name || ' do not take self-referrals online yet. Ask your GP practice to refer you.');
  end if;
  v_team := public.referral_team_for(v_pcn.id, v_source);
  if v_team is null then
    perform public.referral_fail('SP422', 422, 'gp_practice_code',
      'No social prescribing team takes referrals for ' || v_practice.name || ' yet. Ask your GP practice about support near you.');
  end if;

  -- The person.
  v_dob := public.referral_date(submission, 'date_of_birth', 'Date of birth');
  if v_dob is null then
    perform public.referral_fail('SP422', 422, 'date_of_birth',
      case when v_professional then 'Enter their date of birth' else 'Enter your date of birth' end);
  elsif v_dob >= current_date then
    perform public.referral_fail('SP422', 422, 'date_of_birth', 'Date of birth must be in the past');
  elsif v_dob < date '1900-01-01' then
    perform public.referral_fail('SP422', 422, 'date_of_birth', 'Date of birth must be after 1900');
  elsif v_dob > ((now() at time zone 'UTC')::date - interval '18 years') then
    perform public.referral_fail('SP422', 422, 'date_of_birth',
      case when v_professional then 'The person must be 18 or over to be referred' else 'You must be 18 or over to refer yourself' end);
  end if;
  v_postcode := upper(regexp_replace(public.referral_required_text(submission, 'postcode', 10, 'Postcode', 'Enter your postcode'),
    '\s+', '', 'g'));
  if v_postcode !~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$' then
    perform public.referral_fail('SP422', 422, 'postcode', 'Enter a real postcode, for example PE30 1AB');
  end if;
  v_postcode := substr(v_postcode, 1, char_length(v_postcode) - 3) || ' ' || right(v_postcode, 3);

  v_needs := public.referral_text_array(submission, 'needs', 20, 'What you would like help with', null, null);
  select n into v_unknown_need from unnest(v_needs) n
  where not exists (select 1 from public.taxonomy_terms t where t.taxonomy_id = 'signpost-needs' and t.code = n) limit 1;
  if v_unknown_need is not null then
    perform public.referral_fail('SP422', 422, 'needs', 'Select what you would like help with from the list');
  end if;
  if not v_professional and cardinality(v_needs) = 0 then
    perform public.referral_fail('SP422', 422, 'needs', 'Select what you would like help with');
  end if;

  v_methods := public.referral_text_array(submission, 'contact_methods', 3, 'How to contact', array['phone', 'email', 'text'],
    'Select how we should contact you');
  if cardinality(v_methods) = 0 then
    perform public.referral_fail('SP422', 422, 'contact_methods', 'Select how we should contact you');
  end if;
  v_phone := public.referral_text(submission, 'phone', 30, 'Phone number');
  if v_phone is not null and (v_phone !~ '^\+?[0-9 ()-]+$' or char_length(regexp_replace(v_phone, '\D', '', 'g')) < 10) then
    perform public.referral_fail('SP422', 422, 'phone', 'Enter a phone number, like 01632 960 001 or 07700 900 982');
  end if;
  if v_methods && array['phone', 'text'] and v_phone is null then
    perform public.referral_fail('SP422', 422, 'phone', 'Enter a phone number so we can call or text you');
  end if;
  v_email := public.referral_text(submission, 'email', 254, 'Email address');
  if v_email is not null and v_email !~ '^[^\s@]+@[^\s@]+\.[^\s@]+$' then
    perform public.referral_fail('SP422', 422, 'email', 'Enter an email address in the correct format, like name@example.com');
  end if;
  if 'email' = any (v_methods) and v_email is null then
    perform public.referral_fail('SP422', 422, 'email', 'Enter an email address so we can email you');
  end if;

  -- Consent.
  if not v_professional and public.referral_boolean(submission, 'consent_given', 'Consent') is distinct from true then
    perform public.referral_fail('SP422', 422, 'consent_given', 'Select that you agree to us storing and sharing your answers to help you');
  end if;
  if v_professional and public.referral_boolean(submission, 'person_consented', 'Consent') is distinct from true then
    perform public.referral_fail('SP422', 422, 'person_consented', 'Confirm that the person agreed to this referral');
  end if;

  -- A professional's referral.
  if v_professional then
    v_discharge_date := public.referral_date(submission, 'expected_discharge_date', 'Expected discharge date');
    if public.referral_text(submission, 'referrer_phone', 30, 'Phone number') is null
       and public.referral_text(submission, 'referrer_email', 254, 'Email address') is null then
      perform public.referral_fail('SP422', 422, 'referrer_phone', 'Enter a phone number or email address so the team can reach you');
    end if;
    if v_source = 'hospital_ward' and public.referral_text(submission, 'ward', 100, 'Ward') is null then
      perform public.referral_fail('SP422', 422, 'ward', 'Enter the ward the person is on');
    end if;
  end if;

  loop
    begin
      insert into public.referrals (
        reference, owner_id, idempotency_key, submission_hash, source, gp_practice_id, pcn_id, team_id,
        given_name, family_name, date_of_birth, postcode, needs, what_matters,
        contact_methods, phone, email, safe_times, may_leave_message, access_needs, interpreter_language,
        consent_version, consent_recorded_at,
        referrer_name, referrer_role, referrer_organisation, referrer_phone, referrer_email, person_consented,
        reason, discharge_needs, ward, expected_discharge_date)
      values (
        public.new_referral_reference(), v_uid, v_key, v_hash, v_source, v_practice.id, v_pcn.id, v_team,
        public.referral_required_text(submission, 'given_name', 100, 'First name',
          case when v_professional then 'Enter their first name' else 'Enter your first name' end),
        public.referral_required_text(submission, 'family_name', 100, 'Last name',
          case when v_professional then 'Enter their last name' else 'Enter your last name' end),
        v_dob, v_postcode, v_needs,
        case when v_professional then public.referral_text(submission, 'what_matters', 1000, 'What matters to them')
          else public.referral_required_text(submission, 'what_matters', 1000, 'What matters to you', 'Tell us what matters to you') end,
        v_methods, v_phone, v_email,
        public.referral_text(submission, 'safe_times', 200, 'Safe times to contact you'),
        coalesce(public.referral_boolean(submission, 'may_leave_message', 'Whether we may leave a message'), false),
        public.referral_text(submission, 'access_needs', 500, 'Accessibility needs'),
        public.referral_text(submission, 'interpreter_language', 60, 'Interpreter language'),
        public.referral_required_text(submission, 'consent_version', 40, 'Consent version',
          'The consent wording version is missing. Reload the page and try again.'),
        now(),
        case when v_professional then public.referral_required_text(submission, 'referrer_name', 100, 'Your name', 'Enter your name') end,
        case when v_professional then public.referral_required_text(submission, 'referrer_role', 100, 'Your role',
          'Enter your role, for example ward nurse or social worker') end,
        case when v_professional then public.referral_required_text(submission, 'referrer_organisation', 200, 'Your organisation',
          'Enter your organisation, for example the hospital or practice') end,
        case when v_professional then public.referral_text(submission, 'referrer_phone', 30, 'Phone number') end,
        case when v_professional then public.referral_text(submission, 'referrer_email', 254, 'Email address') end,
        case when v_professional then true end,
        case when v_professional then public.referral_required_text(submission, 'reason', 2000, 'Reason for the referral',
          'Enter the reason for the referral') end,
        case when v_professional then public.referral_text_array(submission, 'discharge_needs', 5, 'Discharge support needs',
          array['cluttered_or_unsafe_home', 'minor_repairs_or_adaptations', 'furniture_removal', 'homelessness', 'no_one_at_home'],
          'Select discharge support needs from the list') else '{}' end,
        case when v_professional then public.referral_text(submission, 'ward', 100, 'Ward') end,
        v_discharge_date)
      returning * into v_row;
      exit;
    exception when unique_violation then
      get stacked diagnostics v_constraint = constraint_name;
      if v_constraint <> 'referrals_reference_key' then
        raise;
      end if;
      -- A reference already taken: draw another.
    end;
  end loop;

  -- Counters older than the window are no longer needed: a few go with each submission, skipping
  -- any another submission is removing (so two never wait on each other).
  delete from public.referral_rate_counts c where (c.subject, c.hour) in (
    select o.subject, o.hour from public.referral_rate_counts o where o.hour < date_trunc('hour', now()) - interval '1 hour'
    order by o.hour limit 20 for update skip locked);
  return jsonb_build_object('reference', v_row.reference, 'replayed', false);
end
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────
create policy "Only scripts with the service role use the rate counts" on public.referral_rate_counts
  for all to service_role using (true) with check (true);

-- ── Grants ──────────────────────────────────────────────────────────────────────────────
-- No API role reads or writes the counters; operators read and clear them with the service role.
revoke all on public.referral_rate_counts from public, anon, authenticated, service_role;
grant select, delete on public.referral_rate_counts to service_role;
revoke execute on function public.referral_rate_reached(text, integer) from public, anon, authenticated;
