-- Curation: what residents and link workers tell us about listings (problem reports and
-- suggested groups), how curators decide on them, how often residents look at a listing (counted
-- without personal data), and which listings are due a check.
-- Sections: tables (each followed by enabling RLS), changes to existing tables, triggers,
-- security definer functions, policies, grants.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

-- One row of settings operators change with an UPDATE (no redeploy), like referral_limits.
create table public.curation_settings (
  id boolean primary key default true check (id),
  -- Problem reports and suggestions one client address may send in an hour (staff are not counted).
  reports_per_address_per_hour integer not null default 10 check (reports_per_address_per_hour > 0),
  -- Views and shortlist additions one client address may count in an hour.
  interest_per_address_per_hour integer not null default 600 check (interest_per_address_per_hour > 0),
  -- A listing is due a check this long after its last one.
  review_after_months integer not null default 12 check (review_after_months between 1 and 60),
  -- Due listings this many days past their date are highlighted in the review queue.
  highlight_after_days integer not null default 90 check (highlight_after_days between 1 and 730),
  -- A published listing nobody has verified for this long is hidden from the public (not deleted).
  hide_unverified_after_months integer not null default 24 check (hide_unverified_after_months between 1 and 120)
);
alter table public.curation_settings enable row level security;
insert into public.curation_settings default values on conflict do nothing;

-- A problem with a listing, or a group someone suggests, waiting for a curator. Written only by
-- submit_listing_report(); decided only by decide_listing_report(). Free text is stored as typed
-- and only ever shown as text.
create table public.listing_reports (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('problem', 'suggestion')),
  service_id text references public.services (id) on delete set null,
  problem text check (problem in ('closed', 'wrong_time', 'wrong_place', 'wrong_contact', 'other')),
  note text check (char_length(note) <= 1200),
  group_name text check (char_length(group_name) <= 200),
  group_description text check (char_length(group_description) <= 1200),
  group_where text check (char_length(group_where) <= 300),
  group_contact text check (char_length(group_contact) <= 300),
  -- Only to tell the reporter the outcome; nothing else is asked of them.
  reporter_email text check (char_length(reporter_email) <= 254),
  source text not null default 'public' check (source in ('public', 'staff')),
  reported_by uuid references auth.users (id) on delete set null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  decision_note text check (char_length(decision_note) <= 1200),
  created_at timestamptz not null default now(),
  check ((kind = 'problem') = (problem is not null)),
  check (kind = 'problem' or group_name is not null),
  check ((status = 'pending') = (decided_at is null))
);
alter table public.listing_reports enable row level security;
create index listing_reports_pending_idx on public.listing_reports (created_at) where status = 'pending';
create index listing_reports_service_idx on public.listing_reports (service_id);
create index listing_reports_reported_by_idx on public.listing_reports (reported_by);
create index listing_reports_decided_by_idx on public.listing_reports (decided_by);

-- How often residents open or shortlist a listing, per day: counters only, no identifiers.
create table public.listing_interest_daily (
  service_id text not null references public.services (id) on delete cascade,
  day date not null default current_date,
  views integer not null default 0 check (views >= 0),
  shortlists integer not null default 0 check (shortlists >= 0),
  primary key (service_id, day)
);
alter table public.listing_interest_daily enable row level security;

-- For the per-address limits of the anonymous functions: a SHA-256 of the client address and
-- when, kept an hour or so; no API caller reads it.
create table public.anonymous_request_log (
  id bigint generated always as identity primary key,
  bucket text not null check (bucket in ('listing_report', 'listing_interest')),
  address_hash text not null,
  at timestamptz not null default now()
);
alter table public.anonymous_request_log enable row level security;
create index anonymous_request_log_address_idx on public.anonymous_request_log (bucket, address_hash, at);
create index anonymous_request_log_at_idx on public.anonymous_request_log (at);

-- ── Changes to existing tables ──────────────────────────────────────────────────────────

-- Why a listing was taken off the public site by Signpost itself (nobody could verify it).
alter table public.services add column hidden_reason text check (char_length(hidden_reason) <= 500);

-- The reporter is told the outcome through the same outbox and worker as referral mail.
alter table public.notification_outbox alter column referral_id drop not null;
alter table public.notification_outbox add column listing_report_id uuid references public.listing_reports (id) on delete cascade;
alter table public.notification_outbox drop constraint notification_outbox_kind_check;
alter table public.notification_outbox add constraint notification_outbox_kind_check
  check (kind in ('referral_received', 'message_for_person', 'referral_declined', 'listing_report_accepted', 'listing_report_rejected'));
alter table public.notification_outbox drop constraint notification_outbox_recipient_check;
alter table public.notification_outbox add constraint notification_outbox_recipient_check
  check (recipient in ('team', 'person', 'reporter'));
alter table public.notification_outbox add constraint notification_outbox_about_one_thing
  check ((referral_id is null) <> (listing_report_id is null) and (recipient = 'reporter') = (listing_report_id is not null));
create index notification_outbox_listing_report_id_idx on public.notification_outbox (listing_report_id);

-- ── Triggers ────────────────────────────────────────────────────────────────────────────

-- Publishing a listing again clears the reason it was hidden.
create or replace function public.services_clear_hidden_reason() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.published and new.hidden_reason is not null then
    new.hidden_reason := null;
  end if;
  return new;
end
$$;
create trigger services_clear_hidden_reason before insert or update on public.services
  for each row execute function public.services_clear_hidden_reason();

-- ── Security definer functions ──────────────────────────────────────────────────────────

-- The client address (the gateway's X-Forwarded-For), null when there is none.
create or replace function public.request_address() returns inet
language plpgsql stable set search_path = ''
as $$
begin
  return nullif(btrim(split_part(
    coalesce(nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ''), ',', 1)), '')::inet;
exception when others then
  return null;
end
$$;

-- Counts a call against the client address's hourly limit for the bucket; false when over it.
-- Address ranges given an allowance for referrals (an NHS trust behind one address, the local
-- stack's gateway) get the same allowance here. Only a hash of the address is kept.
create or replace function public.within_address_limit(p_bucket text, p_per_hour integer) returns boolean
language plpgsql volatile set search_path = ''
as $$
declare
  v_address inet := public.request_address();
  v_hash text;
  v_allowance integer;
  v_count integer;
begin
  if v_address is null then
    return true;
  end if;
  v_hash := encode(sha256(convert_to(host(v_address), 'UTF8')), 'hex');
  select max(a.per_hour) into v_allowance from public.referral_address_allowances a where v_address <<= a.addresses;
  -- Keep the log short: entries older than two hours count for nothing.
  if random() < 0.02 then
    delete from public.anonymous_request_log l where l.at < now() - interval '2 hours';
  end if;
  select count(*) into v_count from public.anonymous_request_log l
  where l.bucket = p_bucket and l.address_hash = v_hash and l.at > now() - interval '1 hour';
  if v_count >= coalesce(v_allowance, p_per_hour) then
    return false;
  end if;
  insert into public.anonymous_request_log (bucket, address_hash) values (p_bucket, v_hash);
  return true;
end
$$;

-- One optional text answer of a report: wrong type → SP400; blank → null; too long → SP422.
create or replace function public.report_text(p_report jsonb, p_field text, p_max integer, p_label text) returns text
language plpgsql volatile set search_path = ''
as $$
declare
  v jsonb := p_report -> p_field;
  v_text text;
begin
  if v is null or v = 'null'::jsonb then
    return null;
  end if;
  if jsonb_typeof(v) <> 'string' then
    perform public.referral_fail('SP400', 400, p_field, p_label || ' must be text');
  end if;
  v_text := nullif(btrim(v #>> '{}'), '');
  if char_length(v_text) > p_max then
    perform public.referral_fail('SP422', 422, p_field, p_label || ' must be ' || p_max || ' characters or fewer');
  end if;
  return v_text;
end
$$;

-- "Report a problem with this listing" and "Suggest a group", from anyone (no session needed:
-- the public site has no sign-in) and from staff flagging a listing in the workspace. Bots are
-- turned away by the honeypot and the per-address limit; nothing about the reporter is kept but
-- the email they chose to leave for the outcome.
create or replace function public.submit_listing_report(report jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_settings public.curation_settings;
  v_kind text;
  v_service text;
  v_problem text;
  v_note text;
  v_email text;
  v_name text;
  v_description text;
  v_staff boolean := coalesce(public.is_staff(), false);
  v_row public.listing_reports;
begin
  if report is null or jsonb_typeof(report) <> 'object' then
    perform public.referral_fail('SP400', 400, null, 'The form sent something that is not a report. Reload the page and try again.');
  end if;
  if char_length(report::text) > 8000 then
    perform public.referral_fail('SP413', 413, null, 'The report is too long to send. Shorten it and try again.');
  end if;
  if coalesce(report ->> 'website', '') <> '' then
    perform public.referral_fail('SP403', 403, null, 'We could not accept this form. Please email the directory team instead.');
  end if;
  select * into v_settings from public.curation_settings where id;
  if not v_staff and not public.within_address_limit('listing_report', v_settings.reports_per_address_per_hour) then
    perform public.referral_fail('SP429', 429, null,
      'Many reports have come from your network in the last hour. Wait an hour and try again, or email the directory team.');
  end if;

  v_kind := report ->> 'kind';
  if v_kind is null or v_kind not in ('problem', 'suggestion') then
    perform public.referral_fail('SP400', 400, 'kind', 'The form lost what kind of report it is. Reload the page and try again.');
  end if;
  v_email := public.report_text(report, 'email', 254, 'Email address');
  if v_email is not null and v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    perform public.referral_fail('SP422', 422, 'email', 'Enter an email address in the correct format, like name@example.com');
  end if;

  if v_kind = 'problem' then
    v_service := report ->> 'service_id';
    if v_service is null or not exists (select 1 from public.services s where s.id = v_service and s.published) then
      perform public.referral_fail('SP404', 422, 'service_id',
        'We could not find that listing. Go back to the service’s page and choose “Report a problem” again.');
    end if;
    v_problem := report ->> 'problem';
    if v_problem is null or v_problem not in ('closed', 'wrong_time', 'wrong_place', 'wrong_contact', 'other') then
      perform public.referral_fail('SP422', 422, 'problem', 'Select what is wrong with the listing');
    end if;
    v_note := public.report_text(report, 'note', 1200, 'What is wrong');
    if v_note is null and v_problem = 'other' then
      perform public.referral_fail('SP422', 422, 'note', 'Tell us what is wrong with the listing');
    end if;
    insert into public.listing_reports (kind, service_id, problem, note, reporter_email, source, reported_by)
    values ('problem', v_service, v_problem, v_note, v_email,
            case when v_staff then 'staff' else 'public' end, case when v_staff then auth.uid() end)
    returning * into v_row;
  else
    v_name := public.report_text(report, 'group_name', 200, 'The group’s name');
    if v_name is null then
      perform public.referral_fail('SP422', 422, 'group_name', 'Enter the name of the group');
    end if;
    v_description := public.report_text(report, 'group_description', 1200, 'What the group does');
    if v_description is null then
      perform public.referral_fail('SP422', 422, 'group_description', 'Tell us what the group does');
    end if;
    insert into public.listing_reports (kind, group_name, group_description, group_where, group_contact, note,
      reporter_email, source, reported_by)
    values ('suggestion', v_name, v_description,
      public.report_text(report, 'group_where', 300, 'Where and when it meets'),
      public.report_text(report, 'group_contact', 300, 'How to contact the group'),
      public.report_text(report, 'note', 1200, 'Anything else'),
      v_email, case when v_staff then 'staff' else 'public' end, case when v_staff then auth.uid() end)
    returning * into v_row;
  end if;
  return jsonb_build_object('id', v_row.id);
end
$$;

-- A curator's decision on a report. The change itself (a corrected schedule, a new draft
-- listing) is made through the directory tables first, in the curator's own session; this records
-- the outcome and queues the reporter's mail when they left an address.
create or replace function public.decide_listing_report(report_id uuid, decision text, note text default null) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.listing_reports;
begin
  if not coalesce(public.is_curator(), false) then
    perform public.referral_fail('SP403', 403, null, 'Only curators, signed in with their authenticator app, can decide on reports.');
  end if;
  if decision is null or decision not in ('accepted', 'rejected') then
    perform public.referral_fail('SP422', 422, 'decision', 'Choose whether to accept or reject the report');
  end if;
  if char_length(decide_listing_report.note) > 1200 then
    perform public.referral_fail('SP422', 422, 'decision_note', 'The note must be 1200 characters or fewer');
  end if;
  select * into v_row from public.listing_reports r where r.id = report_id for update;
  if not found then
    perform public.referral_fail('SP404', 404, null, 'That report no longer exists.');
  end if;
  if v_row.status <> 'pending' then
    perform public.referral_fail('SP409', 409, null, 'Another curator has already decided on this report: it was ' || v_row.status || '.');
  end if;
  update public.listing_reports r
  set status = decision, decided_by = auth.uid(), decided_at = now(), decision_note = nullif(btrim(decide_listing_report.note), '')
  where r.id = report_id;
  if v_row.reporter_email is not null then
    insert into public.notification_outbox (kind, listing_report_id, recipient)
    values ('listing_report_' || decision, report_id, 'reporter');
  end if;
end
$$;

-- Counts a view or a shortlist addition of a published listing for today: no identifiers, only
-- counters; the per-address limit keeps one machine from inflating them.
create or replace function public.count_listing_interest(service_id text, kind text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_settings public.curation_settings;
begin
  if kind is null or kind not in ('view', 'shortlist') then
    raise exception 'kind must be view or shortlist' using errcode = '22023';
  end if;
  if not exists (select 1 from public.services s where s.id = count_listing_interest.service_id and s.published) then
    return;
  end if;
  select * into v_settings from public.curation_settings where id;
  if not public.within_address_limit('listing_interest', v_settings.interest_per_address_per_hour) then
    return;
  end if;
  insert into public.listing_interest_daily as d (service_id, views, shortlists)
  values (count_listing_interest.service_id, (kind = 'view')::int, (kind = 'shortlist')::int)
  on conflict (service_id, day) do update
  set views = d.views + excluded.views, shortlists = d.shortlists + excluded.shortlists;
end
$$;

-- The review queue: listings not checked within review_after_months (never-checked ones
-- included), those more than highlight_after_days past that highlighted, the ones residents
-- look at most first (views and shortlist additions over the last 90 days).
create or replace function public.review_queue(max_rows integer default 200)
returns table (id text, name text, organization_name text, published boolean, hidden_reason text, assured_date date,
               due_on date, highlighted boolean, views integer, shortlists integer)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_settings public.curation_settings;
begin
  if not coalesce(public.is_curator(), false) then
    raise exception 'Only curators, signed in with their authenticator app, can see the review queue' using errcode = '42501';
  end if;
  select * into v_settings from public.curation_settings where id;
  return query
  with due as (
    select s.id, s.name, s.organization_id, s.published, s.hidden_reason, s.assured_date,
      (coalesce(s.assured_date, s.created_at::date) + make_interval(months => v_settings.review_after_months))::date as due_on
    from public.services s
    where s.status <> 'defunct'
      and (s.assured_date is null or s.assured_date < current_date - make_interval(months => v_settings.review_after_months))
  ), interest as (
    select d.service_id, sum(d.views)::int as views, sum(d.shortlists)::int as shortlists
    from public.listing_interest_daily d
    where d.day > current_date - 90 and d.service_id in (select due.id from due)
    group by d.service_id
  )
  select due.id, due.name, o.name, due.published, due.hidden_reason, due.assured_date, due.due_on,
    due.assured_date is null or due.due_on < current_date - v_settings.highlight_after_days,
    coalesce(i.views, 0), coalesce(i.shortlists, 0)
  from due
  left join interest i on i.service_id = due.id
  left join public.organizations o on o.id = due.organization_id
  order by coalesce(i.views, 0) + coalesce(i.shortlists, 0) desc, due.assured_date nulls first, due.name, due.id
  limit greatest(1, least(coalesce(max_rows, 200), 1000));
end
$$;

-- Hides published listings nobody has verified for hide_unverified_after_months (counted from
-- their last check, or from when they were added), with the reason; nothing is deleted, and a
-- curator who checks one publishes it again. For a curator, or the service role on a schedule.
create or replace function public.hide_unverifiable_listings() returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_settings public.curation_settings;
  v_count integer;
begin
  if not coalesce(public.is_curator(), false) and (select auth.role()) is distinct from 'service_role' then
    raise exception 'Only curators, signed in with their authenticator app, can hide listings' using errcode = '42501';
  end if;
  select * into v_settings from public.curation_settings where id;
  update public.services s
  set published = false,
      hidden_reason = 'Hidden on ' || to_char(current_date, 'FMDD FMMonth YYYY') || ': nobody has been able to verify it since '
        || to_char(coalesce(s.assured_date, s.created_at::date), 'FMDD FMMonth YYYY') || '.'
  where s.published
    and coalesce(s.assured_date, s.created_at::date) < current_date - make_interval(months => v_settings.hide_unverified_after_months);
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- The notification worker's claim, now also for reporters told the outcome of their report: the
-- reference is the listing's id (no personal data), the address the one the reporter left.
create or replace function public.claim_notifications(batch_size integer default 20, lease_seconds integer default 300)
returns table (id bigint, kind text, reference text, to_address text, attempts integer)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if (select auth.role()) is distinct from 'service_role' then
    raise exception 'Only the notification worker (the service role) may claim notifications' using errcode = '42501';
  end if;
  if batch_size is null or batch_size not between 1 and 100 then
    raise exception 'batch_size must be from 1 to 100' using errcode = '22023';
  end if;
  if lease_seconds is null or lease_seconds not between 10 and 3600 then
    raise exception 'lease_seconds must be from 10 to 3600' using errcode = '22023';
  end if;
  return query
  with due as (
    select o.id from public.notification_outbox o
    where o.sent_at is null and o.next_attempt_at <= now()
    order by o.next_attempt_at, o.id
    limit batch_size
    for update skip locked
  ), claimed as (
    update public.notification_outbox o
    set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => lease_seconds)
    from due where o.id = due.id
    returning o.id, o.kind, o.referral_id, o.listing_report_id, o.recipient, o.team_id, o.attempts
  )
  select c.id, c.kind, coalesce(r.reference, lr.service_id),
    case
      when c.recipient = 'team' then nullif(btrim(t.contact_email), '')
      when c.recipient = 'reporter' then lr.reporter_email
      when 'email' = any (r.contact_methods) then r.email
    end,
    c.attempts
  from claimed c
  left join public.referrals r on r.id = c.referral_id
  left join public.listing_reports lr on lr.id = c.listing_report_id
  left join public.teams t on t.id = c.team_id
  order by c.id;
end
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────

create policy "Curators can read problem reports and suggestions" on public.listing_reports
  for select to authenticated using ((select public.is_curator()));

-- Bookkeeping only scripts (the service role, which passes RLS anyway) touch; said here so nobody wonders.
create policy "Only scripts with the service role use the curation settings" on public.curation_settings
  for all to service_role using (true) with check (true);
create policy "Only scripts with the service role use the interest counters" on public.listing_interest_daily
  for all to service_role using (true) with check (true);
create policy "Only scripts with the service role use the anonymous request log" on public.anonymous_request_log
  for all to service_role using (true) with check (true);

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke all on public.curation_settings, public.listing_reports, public.listing_interest_daily, public.anonymous_request_log
  from public, anon, authenticated, service_role;
grant select on public.listing_reports to authenticated;
grant select, update, delete on public.listing_reports to service_role;
grant select, update on public.curation_settings to service_role;
grant select, delete on public.listing_interest_daily to service_role;
grant select, delete on public.anonymous_request_log to service_role;

revoke execute on function public.services_clear_hidden_reason(), public.request_address(),
  public.within_address_limit(text, integer), public.report_text(jsonb, text, integer, text)
  from public, anon, authenticated;
revoke execute on function public.submit_listing_report(jsonb), public.count_listing_interest(text, text),
  public.decide_listing_report(uuid, text, text), public.review_queue(integer), public.hide_unverifiable_listings()
  from public;
grant execute on function public.submit_listing_report(jsonb), public.count_listing_interest(text, text)
  to anon, authenticated, service_role;
grant execute on function public.decide_listing_report(uuid, text, text), public.review_queue(integer)
  to authenticated;
grant execute on function public.hide_unverifiable_listings() to authenticated, service_role;
