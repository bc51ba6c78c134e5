-- A referral's casework beyond triage: the personalised plan agreed with the person (what matters,
-- goals, and services chosen from the directory, each with a status and a review date), their
-- ONS4 personal wellbeing scores at the start and at review, and the team's practical-help fund
-- (top-ups, and spends on a case: same-day help such as clearing a home or fitting grab rails).
-- Sections: tables (each followed by enabling RLS), triggers, helpers and functions, policies, grants.
--
-- Nobody writes these tables through the API: every change goes through a security definer
-- function below that fails closed without a session and without a second factor (staff powers
-- come from public.staff_role(), which counts only in aal2), checks the caller may read the
-- referral exactly as the referral select policies do (link workers of the routed team,
-- coordinators of the PCNs their team serves), and writes its timeline event in referral_events.
--
-- Who reads what:
-- - the plan and its services: the person who made the referral (their page shows the plan) and
--   the staff who may read the referral;
-- - wellbeing scores: staff who may read the referral only. The scores are a measure for the
--   service and its commissioners, asked in conversation; the person's page is often an
--   anonymous session on a shared phone, and bare anxiety scores there help no one. The link
--   worker goes through the change with the person;
-- - the fund: its team's link workers and coordinators; a spend also to anyone on the staff who
--   may read the referral it was for (the record shows it); admins read balances and top-ups only
--   (they top funds up, but spends belong to cases, which are not theirs to see). The person does
--   not see spend. Curators see none of it.
-- Amounts are integer pence. A spend beyond the balance is refused by the database: team_funds
-- holds each team's balance with check (balance_pence >= 0), and every entry takes that row's
-- lock first, so two spends at once cannot both pass.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

create table public.referral_plans (
  referral_id uuid primary key references public.referrals (id) on delete cascade,
  -- In the person's words, as agreed with them (their referral's own answer stays on the referral).
  what_matters text check (char_length(what_matters) between 1 and 2000),
  goals text[] not null default '{}' check (cardinality(goals) <= 10 and char_length(array_to_string(goals, '')) <= 3000),
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.referral_plans enable row level security;
create index referral_plans_updated_by_idx on public.referral_plans (updated_by);

create table public.referral_plan_services (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references public.referrals (id) on delete cascade,
  -- A listing taken off the directory later stays in the plan (restrict), under the name it had.
  service_id text not null references public.services (id) on delete restrict,
  service_name text not null check (char_length(service_name) between 1 and 300),
  status text not null default 'suggested' check (status in ('suggested', 'referred', 'attending', 'stopped')),
  review_on date,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (referral_id, service_id)
);
alter table public.referral_plan_services enable row level security;
create index referral_plan_services_service_id_idx on public.referral_plan_services (service_id);
create index referral_plan_services_created_by_idx on public.referral_plan_services (created_by);

create table public.referral_wellbeing (
  id bigint generated always as identity primary key,
  referral_id uuid not null references public.referrals (id) on delete cascade,
  stage text not null check (stage in ('start', 'review')),
  -- ONS4, each 0 (not at all) to 10 (completely). For anxiety, lower is better.
  life_satisfaction smallint not null check (life_satisfaction between 0 and 10),
  worthwhile smallint not null check (worthwhile between 0 and 10),
  happiness smallint not null check (happiness between 0 and 10),
  anxiety smallint not null check (anxiety between 0 and 10),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references auth.users (id) on delete set null
);
alter table public.referral_wellbeing enable row level security;
create index referral_wellbeing_referral_id_idx on public.referral_wellbeing (referral_id, recorded_at);
create index referral_wellbeing_recorded_by_idx on public.referral_wellbeing (recorded_by);

-- Each team's balance: the row every entry locks, and the check that refuses going below zero.
create table public.team_funds (
  team_id uuid primary key references public.teams (id) on delete cascade,
  balance_pence bigint not null default 0 check (balance_pence >= 0),
  updated_at timestamptz not null default now()
);
alter table public.team_funds enable row level security;

create table public.team_fund_entries (
  id bigint generated always as identity primary key,
  team_id uuid not null references public.teams (id) on delete cascade,
  referral_id uuid references public.referrals (id) on delete set null,
  kind text not null check (kind in ('top_up', 'spend')),
  amount_pence integer not null check (amount_pence > 0 and amount_pence <= 10000000),
  -- What for (a spend), or where the money came from (a top-up).
  purpose text not null check (char_length(purpose) between 1 and 300),
  supplier text check (char_length(supplier) between 1 and 200),
  approved_by text check (char_length(approved_by) between 1 and 100),
  recorded_by uuid references auth.users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  constraint team_fund_entries_spend_complete check (kind <> 'spend' or (supplier is not null and approved_by is not null))
);
alter table public.team_fund_entries enable row level security;
create index team_fund_entries_team_idx on public.team_fund_entries (team_id, recorded_at desc);
create index team_fund_entries_referral_idx on public.team_fund_entries (referral_id) where referral_id is not null;
create index team_fund_entries_recorded_by_idx on public.team_fund_entries (recorded_by);
-- An admin's policy reads top-ups only.
create index team_fund_entries_kind_idx on public.team_fund_entries (kind, team_id);

-- ── Triggers ────────────────────────────────────────────────────────────────────────────

-- Every entry moves its team's balance in the same transaction, under the balance row's lock;
-- the check on team_funds refuses a spend the balance cannot cover, whoever inserts it.
create or replace function public.team_fund_entries_after_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- An update, not an upsert: an upsert checks its proposed row (a negative balance) before it
  -- finds the conflict. The first insert of a team's row takes its lock as the update would.
  insert into public.team_funds (team_id) values (new.team_id) on conflict (team_id) do nothing;
  update public.team_funds f
    set balance_pence = f.balance_pence + case new.kind when 'top_up' then new.amount_pence else -new.amount_pence end,
        updated_at = now()
  where f.team_id = new.team_id;
  return null;
end
$$;

create trigger team_fund_entries_after_insert after insert on public.team_fund_entries
  for each row execute function public.team_fund_entries_after_insert();

-- ── Helpers and functions ───────────────────────────────────────────────────────────────

-- The team of the calling link worker or coordinator (aal2 only, through staff_role()).
create or replace function public.my_fund_team() returns uuid
language sql stable security definer set search_path = ''
as $$
  select sm.team_id from public.staff_members sm
  where public.staff_role() in ('link_worker', 'coordinator') and sm.user_id = auth.uid() and sm.active
$$;

-- Whether the caller is on the staff who may read the referral: the referral select policies' test.
create or replace function public.may_work_on_referral(p_referral_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.referrals r
    where r.id = p_referral_id
      and (r.team_id = any (public.my_link_worker_teams()) or r.pcn_id = any (public.my_coordinated_pcns())))
$$;

-- Fails closed: no session (SP401), no staff role in an aal2 session (SP403), a referral the
-- caller may not read (SP404, the same answer as one that does not exist). Locks the referral
-- row, so its status in the timeline event is the one it has when the change lands.
create or replace function public.casework_referral(p_referral_id uuid, p_what text) returns public.referrals
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.referrals;
begin
  if auth.uid() is null then
    perform public.referral_fail('SP401', 401, null, format('Your session has ended. Sign in again to %s.', p_what));
  end if;
  if public.staff_role() is null or public.staff_role() not in ('link_worker', 'coordinator') then
    perform public.referral_fail('SP403', 403, null,
      format('Only link workers and coordinators signed in with two-factor authentication can %s.', p_what));
  end if;
  if not public.may_work_on_referral(p_referral_id) then
    perform public.referral_fail('SP404', 404, 'referral_id', 'We could not find that referral, or it is not one your team works on.');
  end if;
  select * into v_row from public.referrals r where r.id = p_referral_id for update;
  return v_row;
end
$$;

create or replace function public.casework_event(p_referral public.referrals, p_kind text, p_visible boolean, p_detail jsonb)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.referral_events (referral_id, kind, from_status, to_status, actor, person_visible, actor_id, detail)
  values (p_referral.id, p_kind, p_referral.status, p_referral.status, 'staff', p_visible, auth.uid(), p_detail)
$$;

-- £45.00, for messages.
create or replace function public.pounds(p_pence bigint) returns text
language sql immutable set search_path = ''
as $$ select '£' || to_char(p_pence / 100.0, 'FM999,999,990.00') $$;

-- Saves what matters and the goals (a whole new list each time). Blank goals are dropped.
create or replace function public.save_referral_plan(referral_id uuid, what_matters text, goals text[]) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_referral public.referrals := public.casework_referral(save_referral_plan.referral_id, 'change a plan');
  v_what text := nullif(btrim(save_referral_plan.what_matters), '');
  v_goals text[];
  v_row public.referral_plans;
begin
  select coalesce(array_agg(btrim(g) order by n), '{}') into v_goals
  from unnest(coalesce(save_referral_plan.goals, '{}')) with ordinality as t(g, n) where btrim(g) <> '';
  if char_length(v_what) > 2000 then
    perform public.referral_fail('SP422', 422, 'what_matters', 'What matters to the person must be 2000 characters or fewer');
  end if;
  if cardinality(v_goals) > 10 then
    perform public.referral_fail('SP422', 422, 'goals', 'A plan can have up to 10 goals');
  end if;
  if exists (select 1 from unnest(v_goals) g where char_length(g) > 300) then
    perform public.referral_fail('SP422', 422, 'goals', 'Each goal must be 300 characters or fewer');
  end if;
  insert into public.referral_plans as p (referral_id, what_matters, goals, updated_by)
  values (v_referral.id, v_what, v_goals, auth.uid())
  on conflict on constraint referral_plans_pkey do update
    set what_matters = excluded.what_matters, goals = excluded.goals, updated_by = excluded.updated_by, updated_at = now()
  returning * into v_row;
  perform public.casework_event(v_referral, 'plan_changed', true, jsonb_build_object('change', 'plan_saved', 'goals', cardinality(v_goals)));
  return to_jsonb(v_row);
end
$$;

-- Adds a published directory service to the plan (once per plan).
create or replace function public.add_plan_service(referral_id uuid, service_id text, status text default 'suggested',
  review_on date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_referral public.referrals := public.casework_referral(add_plan_service.referral_id, 'change a plan');
  v_name text;
  v_row public.referral_plan_services;
begin
  if add_plan_service.status is null or add_plan_service.status not in ('suggested', 'referred', 'attending', 'stopped') then
    perform public.referral_fail('SP422', 422, 'status', 'Choose where the person is with this service');
  end if;
  select s.name into v_name from public.services s where s.id = add_plan_service.service_id and s.published;
  if v_name is null then
    perform public.referral_fail('SP422', 422, 'service_id', 'Choose a service from the directory');
  end if;
  if exists (select 1 from public.referral_plan_services ps
             where ps.referral_id = v_referral.id and ps.service_id = add_plan_service.service_id) then
    perform public.referral_fail('SP409', 409, 'service_id', format('%s is already in the plan', v_name));
  end if;
  insert into public.referral_plan_services (referral_id, service_id, service_name, status, review_on, created_by)
  values (v_referral.id, add_plan_service.service_id, left(v_name, 300), add_plan_service.status, add_plan_service.review_on, auth.uid())
  returning * into v_row;
  perform public.casework_event(v_referral, 'plan_changed', true, jsonb_build_object(
    'change', 'service_added', 'service_id', v_row.service_id, 'service_name', v_row.service_name, 'status', v_row.status));
  return to_jsonb(v_row);
end
$$;

-- Moves a plan's service to another status and/or review date.
create or replace function public.update_plan_service(plan_service_id uuid, status text, review_on date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_referral_id uuid := (select ps.referral_id from public.referral_plan_services ps where ps.id = update_plan_service.plan_service_id);
  v_referral public.referrals;
  v_row public.referral_plan_services;
begin
  -- An unknown id checks the caller first, so nobody learns whether it exists.
  v_referral := public.casework_referral(coalesce(v_referral_id, '00000000-0000-0000-0000-000000000000'), 'change a plan');
  if update_plan_service.status is null or update_plan_service.status not in ('suggested', 'referred', 'attending', 'stopped') then
    perform public.referral_fail('SP422', 422, 'status', 'Choose where the person is with this service');
  end if;
  update public.referral_plan_services ps
    set status = update_plan_service.status, review_on = update_plan_service.review_on, updated_at = now()
  where ps.id = update_plan_service.plan_service_id
  returning * into v_row;
  perform public.casework_event(v_referral, 'plan_changed', true, jsonb_build_object(
    'change', 'service_updated', 'service_id', v_row.service_id, 'service_name', v_row.service_name, 'status', v_row.status));
  return to_jsonb(v_row);
end
$$;

-- Records the four ONS personal wellbeing answers, at the start or at a review.
create or replace function public.record_wellbeing(referral_id uuid, stage text, life_satisfaction integer, worthwhile integer,
  happiness integer, anxiety integer) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_referral public.referrals := public.casework_referral(record_wellbeing.referral_id, 'record wellbeing');
  v_row public.referral_wellbeing;
  v_field text;
  v_value integer;
begin
  if record_wellbeing.stage is null or record_wellbeing.stage not in ('start', 'review') then
    perform public.referral_fail('SP422', 422, 'stage', 'Choose whether this is the start or a review');
  end if;
  foreach v_field in array array['life_satisfaction', 'worthwhile', 'happiness', 'anxiety'] loop
    v_value := case v_field when 'life_satisfaction' then record_wellbeing.life_satisfaction
      when 'worthwhile' then record_wellbeing.worthwhile when 'happiness' then record_wellbeing.happiness
      else record_wellbeing.anxiety end;
    if v_value is null or v_value not between 0 and 10 then
      perform public.referral_fail('SP422', 422, v_field, 'Choose a number from 0 to 10');
    end if;
  end loop;
  if record_wellbeing.stage = 'review' and not exists (
    select 1 from public.referral_wellbeing w where w.referral_id = v_referral.id and w.stage = 'start') then
    perform public.referral_fail('SP409', 409, 'stage', 'Record the answers at the start before a review');
  end if;
  insert into public.referral_wellbeing (referral_id, stage, life_satisfaction, worthwhile, happiness, anxiety, recorded_by)
  values (v_referral.id, record_wellbeing.stage, record_wellbeing.life_satisfaction, record_wellbeing.worthwhile,
    record_wellbeing.happiness, record_wellbeing.anxiety, auth.uid())
  returning * into v_row;
  perform public.casework_event(v_referral, 'wellbeing_recorded', false, jsonb_build_object('stage', v_row.stage));
  return to_jsonb(v_row);
end
$$;

create or replace function public.fund_text(p_value text, p_field text, p_max integer, p_label text) returns text
language plpgsql volatile set search_path = ''
as $$
declare
  v text := nullif(btrim(p_value), '');
begin
  if v is null then
    perform public.referral_fail('SP422', 422, p_field, format('Enter %s', p_label));
  end if;
  if char_length(v) > p_max then
    perform public.referral_fail('SP422', 422, p_field, format('%s must be %s characters or fewer', initcap(left(p_label, 1)) || substr(p_label, 2), p_max));
  end if;
  return v;
end
$$;

create or replace function public.fund_amount(p_pence integer) returns integer
language plpgsql volatile set search_path = ''
as $$
begin
  if p_pence is null or p_pence <= 0 then
    perform public.referral_fail('SP422', 422, 'amount_pence', 'Enter an amount more than £0');
  end if;
  if p_pence > 10000000 then
    perform public.referral_fail('SP422', 422, 'amount_pence', 'Enter an amount of £100,000 or less');
  end if;
  return p_pence;
end
$$;

-- A coordinator tops up their own team's fund; an admin any team's.
create or replace function public.top_up_team_fund(team_id uuid, amount_pence integer, purpose text, approved_by text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_role text := public.staff_role();
  v_row public.team_fund_entries;
  v_balance bigint;
begin
  if auth.uid() is null then
    perform public.referral_fail('SP401', 401, null, 'Your session has ended. Sign in again to top up the fund.');
  end if;
  if v_role is null or v_role not in ('coordinator', 'admin') then
    perform public.referral_fail('SP403', 403, null,
      'Only coordinators and administrators signed in with two-factor authentication can top up a team''s fund.');
  end if;
  if v_role = 'coordinator' and top_up_team_fund.team_id is distinct from public.my_fund_team() then
    perform public.referral_fail('SP403', 403, 'team_id', 'Coordinators can top up their own team''s fund only.');
  end if;
  if not exists (select 1 from public.teams t where t.id = top_up_team_fund.team_id) then
    perform public.referral_fail('SP404', 404, 'team_id', 'We could not find that team.');
  end if;
  insert into public.team_fund_entries (team_id, kind, amount_pence, purpose, approved_by, recorded_by)
  values (top_up_team_fund.team_id, 'top_up', public.fund_amount(top_up_team_fund.amount_pence),
    public.fund_text(top_up_team_fund.purpose, 'purpose', 300, 'where the money comes from'),
    nullif(btrim(top_up_team_fund.approved_by), ''), auth.uid())
  returning * into v_row;
  select f.balance_pence into v_balance from public.team_funds f where f.team_id = v_row.team_id;
  return to_jsonb(v_row) || jsonb_build_object('balance_pence', v_balance);
end
$$;

-- A link worker records a spend from their team's fund on a referral routed to their team.
create or replace function public.record_fund_spend(referral_id uuid, amount_pence integer, purpose text, supplier text,
  approved_by text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_team uuid;
  v_referral public.referrals;
  v_amount integer;
  v_purpose text;
  v_supplier text;
  v_approved text;
  v_balance bigint;
  v_row public.team_fund_entries;
begin
  if auth.uid() is null then
    perform public.referral_fail('SP401', 401, null, 'Your session has ended. Sign in again to record a spend.');
  end if;
  if public.staff_role() is distinct from 'link_worker' then
    perform public.referral_fail('SP403', 403, null,
      'Only link workers signed in with two-factor authentication can record a spend from their team''s fund.');
  end if;
  -- The fund of the referral's team, which must be one of the link worker's teams.
  select r.team_id into v_team from public.referrals r
  where r.id = record_fund_spend.referral_id and r.team_id = any (public.my_link_worker_teams());
  if v_team is null then
    perform public.referral_fail('SP404', 404, 'referral_id', 'We could not find that referral in your team''s referrals.');
  end if;
  v_amount := public.fund_amount(record_fund_spend.amount_pence);
  v_purpose := public.fund_text(record_fund_spend.purpose, 'purpose', 300, 'what the money was for');
  v_supplier := public.fund_text(record_fund_spend.supplier, 'supplier', 200, 'who was paid');
  v_approved := public.fund_text(record_fund_spend.approved_by, 'approved_by', 100, 'who approved the spend');
  select * into v_referral from public.referrals r where r.id = record_fund_spend.referral_id for update;
  -- The balance row's lock makes a second spend wait until this one has landed, then see its effect.
  insert into public.team_funds (team_id) values (v_team) on conflict (team_id) do nothing;
  select f.balance_pence into v_balance from public.team_funds f where f.team_id = v_team for update;
  if v_balance < v_amount then
    perform public.referral_fail('SP409', 409, 'amount_pence', format(
      'The team fund holds %s, which does not cover %s. Spend no more than %s, or ask your coordinator to top the fund up.',
      public.pounds(v_balance), public.pounds(v_amount), public.pounds(v_balance)));
  end if;
  insert into public.team_fund_entries (team_id, referral_id, kind, amount_pence, purpose, supplier, approved_by, recorded_by)
  values (v_team, v_referral.id, 'spend', v_amount, v_purpose, v_supplier, v_approved, auth.uid())
  returning * into v_row;
  perform public.casework_event(v_referral, 'spend_recorded', false, jsonb_build_object('amount_pence', v_amount, 'team_id', v_team));
  return to_jsonb(v_row) || jsonb_build_object('balance_pence', v_balance - v_amount);
end
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────

-- The referral's own policies decide who may read it (the person, the routed team, coordinators).
create policy "People and staff can read the plans of referrals they may read" on public.referral_plans
  for select to authenticated using (exists (select 1 from public.referrals r where r.id = referral_plans.referral_id));
create policy "People and staff can read the services in plans of referrals they may read" on public.referral_plan_services
  for select to authenticated using (exists (select 1 from public.referrals r where r.id = referral_plan_services.referral_id));

create policy "Staff can read the wellbeing scores of referrals they may read" on public.referral_wellbeing
  for select to authenticated using (exists (
    select 1 from public.referrals r where r.id = referral_wellbeing.referral_id
      and (r.team_id = any ((select public.my_link_worker_teams())::uuid[]) or r.pcn_id = any ((select public.my_coordinated_pcns())::uuid[]))));

create policy "A team's link workers and coordinators can read its fund balance" on public.team_funds
  for select to authenticated using (team_id = (select public.my_fund_team()));
create policy "Admins can read every team's fund balance" on public.team_funds
  for select to authenticated using ((select public.is_admin()));

create policy "A team's link workers and coordinators can read its fund entries" on public.team_fund_entries
  for select to authenticated using (team_id = (select public.my_fund_team()));
create policy "Staff can read what was spent on referrals they may read" on public.team_fund_entries
  for select to authenticated using (referral_id is not null and exists (
    select 1 from public.referrals r where r.id = team_fund_entries.referral_id
      and (r.team_id = any ((select public.my_link_worker_teams())::uuid[]) or r.pcn_id = any ((select public.my_coordinated_pcns())::uuid[]))));
create policy "Admins can read every team's top-ups" on public.team_fund_entries
  for select to authenticated using (kind = 'top_up' and (select public.is_admin()));

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke all on public.referral_plans, public.referral_plan_services, public.referral_wellbeing, public.team_funds,
  public.team_fund_entries from public, anon, authenticated, service_role;
grant select on public.referral_plans, public.referral_plan_services, public.referral_wellbeing, public.team_funds,
  public.team_fund_entries to authenticated, service_role;

revoke execute on function public.team_fund_entries_after_insert(), public.casework_referral(uuid, text),
  public.casework_event(public.referrals, text, boolean, jsonb), public.pounds(bigint),
  public.fund_text(text, text, integer, text), public.fund_amount(integer)
  from public, anon, authenticated;
revoke execute on function public.my_fund_team(), public.may_work_on_referral(uuid) from public, anon;
grant execute on function public.my_fund_team(), public.may_work_on_referral(uuid) to authenticated, service_role;

revoke execute on function public.save_referral_plan(uuid, text, text[]), public.add_plan_service(uuid, text, text, date),
  public.update_plan_service(uuid, text, date),
  public.record_wellbeing(uuid, text, integer, integer, integer, integer),
  public.top_up_team_fund(uuid, integer, text, text), public.record_fund_spend(uuid, integer, text, text, text)
  from public, anon;
grant execute on function public.save_referral_plan(uuid, text, text[]), public.add_plan_service(uuid, text, text, date),
  public.update_plan_service(uuid, text, date),
  public.record_wellbeing(uuid, text, integer, integer, integer, integer),
  public.top_up_team_fund(uuid, integer, text, text), public.record_fund_spend(uuid, integer, text, text, text)
  to authenticated;
