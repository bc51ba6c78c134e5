-- Referrals: a person's self-referral or a professional's referral on someone's behalf, its
-- history, the message thread with the link worker, read markers, and the notification outbox.
-- Referrals are special-category health data: each person reads only their own; staff of the
-- team a referral is routed to (and coordinators of the teams serving its PCN) read the rest.
-- Nothing here is written by the browser directly except messages: a referral is created only by
-- public.submit_referral, withdrawn only by public.withdraw_referral, and every status change is
-- recorded in referral_events by a trigger. See docs/referrals.md for the routing model.
-- Sections: tables (each followed by enabling RLS), triggers, helpers and functions, policies,
-- grants.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

create table public.referrals (
  id uuid primary key default gen_random_uuid(),
  -- SP-XXXX-XX from 2-9 and A-Z without I, L, O: nothing a person can misread.
  reference text not null unique check (reference ~ '^SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$'),
  -- The Supabase session that submitted it (anonymous or permanent): the person, or the referrer.
  owner_id uuid not null references auth.users (id) on delete cascade,
  idempotency_key uuid not null,
  -- A hash of the answers, so a replay with the same key and different answers is refused.
  submission_hash text not null check (char_length(submission_hash) = 64),
  source text not null check (source in ('self', 'gp_practice', 'hospital_ward', 'emergency_department',
    'paramedic', 'social_worker', 'other')),
  status text not null default 'new' check (status in ('new', 'triaged', 'contacted', 'active', 'closed',
    'declined', 'withdrawn')),
  status_changed_at timestamptz not null default now(),
  -- Routing (docs/referrals.md): the practice sets the PCN; the team is the one that triages it.
  gp_practice_id uuid not null references public.gp_practices (id) on delete restrict,
  pcn_id uuid not null references public.pcns (id) on delete restrict,
  team_id uuid not null references public.teams (id) on delete restrict,
  -- The person.
  given_name text not null check (char_length(given_name) between 1 and 100),
  family_name text not null check (char_length(family_name) between 1 and 100),
  date_of_birth date not null check (date_of_birth >= '1900-01-01'),
  postcode text not null check (postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),
  needs text[] not null default '{}' check (cardinality(needs) <= 20 and char_length(array_to_string(needs, ',')) <= 1200),
  what_matters text check (char_length(what_matters) between 1 and 1000),
  contact_methods text[] not null check (cardinality(contact_methods) between 1 and 3
    and contact_methods <@ array['phone', 'email', 'text']),
  phone text check (char_length(phone) between 1 and 30),
  email text check (char_length(email) between 3 and 254),
  safe_times text check (char_length(safe_times) between 1 and 200),
  may_leave_message boolean not null default false,
  access_needs text check (char_length(access_needs) between 1 and 500),
  interpreter_language text check (char_length(interpreter_language) between 1 and 60),
  -- Consent: the version of the wording the person (or the referrer, for the person) agreed to.
  consent_version text not null check (char_length(consent_version) between 1 and 40),
  consent_recorded_at timestamptz not null default now(),
  -- A professional's referral.
  referrer_name text check (char_length(referrer_name) between 1 and 100),
  referrer_role text check (char_length(referrer_role) between 1 and 100),
  referrer_organisation text check (char_length(referrer_organisation) between 1 and 200),
  referrer_phone text check (char_length(referrer_phone) between 1 and 30),
  referrer_email text check (char_length(referrer_email) between 3 and 254),
  person_consented boolean,
  reason text check (char_length(reason) between 1 and 2000),
  discharge_needs text[] not null default '{}' check (discharge_needs <@ array['cluttered_or_unsafe_home',
    'minor_repairs_or_adaptations', 'furniture_removal', 'homelessness', 'no_one_at_home']),
  ward text check (char_length(ward) between 1 and 100),
  expected_discharge_date date,
  withdraw_reason text check (char_length(withdraw_reason) between 1 and 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (owner_id, idempotency_key),
  constraint referrals_adult check (date_of_birth <= ((created_at at time zone 'UTC')::date - interval '18 years')),
  constraint referrals_phone_when_asked check (not (contact_methods && array['phone', 'text']) or phone is not null),
  constraint referrals_email_when_asked check (not ('email' = any (contact_methods)) or email is not null),
  constraint referrals_self_has_what_matters check (source <> 'self' or what_matters is not null),
  constraint referrals_self_has_no_referrer check (source <> 'self' or (referrer_name is null and person_consented is null)),
  constraint referrals_professional_complete check (source = 'self' or (referrer_name is not null
    and referrer_role is not null and referrer_organisation is not null
    and (referrer_phone is not null or referrer_email is not null) and person_consented and reason is not null)),
  constraint referrals_ward_for_wards check (source <> 'hospital_ward' or ward is not null)
);
alter table public.referrals enable row level security;
create index referrals_team_id_idx on public.referrals (team_id, created_at);
create index referrals_pcn_id_idx on public.referrals (pcn_id, created_at);
create index referrals_owner_id_idx on public.referrals (owner_id);

comment on table public.referrals is
  'Special-category health data. Created only by public.submit_referral; read by the owner and the routed team.';

create table public.referral_events (
  id bigint generated always as identity primary key,
  referral_id uuid not null references public.referrals (id) on delete cascade,
  kind text not null check (kind in ('submitted', 'status_changed')),
  from_status text,
  to_status text not null,
  -- Who made the change: the referral's owner, a member of staff, or the system (a script).
  actor text not null check (actor in ('owner', 'staff', 'system')),
  -- Whether the person sees it in their history (every event so far; later internal ones may not).
  person_visible boolean not null default true,
  at timestamptz not null default now()
);
alter table public.referral_events enable row level security;
create index referral_events_referral_id_idx on public.referral_events (referral_id, id);

create table public.referral_messages (
  id bigint generated always as identity primary key,
  referral_id uuid not null references public.referrals (id) on delete cascade,
  author_kind text not null default 'person' check (author_kind in ('person', 'staff')),
  author_id uuid default auth.uid() references auth.users (id) on delete set null,
  -- The name a member of staff signs with ("Sam, link worker"); null for the person.
  author_name text check (char_length(author_name) between 1 and 100),
  body text not null check (char_length(body) between 1 and 2000 and btrim(body) <> ''),
  created_at timestamptz not null default now()
);
alter table public.referral_messages enable row level security;
create index referral_messages_referral_id_idx on public.referral_messages (referral_id, id);

-- How far each reader has read each thread, for unread counts. Written by mark_referral_messages_read.
create table public.referral_message_reads (
  referral_id uuid not null references public.referrals (id) on delete cascade,
  reader_id uuid not null references auth.users (id) on delete cascade,
  last_read_message_id bigint not null default 0,
  read_at timestamptz not null default now(),
  primary key (referral_id, reader_id)
);
alter table public.referral_message_reads enable row level security;

-- Mail to send, for the notification worker: no personal data beyond which referral, which
-- message and who to tell; the worker looks up the address when it sends.
create table public.notification_outbox (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('referral_received', 'message_for_person')),
  referral_id uuid not null references public.referrals (id) on delete cascade,
  message_id bigint references public.referral_messages (id) on delete cascade,
  recipient text not null check (recipient in ('team', 'person')),
  team_id uuid references public.teams (id) on delete cascade,
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  last_error text check (char_length(last_error) <= 2000),
  created_at timestamptz not null default now(),
  check ((recipient = 'team') = (team_id is not null))
);
alter table public.notification_outbox enable row level security;
create index notification_outbox_due_idx on public.notification_outbox (next_attempt_at) where sent_at is null;

-- Bookkeeping for submit_referral that no API caller reads (like search_outbox): the limits, the
-- address ranges allowed more, and the log the limits count. Only the service role may look.

-- One row: how many referrals a session and a client address may submit in an hour, and how
-- soon after opening the form a submission may come. Change with an UPDATE (no redeploy).
create table public.referral_limits (
  id boolean primary key default true check (id),
  per_session_per_hour integer not null default 5 check (per_session_per_hour > 0),
  per_address_per_hour integer not null default 30 check (per_address_per_hour > 0),
  min_fill_seconds integer not null default 5 check (min_fill_seconds >= 0)
);
alter table public.referral_limits enable row level security;
insert into public.referral_limits default values on conflict do nothing;

-- Address ranges allowed more (an NHS trust's outbound address, where every ward shares one).
create table public.referral_address_allowances (
  addresses cidr primary key,
  per_hour integer not null check (per_hour > 0),
  note text not null check (char_length(note) between 1 and 200)
);
alter table public.referral_address_allowances enable row level security;

-- Stored submissions, for the limits: the session and a SHA-256 of the client address only,
-- kept a day.
create table public.referral_submissions (
  id bigint generated always as identity primary key,
  owner_id uuid not null,
  address_hash text,
  submitted_at timestamptz not null default now()
);
alter table public.referral_submissions enable row level security;
create index referral_submissions_owner_idx on public.referral_submissions (owner_id, submitted_at);
create index referral_submissions_address_idx on public.referral_submissions (address_hash, submitted_at);
create index referral_submissions_submitted_at_idx on public.referral_submissions (submitted_at);

-- ── Triggers ────────────────────────────────────────────────────────────────────────────
-- Security definer so that the owner's withdrawal, a script or (later) a link worker's triage
-- writes history and queues mail without any caller holding a grant on those tables.

create or replace function public.referral_actor(p_owner uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when auth.uid() is not null and auth.uid() = p_owner then 'owner'
    when public.is_staff() then 'staff'
    else 'system'
  end
$$;

create or replace function public.referrals_before_write() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    if new.status is distinct from old.status then
      new.status_changed_at := now();
    end if;
  end if;
  return new;
end
$$;

create or replace function public.referrals_after_write() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.referral_events (referral_id, kind, from_status, to_status, actor)
    values (new.id, 'submitted', null, new.status, public.referral_actor(new.owner_id));
    insert into public.notification_outbox (kind, referral_id, recipient, team_id)
    values ('referral_received', new.id, 'team', new.team_id);
    perform pg_notify('notification_outbox', '');
  elsif new.status is distinct from old.status then
    insert into public.referral_events (referral_id, kind, from_status, to_status, actor)
    values (new.id, 'status_changed', old.status, new.status, public.referral_actor(new.owner_id));
  end if;
  return null;
end
$$;

create trigger referrals_before_write before insert or update on public.referrals
  for each row execute function public.referrals_before_write();
create trigger referrals_after_write after insert or update on public.referrals
  for each row execute function public.referrals_after_write();

-- Messages carry the server's time, whatever a caller sent.
create or replace function public.referral_messages_before_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.created_at := now();
  return new;
end
$$;

-- A link worker's message tells the person by email, when they referred themselves and chose
-- email. (A professional's referral belongs to the referrer's session: the person could not open
-- the thread a mail would link to.)
create or replace function public.referral_messages_after_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.author_kind = 'staff' and exists (
    select 1 from public.referrals r
    where r.id = new.referral_id and r.source = 'self' and 'email' = any (r.contact_methods) and r.email is not null
  ) then
    insert into public.notification_outbox (kind, referral_id, message_id, recipient)
    values ('message_for_person', new.referral_id, new.id, 'person');
    perform pg_notify('notification_outbox', '');
  end if;
  return null;
end
$$;

create trigger referral_messages_before_insert before insert on public.referral_messages
  for each row execute function public.referral_messages_before_insert();
create trigger referral_messages_after_insert after insert on public.referral_messages
  for each row execute function public.referral_messages_after_insert();

-- ── Helpers and functions ───────────────────────────────────────────────────────────────

-- Who on the staff may read which referrals: link workers of the routed team, coordinators
-- of any team serving the referral's PCN (one triage across the teams serving a place).
-- Each answers null / empty without a session, and without a second factor: public.staff_role()
-- counts a role only in an aal2 session (20261203001000_staff_two_factor.sql). Evaluated once per statement.
create or replace function public.my_link_worker_team() returns uuid
language sql stable security definer set search_path = ''
as $$
  select sm.team_id from public.staff_members sm
  where public.staff_role() = 'link_worker' and sm.user_id = auth.uid() and sm.active
$$;

create or replace function public.my_coordinated_pcns() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(tp.pcn_id), '{}') from public.staff_members sm
  join public.team_pcns tp on tp.team_id = sm.team_id
  where public.staff_role() = 'coordinator' and sm.user_id = auth.uid() and sm.active
$$;

-- Raises an error PostgREST passes on as it is: the HTTP status, and a body with a stable code,
-- a message fit to show a person, and (in `hint`) the field it is about.
create or replace function public.referral_fail(p_code text, p_status integer, p_field text, p_message text)
returns void
language plpgsql volatile set search_path = ''
as $$
begin
  raise sqlstate 'PGRST' using
    message = json_build_object('code', p_code, 'message', p_message, 'details', null, 'hint', p_field)::text,
    detail = json_build_object('status', p_status, 'headers', json_build_object())::text;
end
$$;

-- Reads one optional text answer: wrong JSON type → SP400; blank → null; too long → SP422.
create or replace function public.referral_text(p_submission jsonb, p_field text, p_max integer, p_label text)
returns text
language plpgsql volatile set search_path = ''
as $$
declare
  v jsonb := p_submission -> p_field;
  t text;
begin
  if v is null or jsonb_typeof(v) = 'null' then
    return null;
  end if;
  if jsonb_typeof(v) <> 'string' then
    perform public.referral_fail('SP400', 400, p_field, p_label || ' must be text');
  end if;
  t := btrim(v #>> '{}');
  if t = '' then
    return null;
  end if;
  if char_length(t) > p_max then
    perform public.referral_fail('SP422', 422, p_field, p_label || ' must be ' || p_max || ' characters or fewer');
  end if;
  return t;
end
$$;

create or replace function public.referral_required_text(p_submission jsonb, p_field text, p_max integer, p_label text,
  p_missing text)
returns text
language plpgsql volatile set search_path = ''
as $$
declare
  t text := public.referral_text(p_submission, p_field, p_max, p_label);
begin
  if t is null then
    perform public.referral_fail('SP422', 422, p_field, p_missing);
  end if;
  return t;
end
$$;

-- Reads an array of strings, each one of p_allowed (when given): wrong type → SP400.
create or replace function public.referral_text_array(p_submission jsonb, p_field text, p_max integer, p_label text,
  p_allowed text[], p_not_allowed text)
returns text[]
language plpgsql volatile set search_path = ''
as $$
declare
  v jsonb := p_submission -> p_field;
  result text[];
begin
  if v is null or jsonb_typeof(v) = 'null' then
    return '{}';
  end if;
  if jsonb_typeof(v) <> 'array' or exists (select 1 from jsonb_array_elements(v) e where jsonb_typeof(e) <> 'string') then
    perform public.referral_fail('SP400', 400, p_field, p_label || ' must be a list of choices');
  end if;
  select coalesce(array_agg(distinct e), '{}') into result from jsonb_array_elements_text(v) e;
  if cardinality(result) > p_max then
    perform public.referral_fail('SP422', 422, p_field, 'Select ' || p_max || ' or fewer');
  end if;
  if p_allowed is not null and not result <@ p_allowed then
    perform public.referral_fail('SP422', 422, p_field, p_not_allowed);
  end if;
  return result;
end
$$;

create or replace function public.referral_boolean(p_submission jsonb, p_field text, p_label text) returns boolean
language plpgsql volatile set search_path = ''
as $$
declare
  v jsonb := p_submission -> p_field;
begin
  if v is null or jsonb_typeof(v) = 'null' then
    return null;
  end if;
  if jsonb_typeof(v) <> 'boolean' then
    perform public.referral_fail('SP400', 400, p_field, p_label || ' must be true or false');
  end if;
  return v::boolean;
end
$$;

create or replace function public.referral_date(p_submission jsonb, p_field text, p_label text) returns date
language plpgsql volatile set search_path = ''
as $$
declare
  t text := public.referral_text(p_submission, p_field, 10, p_label);
begin
  if t is null then
    return null;
  end if;
  if t !~ '^\d{4}-\d{2}-\d{2}$' then
    perform public.referral_fail('SP422', 422, p_field, p_label || ' must be a real date');
  end if;
  begin
    return t::date;
  exception when others then
    perform public.referral_fail('SP422', 422, p_field, p_label || ' must be a real date');
  end;
  return null;
end
$$;

-- A new reference: 31 symbols, 6 places (about 887 million), from the cryptographic generator.
create or replace function public.new_referral_reference() returns text
language plpgsql volatile set search_path = ''
as $$
declare
  alphabet constant text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  bytes bytea := extensions.gen_random_bytes(6);
  chars text := '';
begin
  for i in 0..5 loop
    chars := chars || substr(alphabet, 1 + (get_byte(bytes, i) % 31), 1);
  end loop;
  return 'SP-' || substr(chars, 1, 4) || '-' || substr(chars, 5, 2);
end
$$;

-- The team a referral from this practice goes to (docs/referrals.md): hospital wards and the
-- emergency department go to a hospital discharge team serving the practice's PCN where there
-- is one; everything else goes to the PCN's own link workers, else a voluntary-sector service
-- serving the PCN. Several of one kind: the first by name, so the choice is stable.
create or replace function public.referral_team_for(p_pcn_id uuid, p_source text) returns uuid
language sql stable security definer set search_path = ''
as $$
  select t.id from public.team_pcns tp join public.teams t on t.id = tp.team_id
  where tp.pcn_id = p_pcn_id
    and (t.kind <> 'hospital_discharge' or p_source in ('hospital_ward', 'emergency_department'))
  order by case
      when p_source in ('hospital_ward', 'emergency_department') and t.kind = 'hospital_discharge' then 0
      when t.kind = 'pcn_link_workers' then 1
      when t.kind = 'vcse_social_prescribing' then 2
      else 3
    end, t.name, t.id
  limit 1
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
  v_count integer;
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
  select count(*) into v_count from public.referral_submissions s
  where s.owner_id = v_uid and s.submitted_at > now() - interval '1 hour';
  if v_count >= v_limits.per_session_per_hour then
    perform public.referral_fail('SP429', 429, null,
      'You have sent several referrals in the last hour. Wait an hour, or call the link worker team.');
  end if;
  if v_address_hash is not null then
    select max(a.per_hour) into v_allowance from public.referral_address_allowances a where v_address <<= a.addresses;
    select count(*) into v_count from public.referral_submissions s
    where s.address_hash = v_address_hash and s.submitted_at > now() - interval '1 hour';
    if v_count >= coalesce(v_allowance, v_limits.per_address_per_hour) then
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
  select * into v_practice from public.gp_practices p
  where p.code = upper(public.referral_required_text(submission, 'gp_practice_code', 10, 'GP practice code', 'Select your GP practice'));
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

  insert into public.referral_submissions (owner_id, address_hash) values (v_uid, v_address_hash);
  -- Keep the limits' log no longer than it is needed: a day (a few old rows per submission).
  delete from public.referral_submissions s where s.id in (
    select o.id from public.referral_submissions o where o.submitted_at < now() - interval '1 day' limit 20);
  return jsonb_build_object('reference', v_row.reference, 'replayed', false);
end
$$;

-- The person withdraws their own referral; the trigger records the event.
create or replace function public.withdraw_referral(referral_id uuid, reason text default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_row public.referrals;
  v_reason text := nullif(btrim(reason), '');
begin
  if v_uid is null then
    perform public.referral_fail('SP401', 401, null, 'Your session has ended. Sign in again to withdraw your referral.');
  end if;
  if char_length(v_reason) > 500 then
    perform public.referral_fail('SP422', 422, 'reason', 'Reason must be 500 characters or fewer');
  end if;
  select * into v_row from public.referrals r where r.id = withdraw_referral.referral_id and r.owner_id = v_uid for update;
  if not found then
    perform public.referral_fail('SP404', 404, 'referral_id', 'We could not find that referral. It may belong to another session.');
  end if;
  if v_row.status in ('closed', 'declined', 'withdrawn') then
    perform public.referral_fail('SP409', 409, null,
      case v_row.status when 'withdrawn' then 'This referral is already withdrawn.'
        else 'This referral is already finished, so it cannot be withdrawn.' end);
  end if;
  update public.referrals r set status = 'withdrawn', withdraw_reason = v_reason where r.id = v_row.id
  returning * into v_row;
  return jsonb_build_object('reference', v_row.reference, 'status', v_row.status);
end
$$;

-- Marks a thread read up to a message, for the caller: the owner, or staff who may read it.
create or replace function public.mark_referral_messages_read(referral_id uuid, up_to bigint) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    perform public.referral_fail('SP401', 401, null, 'Your session has ended. Reload the page.');
  end if;
  if not exists (
    select 1 from public.referrals r
    where r.id = mark_referral_messages_read.referral_id
      and (r.owner_id = v_uid or r.team_id = public.my_link_worker_team() or r.pcn_id = any (public.my_coordinated_pcns()))
  ) then
    perform public.referral_fail('SP404', 404, 'referral_id', 'We could not find that referral.');
  end if;
  insert into public.referral_message_reads as m (referral_id, reader_id, last_read_message_id, read_at)
  values (mark_referral_messages_read.referral_id, v_uid, greatest(coalesce(up_to, 0), 0), now())
  on conflict on constraint referral_message_reads_pkey do update
    set last_read_message_id = greatest(m.last_read_message_id, excluded.last_read_message_id), read_at = now();
end
$$;

-- The caller's own referrals (not those a member of staff may read): the person's page.
-- Security invoker, so row level security applies as well.
create or replace function public.my_referrals() returns setof public.referrals
language sql stable security invoker set search_path = ''
as $$
  select r.* from public.referrals r where r.owner_id = auth.uid()
$$;

-- Messages in a thread the caller has not read yet (not counting their own). Security invoker.
create or replace function public.unread_message_count(referral_id uuid) returns integer
language sql stable security invoker set search_path = ''
as $$
  select count(*)::integer from public.referral_messages m
  where m.referral_id = unread_message_count.referral_id
    and m.author_id is distinct from auth.uid()
    and m.id > coalesce((select r.last_read_message_id from public.referral_message_reads r
                         where r.referral_id = unread_message_count.referral_id and r.reader_id = auth.uid()), 0)
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────

create policy "People can see the referrals they made" on public.referrals
  for select to authenticated using (owner_id = (select auth.uid()));
create policy "Link workers can see the referrals routed to their team" on public.referrals
  for select to authenticated using (team_id = (select public.my_link_worker_team()));
create policy "Coordinators can see the referrals of the PCNs their team serves" on public.referrals
  for select to authenticated using (pcn_id = any ((select public.my_coordinated_pcns())::uuid[]));

create policy "People can see the history of their own referrals" on public.referral_events
  for select to authenticated using (person_visible and exists (
    select 1 from public.referrals r where r.id = referral_events.referral_id and r.owner_id = (select auth.uid())));
create policy "Staff can see the history of referrals they may read" on public.referral_events
  for select to authenticated using (exists (
    select 1 from public.referrals r where r.id = referral_events.referral_id
      and (r.team_id = (select public.my_link_worker_team()) or r.pcn_id = any ((select public.my_coordinated_pcns())::uuid[]))));

create policy "People and staff can read the messages of referrals they may read" on public.referral_messages
  for select to authenticated using (exists (select 1 from public.referrals r where r.id = referral_messages.referral_id));
create policy "People can write on their own referral while it is not withdrawn" on public.referral_messages
  for insert to authenticated with check (
    author_kind = 'person' and author_id = (select auth.uid()) and author_name is null
    and exists (select 1 from public.referrals r where r.id = referral_messages.referral_id
                and r.owner_id = (select auth.uid()) and r.status <> 'withdrawn'));

create policy "Readers can see how far they have read" on public.referral_message_reads
  for select to authenticated using (reader_id = (select auth.uid()));

-- notification_outbox, referral_limits, referral_address_allowances, referral_submissions: no
-- policies; only the service role touches them.

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke all on public.referrals, public.referral_events, public.referral_messages, public.referral_message_reads,
  public.notification_outbox from public, anon, authenticated, service_role;
grant select on public.referrals, public.referral_events, public.referral_messages, public.referral_message_reads
  to authenticated;
-- Messages: the policy allows only a person's own, signed as the person; the trigger sets the time.
grant insert on public.referral_messages to authenticated;
-- Scripts: a link worker's message (npm run referral:message) and the notification worker.
grant select, update on public.referrals to service_role;
grant select on public.referral_events, public.referral_message_reads to service_role;
grant select, insert on public.referral_messages to service_role;
grant select, update, delete on public.notification_outbox to service_role;
revoke all on public.referral_limits, public.referral_address_allowances, public.referral_submissions
  from public, anon, authenticated, service_role;
grant select, update on public.referral_limits to service_role;
grant select, insert, update, delete on public.referral_address_allowances to service_role;
grant select, delete on public.referral_submissions to service_role;

revoke execute on function public.referral_actor(uuid), public.referrals_before_write(), public.referrals_after_write(),
  public.referral_messages_before_insert(), public.referral_messages_after_insert(),
  public.referral_fail(text, integer, text, text), public.referral_text(jsonb, text, integer, text),
  public.referral_required_text(jsonb, text, integer, text, text),
  public.referral_text_array(jsonb, text, integer, text, text[], text), public.referral_boolean(jsonb, text, text),
  public.referral_date(jsonb, text, text), public.new_referral_reference(), public.referral_team_for(uuid, text)
  from public, anon, authenticated;
revoke execute on function public.my_link_worker_team(), public.my_coordinated_pcns() from public, anon;
grant execute on function public.my_link_worker_team(), public.my_coordinated_pcns() to authenticated, service_role;

revoke execute on function public.submit_referral(jsonb), public.withdraw_referral(uuid, text),
  public.mark_referral_messages_read(uuid, bigint), public.unread_message_count(uuid), public.my_referrals() from public, anon;
grant execute on function public.submit_referral(jsonb), public.withdraw_referral(uuid, text),
  public.mark_referral_messages_read(uuid, bigint), public.unread_message_count(uuid), public.my_referrals() to authenticated;
