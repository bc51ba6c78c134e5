-- The link-worker workspace (issue 11, items 2-4): one triage across the teams serving a place,
-- the referral record's workflow and timeline, first-contact due dates in working days, staff
-- messages and staff-only case notes.
-- Every change to a referral goes through a security definer function below: each fails closed
-- without a session (SP401) and without a staff role in an aal2 session (SP403), finds only
-- referrals the caller may work on (SP404), refuses what the workflow does not allow with a
-- sentence fit to show (SP409, SP422; the style of public.referral_fail in the referrals
-- migration), and writes the timeline (referral_events, 20261203004500_referral_timeline.sql)
-- itself. The browser never writes a referral or an event directly.
-- Sections: tables (each followed by enabling RLS), triggers, helpers and functions, policies,
-- grants.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

-- How many working days a team gives itself to first contact a person (set by an admin).
alter table public.teams
  add column first_contact_working_days integer not null default 5 check (first_contact_working_days between 0 and 30);

alter table public.referrals
  -- The link worker who has the referral (null: the team's, nobody's yet).
  add column assigned_to uuid references auth.users (id) on delete set null,
  -- The date the first contact is due: team's working days after the referral arrived (London dates).
  add column first_contact_due_on date,
  -- Why the team could not take the referral on, in plain words for the person (they read it).
  add column decline_reason text check (char_length(decline_reason) between 1 and 500);
-- Referrals declined before reasons were recorded.
update public.referrals set decline_reason = 'The team could not take this referral on.' where status = 'declined';
alter table public.referrals
  add constraint referrals_decline_reason_when_declined check ((status = 'declined') = (decline_reason is not null));

-- The inbox filters within the caller's teams or PCNs: each filter column leads or follows the
-- team / PCN column that row level security narrows by.
create index referrals_team_status_idx on public.referrals (team_id, status, created_at desc);
create index referrals_pcn_status_idx on public.referrals (pcn_id, status, created_at desc);
create index referrals_assigned_to_idx on public.referrals (assigned_to, status) where assigned_to is not null;
-- referrals (gp_practice_id, created_at) is indexed by 20261203004600_advisor_findings.sql (scanned backwards for newest first).
create index referrals_team_source_idx on public.referrals (team_id, source);
create index referrals_needs_idx on public.referrals using gin (needs);

-- England and Wales bank holidays, for working days in the database. The same list as
-- src/lib/working-days/bank-holidays-england-and-wales.json (a unit test proves they agree); a
-- later year arrives in a new migration with the same rows added to that file.
create table public.bank_holidays (
  day date primary key,
  title text not null check (char_length(title) between 1 and 100)
);
alter table public.bank_holidays enable row level security;
insert into public.bank_holidays (day, title) values
  ('2025-01-01', 'New Year’s Day'),
  ('2025-04-18', 'Good Friday'),
  ('2025-04-21', 'Easter Monday'),
  ('2025-05-05', 'Early May bank holiday'),
  ('2025-05-26', 'Spring bank holiday'),
  ('2025-08-25', 'Summer bank holiday'),
  ('2025-12-25', 'Christmas Day'),
  ('2025-12-26', 'Boxing Day'),
  ('2026-01-01', 'New Year’s Day'),
  ('2026-04-03', 'Good Friday'),
  ('2026-04-06', 'Easter Monday'),
  ('2026-05-04', 'Early May bank holiday'),
  ('2026-05-25', 'Spring bank holiday'),
  ('2026-08-31', 'Summer bank holiday'),
  ('2026-12-25', 'Christmas Day'),
  ('2026-12-28', 'Boxing Day'),
  ('2027-01-01', 'New Year’s Day'),
  ('2027-03-26', 'Good Friday'),
  ('2027-03-29', 'Easter Monday'),
  ('2027-05-03', 'Early May bank holiday'),
  ('2027-05-31', 'Spring bank holiday'),
  ('2027-08-30', 'Summer bank holiday'),
  ('2027-12-27', 'Christmas Day'),
  ('2027-12-28', 'Boxing Day'),
  ('2028-01-03', 'New Year’s Day'),
  ('2028-04-14', 'Good Friday'),
  ('2028-04-17', 'Easter Monday'),
  ('2028-05-01', 'Early May bank holiday'),
  ('2028-05-29', 'Spring bank holiday'),
  ('2028-08-28', 'Summer bank holiday'),
  ('2028-12-25', 'Christmas Day'),
  ('2028-12-26', 'Boxing Day');

-- A member of staff in more teams than their own (staff_members.team_id): a link worker shared
-- between a PCN's team and a voluntary-sector service, or a coordinator of both.
create table public.staff_team_memberships (
  user_id uuid not null references auth.users (id) on delete cascade,
  team_id uuid not null references public.teams (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, team_id)
);
alter table public.staff_team_memberships enable row level security;
create index staff_team_memberships_team_id_idx on public.staff_team_memberships (team_id);

-- Staff-only notes on a case: never shown to the person (no policy lets an owner read them), kept
-- apart from messages, never changed or removed (no grant).
create table public.referral_case_notes (
  id bigint generated always as identity primary key,
  referral_id uuid not null references public.referrals (id) on delete cascade,
  author_id uuid default auth.uid() references auth.users (id) on delete set null,
  body text not null check (char_length(body) between 1 and 4000 and btrim(body) <> ''),
  created_at timestamptz not null default now()
);
alter table public.referral_case_notes enable row level security;
create index referral_case_notes_referral_id_idx on public.referral_case_notes (referral_id, id);
create index referral_case_notes_author_id_idx on public.referral_case_notes (author_id);

comment on table public.referral_case_notes is 'Staff-only notes on a referral; the person never sees them.';

-- A declined referral tells the person (when they chose email), without the reason: that is on their page.
alter table public.notification_outbox drop constraint notification_outbox_kind_check,
  add constraint notification_outbox_kind_check check (kind in ('referral_received', 'message_for_person', 'referral_declined'));

-- ── Triggers ────────────────────────────────────────────────────────────────────────────

-- The first-contact due date, from the team's setting, on the London date the referral arrived.
create or replace function public.referrals_first_contact_due() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.first_contact_due_on := public.add_working_days(
    (new.created_at at time zone 'Europe/London')::date,
    (select t.first_contact_working_days from public.teams t where t.id = new.team_id));
  return new;
end
$$;

-- The status trigger of the referrals migration, now saying which member of staff acted and,
-- for a closed or declined referral, the outcome or the reason.
create or replace function public.referrals_after_write() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_actor text;
begin
  if tg_op = 'INSERT' then
    insert into public.referral_events (referral_id, kind, from_status, to_status, actor)
    values (new.id, 'submitted', null, new.status, public.referral_actor(new.owner_id));
    insert into public.notification_outbox (kind, referral_id, recipient, team_id)
    values ('referral_received', new.id, 'team', new.team_id);
  elsif new.status is distinct from old.status then
    v_actor := public.referral_actor(new.owner_id);
    insert into public.referral_events (referral_id, kind, from_status, to_status, actor, actor_id, detail)
    values (new.id, 'status_changed', old.status, new.status, v_actor,
      case when v_actor = 'staff' then auth.uid() end,
      jsonb_strip_nulls(jsonb_build_object(
        'outcome', case when new.status = 'closed' then new.outcome end,
        'reason', case when new.status = 'declined' then new.decline_reason end)));
  end if;
  return null;
end
$$;

-- A case note is on the timeline (for staff), without its text.
create or replace function public.referral_case_notes_after_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.referral_events (referral_id, kind, to_status, actor, actor_id, person_visible, detail)
  select new.referral_id, 'case_note_added', r.status, 'staff', new.author_id, false, jsonb_build_object('note_id', new.id)
  from public.referrals r where r.id = new.referral_id;
  return null;
end
$$;

create or replace function public.referral_case_notes_before_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.created_at := now();
  new.body := btrim(new.body);
  return new;
end
$$;

create trigger referrals_first_contact_due before insert on public.referrals
  for each row execute function public.referrals_first_contact_due();
create trigger referral_case_notes_before_insert before insert on public.referral_case_notes
  for each row execute function public.referral_case_notes_before_insert();
create trigger referral_case_notes_after_insert after insert on public.referral_case_notes
  for each row execute function public.referral_case_notes_after_insert();

-- ── Helpers and functions ───────────────────────────────────────────────────────────────

-- The date `p_days` working days after `p_from` in England and Wales: Monday to Friday and not a
-- bank holiday, counting from the day after (as src/lib/working-days/working-days.ts counts).
-- Beyond the years public.bank_holidays covers it counts weekends only rather than refuse a
-- referral; the TypeScript twin refuses, so the missing year is noticed in development.
create or replace function public.add_working_days(p_from date, p_days integer) returns date
language plpgsql stable set search_path = ''
as $$
declare
  d date := p_from;
  counted integer := 0;
begin
  if p_from is null or p_days is null or p_days < 0 then
    raise exception 'add_working_days needs a date and a whole number of days of 0 or more' using errcode = '22023';
  end if;
  while counted < p_days loop
    d := d + 1;
    if extract(isodow from d) < 6 and not exists (select 1 from public.bank_holidays b where b.day = d) then
      counted := counted + 1;
    end if;
  end loop;
  return d;
end
$$;

-- Today in London: a due date is overdue once this is past it.
create or replace function public.london_today() returns date
language sql stable set search_path = ''
as $$
  select (now() at time zone 'Europe/London')::date
$$;

-- The teams whose referrals a link worker works on: their own and any they are also a member of.
-- Null-safe and empty without a session or without aal2 (public.staff_role()).
create or replace function public.my_link_worker_teams() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(distinct t.team_id), '{}') from (
    select sm.team_id from public.staff_members sm
    where sm.user_id = auth.uid() and sm.active and sm.team_id is not null
    union all
    select m.team_id from public.staff_team_memberships m
    join public.staff_members sm on sm.user_id = m.user_id and sm.active
    where m.user_id = auth.uid()
  ) t
  where public.staff_role() = 'link_worker'
$$;

-- Kept for the other parts of the workspace: the link worker's own team (the first of their teams).
create or replace function public.my_link_worker_team() returns uuid
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select sm.team_id from public.staff_members sm
     where public.staff_role() = 'link_worker' and sm.user_id = auth.uid() and sm.active),
    (public.my_link_worker_teams())[1])
$$;

-- The PCNs a coordinator triages for: every PCN any of their teams serves.
create or replace function public.my_coordinated_pcns() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(distinct tp.pcn_id), '{}') from (
    select sm.team_id from public.staff_members sm
    where sm.user_id = auth.uid() and sm.active and sm.team_id is not null
    union all
    select m.team_id from public.staff_team_memberships m
    join public.staff_members sm on sm.user_id = m.user_id and sm.active
    where m.user_id = auth.uid()
  ) t
  join public.team_pcns tp on tp.team_id = t.team_id
  where public.staff_role() = 'coordinator'
$$;

-- Whether the caller may work on a referral of this team and PCN (link worker or coordinator).
create or replace function public.may_work_on_referral(p_team_id uuid, p_pcn_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(p_team_id = any (public.my_link_worker_teams()) or p_pcn_id = any (public.my_coordinated_pcns()), false)
$$;

-- A status in the words the workspace uses, for messages.
create or replace function public.workspace_status_words(p_status text) returns text
language sql immutable set search_path = ''
as $$
  select case p_status
    when 'new' then 'new' when 'triaged' then 'accepted' when 'contacted' then 'in contact'
    when 'active' then 'active' when 'closed' then 'closed' when 'declined' then 'declined'
    when 'withdrawn' then 'withdrawn' else p_status end
$$;

-- The workflow: where a referral may go from each status. Finished ones go nowhere; only the
-- person withdraws (public.withdraw_referral).
create or replace function public.workspace_next_statuses(p_status text) returns text[]
language sql immutable set search_path = ''
as $$
  select case p_status
    when 'new' then array['triaged', 'contacted', 'declined']
    when 'triaged' then array['contacted', 'declined']
    when 'contacted' then array['active', 'closed', 'declined']
    when 'active' then array['closed']
    else array[]::text[] end
$$;

-- Every workspace function starts here: a session (SP401), a staff role with aal2 (SP403), and a
-- referral the caller may work on, locked for the change (SP404 otherwise, saying nothing more).
create or replace function public.workspace_referral(p_referral_id uuid) returns public.referrals
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.referrals;
begin
  if auth.uid() is null then
    perform public.referral_fail('SP401', 401, null, 'Your session has ended. Sign in again: what you typed is still on this page.');
  end if;
  if public.staff_role() is null then
    perform public.referral_fail('SP403', 403, null,
      'Only staff signed in with two-factor authentication can work on referrals. Sign in again with your authenticator app.');
  end if;
  select * into v from public.referrals r where r.id = p_referral_id for update;
  if not found or not public.may_work_on_referral(v.team_id, v.pcn_id) then
    perform public.referral_fail('SP404', 404, 'referral_id',
      'We could not find that referral in your teams. It may have been routed to another team.');
  end if;
  return v;
end
$$;

-- One line of the timeline, by the member of staff calling.
create or replace function public.workspace_event(p_referral public.referrals, p_kind text, p_detail jsonb) returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.referral_events (referral_id, kind, from_status, to_status, actor, actor_id, person_visible, detail)
  values (p_referral.id, p_kind, null, p_referral.status, 'staff', auth.uid(), false, p_detail)
$$;

-- Moves a referral along the workflow. Closing needs an outcome, declining a reason the person
-- will read; anything the workflow does not allow is refused with what is allowed instead.
create or replace function public.move_referral(referral_id uuid, to_status text, outcome text default null,
  reason text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.referrals := public.workspace_referral(move_referral.referral_id);
  v_next text[] := public.workspace_next_statuses(v.status);
  v_reason text := nullif(btrim(move_referral.reason), '');
begin
  if to_status is null or to_status not in ('new', 'triaged', 'contacted', 'active', 'closed', 'declined', 'withdrawn') then
    perform public.referral_fail('SP422', 422, 'to_status', 'Choose what the referral’s status should be');
  end if;
  if to_status = 'withdrawn' then
    perform public.referral_fail('SP409', 409, 'to_status', 'Only the person can withdraw their referral. Close it with an outcome instead.');
  end if;
  if to_status = v.status then
    perform public.referral_fail('SP409', 409, 'to_status', 'This referral is already ' || public.workspace_status_words(v.status) || '.');
  end if;
  if not to_status = any (v_next) then
    perform public.referral_fail('SP409', 409, 'to_status',
      case when cardinality(v_next) = 0
        then 'This referral is ' || public.workspace_status_words(v.status) || ', so its status cannot change any more.'
        else 'A referral that is ' || public.workspace_status_words(v.status) || ' cannot become '
          || public.workspace_status_words(to_status) || '. It can become: '
          || array_to_string(array(select public.workspace_status_words(s) from unnest(v_next) s), ', ') || '.' end);
  end if;
  if to_status = 'closed' and (outcome is null or outcome not in ('connected_to_services', 'needs_met', 'person_chose_to_stop',
      'could_not_contact', 'moved_away_or_not_eligible', 'other')) then
    perform public.referral_fail('SP422', 422, 'outcome', 'Choose the outcome of the referral before closing it');
  end if;
  if to_status = 'declined' and v_reason is null then
    perform public.referral_fail('SP422', 422, 'reason', 'Tell the person, in plain words, why the team cannot take the referral on');
  end if;
  if to_status = 'declined' and char_length(v_reason) > 500 then
    perform public.referral_fail('SP422', 422, 'reason', 'The reason must be 500 characters or fewer');
  end if;
  update public.referrals r set
    status = to_status,
    outcome = case when to_status = 'closed' then move_referral.outcome end,
    decline_reason = case when to_status = 'declined' then v_reason end
  where r.id = v.id returning * into v;
  if to_status = 'declined' and v.source = 'self' and 'email' = any (v.contact_methods) and v.email is not null then
    insert into public.notification_outbox (kind, referral_id, recipient) values ('referral_declined', v.id, 'person');
  end if;
  return jsonb_build_object('reference', v.reference, 'status', v.status);
end
$$;

-- Gives the referral to a link worker of its team (null: back to the team).
create or replace function public.assign_referral(referral_id uuid, assignee uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.referrals := public.workspace_referral(assign_referral.referral_id);
  v_name text;
begin
  if v.status in ('closed', 'declined', 'withdrawn') then
    perform public.referral_fail('SP409', 409, 'assignee', 'This referral is ' || public.workspace_status_words(v.status)
      || ', so it cannot be assigned.');
  end if;
  if assignee is not null then
    select sm.display_name into v_name from public.staff_members sm
    where sm.user_id = assignee and sm.active and sm.role = 'link_worker'
      and (sm.team_id = v.team_id or exists (
        select 1 from public.staff_team_memberships m where m.user_id = sm.user_id and m.team_id = v.team_id));
    if v_name is null then
      perform public.referral_fail('SP422', 422, 'assignee', 'Choose a link worker of the team the referral is with');
    end if;
  end if;
  if assignee is not distinct from v.assigned_to then
    return jsonb_build_object('reference', v.reference, 'assigned_to', v.assigned_to);
  end if;
  update public.referrals r set assigned_to = assignee where r.id = v.id returning * into v;
  perform public.workspace_event(v, 'assigned', jsonb_strip_nulls(jsonb_build_object('assigned_to', assignee, 'assigned_name', v_name)));
  return jsonb_build_object('reference', v.reference, 'assigned_to', v.assigned_to);
end
$$;

-- A coordinator routes a referral to another team serving the same PCN, with a reason the
-- teams read (the person is not shown routing). The new team is told by email, as for a new
-- referral; its first-contact due date follows its own setting from when the referral arrived.
create or replace function public.route_referral(referral_id uuid, to_team uuid, reason text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.referrals := public.workspace_referral(route_referral.referral_id);
  v_reason text := nullif(btrim(route_referral.reason), '');
  v_from public.teams;
  v_to public.teams;
begin
  if public.staff_role() <> 'coordinator' then
    perform public.referral_fail('SP403', 403, 'to_team', 'Only a coordinator can route a referral to another team. Ask your coordinator.');
  end if;
  if v.status not in ('new', 'triaged') then
    perform public.referral_fail('SP409', 409, 'to_team', 'This referral is ' || public.workspace_status_words(v.status)
      || ', so it stays with its team. Only new or accepted referrals can be routed.');
  end if;
  select * into v_to from public.teams t where t.id = to_team
    and exists (select 1 from public.team_pcns tp where tp.team_id = t.id and tp.pcn_id = v.pcn_id);
  if not found then
    perform public.referral_fail('SP422', 422, 'to_team', 'Choose a team that serves the person’s GP practice');
  end if;
  if v_to.id = v.team_id then
    perform public.referral_fail('SP409', 409, 'to_team', 'The referral is already with ' || v_to.name || '.');
  end if;
  if v_reason is null then
    perform public.referral_fail('SP422', 422, 'reason', 'Say why the referral is going to the other team');
  end if;
  if char_length(v_reason) > 500 then
    perform public.referral_fail('SP422', 422, 'reason', 'The reason must be 500 characters or fewer');
  end if;
  select * into v_from from public.teams t where t.id = v.team_id;
  update public.referrals r set team_id = v_to.id, assigned_to = null,
    first_contact_due_on = public.add_working_days((r.created_at at time zone 'Europe/London')::date, v_to.first_contact_working_days)
  where r.id = v.id returning * into v;
  perform public.workspace_event(v, 'routed', jsonb_build_object('from_team_id', v_from.id, 'from_team', v_from.name,
    'to_team_id', v_to.id, 'to_team', v_to.name, 'reason', v_reason));
  insert into public.notification_outbox (kind, referral_id, recipient, team_id) values ('referral_received', v.id, 'team', v_to.id);
  return jsonb_build_object('reference', v.reference, 'team_id', v.team_id);
end
$$;

-- A contact made or tried (a call with no answer counts: it shows the team tried). Speaking with
-- the person moves a new or accepted referral to contacted.
create or replace function public.record_contact(referral_id uuid, method text, result text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.referrals := public.workspace_referral(record_contact.referral_id);
begin
  if method is null or method not in ('phone', 'text', 'email', 'letter', 'in_person', 'video') then
    perform public.referral_fail('SP422', 422, 'method', 'Choose how you contacted the person');
  end if;
  if result is null or result not in ('spoke', 'no_answer', 'left_message', 'message_sent') then
    perform public.referral_fail('SP422', 422, 'result', 'Choose what happened');
  end if;
  if v.status in ('closed', 'declined', 'withdrawn') then
    perform public.referral_fail('SP409', 409, 'method', 'This referral is ' || public.workspace_status_words(v.status)
      || ', so no more contacts can be recorded.');
  end if;
  perform public.workspace_event(v, 'contact_made', jsonb_build_object('method', method, 'result', result));
  if result = 'spoke' and v.status in ('new', 'triaged') then
    update public.referrals r set status = 'contacted' where r.id = v.id returning * into v;
  end if;
  return jsonb_build_object('reference', v.reference, 'status', v.status);
end
$$;

-- A message to the person from the member of staff, signed with their name and role.
create or replace function public.send_staff_message(referral_id uuid, body text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.referrals := public.workspace_referral(send_staff_message.referral_id);
  v_body text := nullif(btrim(send_staff_message.body), '');
  v_name text;
  v_message public.referral_messages;
begin
  if v_body is null then
    perform public.referral_fail('SP422', 422, 'body', 'Enter a message');
  end if;
  if char_length(v_body) > 2000 then
    perform public.referral_fail('SP422', 422, 'body', 'Your message must be 2000 characters or fewer');
  end if;
  if v.status = 'withdrawn' then
    perform public.referral_fail('SP409', 409, 'body', 'The person withdrew this referral, so messages can no longer be sent.');
  end if;
  select left(sm.display_name, 80) || case sm.role when 'coordinator' then ', coordinator' else ', link worker' end into v_name
  from public.staff_members sm where sm.user_id = auth.uid();
  insert into public.referral_messages (referral_id, author_kind, author_id, author_name, body)
  values (v.id, 'staff', auth.uid(), v_name, v_body) returning * into v_message;
  return to_jsonb(v_message);
end
$$;

-- The inbox: referrals of the caller's teams (link worker) or PCNs (coordinator), overdue first,
-- then newest, filtered, one page at a time, with how many match in all. Security invoker, so
-- row level security applies too; the explicit team / PCN test keeps a member of staff's own
-- referral (made as a resident) out, and lets the indexes serve the filters.
create or replace function public.workspace_inbox(status text default null, need text default null, pcn uuid default null,
  practice uuid default null, source text default null, assigned_to_me boolean default false, team uuid default null,
  page_size integer default 50, page_offset integer default 0)
returns table (id uuid, reference text, status text, source text, needs text[], team_id uuid, pcn_id uuid, gp_practice_id uuid,
  assigned_to uuid, given_name text, family_name text, created_at timestamptz, first_contact_due_on date, overdue boolean,
  total bigint)
language sql stable security invoker set search_path = ''
as $$
  with mine as (select public.my_link_worker_teams() as teams, public.my_coordinated_pcns() as pcns, public.london_today() as today)
  select r.id, r.reference, r.status, r.source, r.needs, r.team_id, r.pcn_id, r.gp_practice_id, r.assigned_to,
    r.given_name, r.family_name, r.created_at, r.first_contact_due_on,
    r.status in ('new', 'triaged') and r.first_contact_due_on < mine.today as overdue,
    count(*) over () as total
  from public.referrals r, mine
  where (r.team_id = any (mine.teams) or r.pcn_id = any (mine.pcns))
    and (workspace_inbox.status is null or r.status = workspace_inbox.status)
    and (workspace_inbox.need is null or r.needs @> array[workspace_inbox.need])
    and (workspace_inbox.pcn is null or r.pcn_id = workspace_inbox.pcn)
    and (workspace_inbox.practice is null or r.gp_practice_id = workspace_inbox.practice)
    and (workspace_inbox.source is null or r.source = workspace_inbox.source)
    and (not coalesce(workspace_inbox.assigned_to_me, false) or r.assigned_to = auth.uid())
    and (workspace_inbox.team is null or r.team_id = workspace_inbox.team)
  order by overdue desc, r.created_at desc, r.id
  limit least(greatest(coalesce(page_size, 50), 1), 200) offset greatest(coalesce(page_offset, 0), 0)
$$;

-- The inbox's counts by status (and how many of each are overdue), under the same filters but status.
create or replace function public.workspace_inbox_counts(need text default null, pcn uuid default null, practice uuid default null,
  source text default null, assigned_to_me boolean default false, team uuid default null)
returns table (status text, total bigint, overdue bigint)
language sql stable security invoker set search_path = ''
as $$
  with mine as (select public.my_link_worker_teams() as teams, public.my_coordinated_pcns() as pcns, public.london_today() as today)
  select r.status, count(*), count(*) filter (where r.status in ('new', 'triaged') and r.first_contact_due_on < mine.today)
  from public.referrals r, mine
  where (r.team_id = any (mine.teams) or r.pcn_id = any (mine.pcns))
    and (workspace_inbox_counts.need is null or r.needs @> array[workspace_inbox_counts.need])
    and (workspace_inbox_counts.pcn is null or r.pcn_id = workspace_inbox_counts.pcn)
    and (workspace_inbox_counts.practice is null or r.gp_practice_id = workspace_inbox_counts.practice)
    and (workspace_inbox_counts.source is null or r.source = workspace_inbox_counts.source)
    and (not coalesce(workspace_inbox_counts.assigned_to_me, false) or r.assigned_to = auth.uid())
    and (workspace_inbox_counts.team is null or r.team_id = workspace_inbox_counts.team)
  group by r.status
$$;

-- Unread messages of several threads at once, for the inbox (public.unread_message_count per id).
create or replace function public.unread_message_counts(referral_ids uuid[]) returns table (referral_id uuid, unread integer)
language sql stable security invoker set search_path = ''
as $$
  select i.id, public.unread_message_count(i.id) from unnest(referral_ids[1:200]) as i(id)
$$;

-- Referrals that arrived before due dates were kept get theirs now.
update public.referrals r set first_contact_due_on = public.add_working_days(
  (r.created_at at time zone 'Europe/London')::date, t.first_contact_working_days)
from public.teams t where t.id = r.team_id and r.first_contact_due_on is null;

-- mark_referral_messages_read, now for staff of every team they belong to.
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
      and (r.owner_id = v_uid or public.may_work_on_referral(r.team_id, r.pcn_id))
  ) then
    perform public.referral_fail('SP404', 404, 'referral_id', 'We could not find that referral.');
  end if;
  insert into public.referral_message_reads as m (referral_id, reader_id, last_read_message_id, read_at)
  values (mark_referral_messages_read.referral_id, v_uid, greatest(coalesce(up_to, 0), 0), now())
  on conflict on constraint referral_message_reads_pkey do update
    set last_read_message_id = greatest(m.last_read_message_id, excluded.last_read_message_id), read_at = now();
end
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────

drop policy "Link workers can see the referrals routed to their team" on public.referrals;
create policy "Link workers can see the referrals routed to their teams" on public.referrals
  for select to authenticated using (team_id = any ((select public.my_link_worker_teams())::uuid[]));

drop policy "Staff can see the history of referrals they may read" on public.referral_events;
create policy "Staff can see the history of referrals they may read" on public.referral_events
  for select to authenticated using (exists (
    select 1 from public.referrals r where r.id = referral_events.referral_id
      and (r.team_id = any ((select public.my_link_worker_teams())::uuid[])
        or r.pcn_id = any ((select public.my_coordinated_pcns())::uuid[]))));

create policy "Bank holidays are viewable by everyone" on public.bank_holidays
  for select to anon, authenticated using (true);

create policy "Staff can see who is in which team" on public.staff_team_memberships
  for select to authenticated using ((select public.is_staff()));
create policy "Admins can add and remove team memberships" on public.staff_team_memberships
  for all to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));

-- Only staff who work on the referral; never its owner (no policy names the owner).
create policy "Staff can read the case notes of referrals they work on" on public.referral_case_notes
  for select to authenticated using (exists (
    select 1 from public.referrals r where r.id = referral_case_notes.referral_id
      and (r.team_id = any ((select public.my_link_worker_teams())::uuid[])
        or r.pcn_id = any ((select public.my_coordinated_pcns())::uuid[]))));
create policy "Staff can add case notes, as themselves, to referrals they work on" on public.referral_case_notes
  for insert to authenticated with check (
    author_id = (select auth.uid()) and exists (
      select 1 from public.referrals r where r.id = referral_case_notes.referral_id
        and (r.team_id = any ((select public.my_link_worker_teams())::uuid[])
          or r.pcn_id = any ((select public.my_coordinated_pcns())::uuid[]))));

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke all on public.bank_holidays, public.staff_team_memberships, public.referral_case_notes
  from public, anon, authenticated, service_role;
grant select on public.bank_holidays to anon, authenticated, service_role;
grant select, insert, update, delete on public.staff_team_memberships to authenticated, service_role;
-- Append-only: nobody changes or removes a case note, not even the service role.
grant select, insert on public.referral_case_notes to authenticated;
grant select on public.referral_case_notes to service_role;

revoke execute on function public.referrals_first_contact_due(), public.referral_case_notes_after_insert(),
  public.referral_case_notes_before_insert(), public.workspace_referral(uuid), public.workspace_event(public.referrals, text, jsonb)
  from public, anon, authenticated;
revoke execute on function public.add_working_days(date, integer), public.london_today(), public.my_link_worker_teams(),
  public.may_work_on_referral(uuid, uuid), public.workspace_status_words(text), public.workspace_next_statuses(text) from public, anon;
grant execute on function public.add_working_days(date, integer), public.london_today(), public.my_link_worker_teams(),
  public.may_work_on_referral(uuid, uuid), public.workspace_status_words(text), public.workspace_next_statuses(text)
  to authenticated, service_role;

revoke execute on function public.move_referral(uuid, text, text, text), public.assign_referral(uuid, uuid),
  public.route_referral(uuid, uuid, text), public.record_contact(uuid, text, text), public.send_staff_message(uuid, text),
  public.workspace_inbox(text, text, uuid, uuid, text, boolean, uuid, integer, integer),
  public.workspace_inbox_counts(text, uuid, uuid, text, boolean, uuid), public.unread_message_counts(uuid[])
  from public, anon;
grant execute on function public.move_referral(uuid, text, text, text), public.assign_referral(uuid, uuid),
  public.route_referral(uuid, uuid, text), public.record_contact(uuid, text, text), public.send_staff_message(uuid, text),
  public.workspace_inbox(text, text, uuid, uuid, text, boolean, uuid, integer, integer),
  public.workspace_inbox_counts(text, uuid, uuid, text, boolean, uuid), public.unread_message_counts(uuid[])
  to authenticated;
