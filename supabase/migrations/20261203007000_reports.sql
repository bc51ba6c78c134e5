-- Reports for coordinators and commissioners, and each area's public responsiveness: aggregates
-- computed in the database, never a person. No tables or views: security definer functions that
-- apply the role rules themselves (referrals' row level security would show an admin nothing,
-- and a report must count what the caller may not read row by row). See docs/reports.md.
-- Sections: helpers, functions, grants.
--
-- Who sees what (public.staff_role() counts a role only in an aal2 session):
--   admin        every referral, any PCN or team
--   coordinator  referrals of the PCNs their team serves (public.my_coordinated_pcns())
--   link worker  their own team's referrals only
--   curator, residents, staff without aal2: an error (SP403); anon: no execute (401)
-- Small numbers: outside the team (every report except one limited to the caller's own team), a
-- count of 1 to 4 reads "fewer than 5" and every share, mean or percentile drawn from a group
-- of fewer than 5 (or from a part of 1 to 4) is null. Zero is shown: it discloses nobody. Where
-- one hidden count in a breakdown could be worked out from the total, the next smallest reads
-- "not shown" too (public.report_protect).

-- ── Helpers ─────────────────────────────────────────────────────────────────────────────

-- Bank holidays in England and Wales, the same dates as src/lib/working-days/
-- bank-holidays-england-and-wales.json (a test compares them). Outside 2025–2028 only weekends
-- count as non-working days; the JSON's SOURCE.md says when to add a year (add it here too).
create or replace function public.bank_holidays_england_and_wales() returns date[]
language sql immutable set search_path = ''
as $$
  select array[
    '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
    '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'
  ]::date[]
$$;

-- Working days after p_from up to and including p_to, as addWorkingDays counts them
-- (src/lib/working-days/working-days.ts): contact on the day of the referral is 0, on the next
-- working day 1. Dates are London dates.
create or replace function public.working_days_between(p_from date, p_to date) returns integer
language sql immutable set search_path = ''
as $$
  select count(*)::integer
  from generate_series(p_from + 1, p_to, interval '1 day') d
  where extract(isodow from d) < 6 and d::date <> all (public.bank_holidays_england_and_wales())
$$;

-- A count as a report shows it: the number, or "fewer than 5" for 1 to 4 when suppressing.
create or replace function public.report_count(p_n bigint, p_suppress boolean) returns jsonb
language sql immutable set search_path = ''
as $$
  select case when p_suppress and p_n between 1 and 4 then to_jsonb('fewer than 5'::text) else to_jsonb(p_n) end
$$;

-- A share (0 to 1, four places): null without a whole, and when suppressing, null when the
-- whole is under 5 or the part is 1 to 4 (a share of a small part gives the part away).
create or replace function public.report_share(p_part bigint, p_whole bigint, p_suppress boolean) returns numeric
language sql immutable set search_path = ''
as $$
  select case
    when coalesce(p_whole, 0) = 0 then null
    when p_suppress and (p_whole < 5 or p_part between 1 and 4) then null
    else round(p_part::numeric / p_whole, 4)
  end
$$;

-- A figure drawn from a group of p_n (a mean, a median): null when suppressing a group under 5.
create or replace function public.report_figure(p_value numeric, p_n bigint, p_suppress boolean) returns numeric
language sql immutable set search_path = ''
as $$
  select case when coalesce(p_n, 0) = 0 or (p_suppress and p_n < 5) then null else p_value end
$$;

-- Secondary suppression in a breakdown whose total is shown: when exactly one count reads
-- "fewer than 5", subtracting the others from the total would give it away, so the smallest
-- other non-zero count (the first of equals) reads "not shown", with any share or rate drawn from it.
create or replace function public.report_protect(p_rows jsonb, p_key text) returns jsonb
language sql immutable set search_path = ''
as $$
  with rows as (
    select r.value as row, r.ordinality as ord from jsonb_array_elements(coalesce(p_rows, '[]'::jsonb)) with ordinality r
  ),
  hide as (
    select ord from rows
    where (select count(*) from rows where row -> p_key = to_jsonb('fewer than 5'::text)) = 1
      and jsonb_typeof(row -> p_key) = 'number' and (row ->> p_key)::numeric > 0
    order by (row ->> p_key)::numeric, ord
    limit 1
  )
  select coalesce(jsonb_agg(
           case when rows.ord in (select ord from hide)
             then rows.row || jsonb_build_object(p_key, 'not shown')
                  || case when rows.row ? 'share' then jsonb_build_object('share', null) else '{}'::jsonb end
                  || case when rows.row ? 'per_year' then jsonb_build_object('per_year', null) else '{}'::jsonb end
             else rows.row end
           order by rows.ord), '[]'::jsonb)
  from rows
$$;

-- Directory freshness on a day: published services, and how many a person checked (assured_date)
-- in the 90 days and the 12 months up to it (a check exactly 90 days or 12 months before still counts). Services are not people: nothing is suppressed.
create or replace function public.directory_freshness(p_as_of date) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'as_of', p_as_of,
    'published', count(*),
    'checked_90_days', count(*) filter (where s.assured_date >= p_as_of - 90),
    'checked_12_months', count(*) filter (where s.assured_date >= (p_as_of - interval '12 months')::date),
    'share_90_days', round((count(*) filter (where s.assured_date >= p_as_of - 90))::numeric / nullif(count(*), 0), 4),
    'share_12_months', round((count(*) filter (where s.assured_date >= (p_as_of - interval '12 months')::date))::numeric
                             / nullif(count(*), 0), 4))
  from public.services s where s.published
$$;

-- The caller's report powers: role, team, and the PCNs they may report on (null: every PCN).
-- Raises SP401 without a session and SP403 for anyone who may not see reports.
create or replace function public.report_caller(out role text, out team_id uuid, out pcns uuid[])
language plpgsql stable security definer set search_path = ''
as $$
begin
  if auth.uid() is null then
    perform public.referral_fail('SP401', 401, null, 'Sign in to see reports.');
  end if;
  role := public.staff_role();
  if role is null or role not in ('admin', 'coordinator', 'link_worker') then
    perform public.referral_fail('SP403', 403, null,
      'Reports are for link workers, coordinators and administrators signed in with their authenticator app.');
  end if;
  select sm.team_id into team_id from public.staff_members sm where sm.user_id = auth.uid() and sm.active;
  if role = 'admin' then
    pcns := null;
  elsif role = 'coordinator' then
    pcns := public.my_coordinated_pcns();
  else
    if team_id is null then
      perform public.referral_fail('SP403', 403, null, 'You are not in a team, so there is no team report to show. Ask an administrator.');
    end if;
    pcns := array(select tp.pcn_id from public.team_pcns tp where tp.team_id = report_caller.team_id);
  end if;
end
$$;

-- ── Functions ───────────────────────────────────────────────────────────────────────────

-- The PCNs and teams the caller may choose in the report's pickers, with their role and team.
create or replace function public.report_scopes() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c record;
begin
  select * into c from public.report_caller();
  return jsonb_build_object(
    'role', c.role,
    'team_id', c.team_id,
    'pcns', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'code', p.code, 'name', p.name) order by p.name)
      from public.pcns p where c.pcns is null or p.id = any (c.pcns)), '[]'::jsonb),
    'teams', coalesce((
      select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name,
               'pcn_ids', coalesce((select jsonb_agg(tp.pcn_id) from public.team_pcns tp where tp.team_id = t.id), '[]'::jsonb))
             order by t.name)
      from public.teams t
      where case c.role
        when 'admin' then true
        when 'link_worker' then t.id = c.team_id
        else exists (select 1 from public.team_pcns tp where tp.team_id = t.id and tp.pcn_id = any (c.pcns))
      end), '[]'::jsonb));
end
$$;

-- The report for referrals that arrived from p_from to p_to (London dates, both included),
-- optionally in one PCN and/or one team. One JSON document; docs/reports.md describes it.
create or replace function public.report_referrals(p_from date, p_to date, p_pcn uuid default null, p_team uuid default null)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c record;
  v_team uuid := p_team;
  v_suppress boolean;
  v_ids uuid[];
  v_pcns uuid[];
  v_total bigint;
  v_days integer;
  v_pair jsonb;
  result jsonb;
begin
  select * into c from public.report_caller();
  if p_from is null then
    perform public.referral_fail('SP422', 422, 'from', 'Enter the first day of the period.');
  end if;
  if p_to is null then
    perform public.referral_fail('SP422', 422, 'to', 'Enter the last day of the period.');
  end if;
  if p_from > p_to then
    perform public.referral_fail('SP422', 422, 'to', 'The last day of the period must be the same as or after the first day.');
  end if;
  if p_to - p_from > 3660 then
    perform public.referral_fail('SP422', 422, 'from', 'Choose a period of 10 years or less.');
  end if;
  if c.role = 'link_worker' then
    if v_team is not null and v_team <> c.team_id then
      perform public.referral_fail('SP403', 403, 'team', 'You can see reports for your own team only.');
    end if;
    v_team := c.team_id;
  end if;
  if c.pcns is not null and p_pcn is not null and not p_pcn = any (c.pcns) then
    perform public.referral_fail('SP403', 403, 'pcn', 'You can see reports only for the areas your team serves.');
  end if;
  if c.role = 'coordinator' and v_team is not null
     and not exists (select 1 from public.team_pcns tp where tp.team_id = v_team and tp.pcn_id = any (c.pcns)) then
    perform public.referral_fail('SP403', 403, 'team', 'You can see reports only for teams serving your areas.');
  end if;
  -- Exact figures only for a report of the caller's own team; everything else is shown outside it.
  v_suppress := not (v_team is not null and v_team is not distinct from c.team_id);
  v_days := p_to - p_from + 1;

  -- The PCNs the report covers (for practices with no referrals and for teams).
  v_pcns := array(
    select p.id from public.pcns p
    where (c.pcns is null or p.id = any (c.pcns))
      and (p_pcn is null or p.id = p_pcn)
      and (v_team is null or exists (select 1 from public.team_pcns tp where tp.team_id = v_team and tp.pcn_id = p.id)));

  -- A link worker's scope is their team's referrals wherever they live; a coordinator's, the
  -- referrals of their PCNs whichever team holds them (as the referrals' select policies say).
  v_ids := array(
    select r.id from public.referrals r
    where (r.created_at at time zone 'Europe/London')::date between p_from and p_to
      and case c.role
        when 'admin' then true
        when 'coordinator' then r.pcn_id = any (c.pcns)
        else r.team_id = c.team_id
      end
      and (p_pcn is null or r.pcn_id = p_pcn)
      and (v_team is null or r.team_id = v_team));
  v_total := cardinality(v_ids);

  with cohort as (
    select r.* from public.referrals r where r.id = any (v_ids)
  ),
  first_contact as (
    select r.id, public.working_days_between((r.created_at at time zone 'Europe/London')::date,
             (min(e.at) at time zone 'Europe/London')::date) as days
    from cohort r join public.referral_events e on e.referral_id = r.id and e.to_status = 'contacted'
    group by r.id, r.created_at
  ),
  wellbeing as (
    select s.referral_id,
           rv.life_satisfaction - s.life_satisfaction as life_satisfaction,
           rv.worthwhile - s.worthwhile as worthwhile,
           rv.happiness - s.happiness as happiness,
           rv.anxiety - s.anxiety as anxiety
    from (select distinct on (w.referral_id) w.* from public.referral_wellbeing w
          where w.referral_id = any (v_ids) and w.stage = 'start' order by w.referral_id, w.recorded_at, w.id) s
    join lateral (select w.* from public.referral_wellbeing w
                  where w.referral_id = s.referral_id and w.stage = 'review' and w.recorded_at >= s.recorded_at
                  order by w.recorded_at desc, w.id desc limit 1) rv on true
  ),
  spend as (
    select f.referral_id, sum(f.amount_pence)::bigint as pence
    from public.team_fund_entries f where f.kind = 'spend' and f.referral_id = any (v_ids) group by f.referral_id
  ),
  plans as (
    select ps.referral_id, bool_or(ps.status = 'attending') as attending
    from public.referral_plan_services ps where ps.referral_id = any (v_ids) group by ps.referral_id
  )
  select jsonb_build_object(
    'period', jsonb_build_object('from', p_from, 'to', p_to, 'days', v_days),
    'pcn_id', p_pcn,
    'team_id', v_team,
    'suppressed', v_suppress,
    'referrals', public.report_count(v_total, v_suppress),
    'by_source', (
      select jsonb_agg(jsonb_build_object('source', s.source,
               'referrals', public.report_count((select count(*) from cohort r where r.source = s.source), v_suppress))
             order by s.ord)
      from unnest(array['self', 'gp_practice', 'hospital_ward', 'emergency_department', 'paramedic', 'social_worker', 'other'])
           with ordinality s(source, ord)),
    'by_practice', coalesce((
      select jsonb_agg(jsonb_build_object('code', g.code, 'name', g.name, 'pcn', p.name,
               'referrals', public.report_count(g.n, v_suppress))
             order by g.n, g.name)
      from (select gp.code, gp.name, gp.pcn_id, (select count(*) from cohort r where r.gp_practice_id = gp.id) as n
            from public.gp_practices gp
            where gp.pcn_id = any (v_pcns) or exists (select 1 from cohort r where r.gp_practice_id = gp.id)) g
      join public.pcns p on p.id = g.pcn_id), '[]'::jsonb),
    'by_need', coalesce((
      select jsonb_agg(jsonb_build_object('need', t.code, 'label', t.name,
               'referrals', public.report_count((select count(*) from cohort r where t.code = any (r.needs)), v_suppress))
             order by t.name)
      from public.taxonomy_terms t where t.taxonomy_id = 'signpost-needs'), '[]'::jsonb),
    'first_contact', (
      select jsonb_build_object(
        'contacted', public.report_count(count(*), v_suppress),
        'not_contacted', public.report_count(v_total - count(*), v_suppress),
        'median_working_days', public.report_figure(round((percentile_cont(0.5) within group (order by fc.days))::numeric, 1), count(*), v_suppress),
        'p90_working_days', public.report_figure(round((percentile_cont(0.9) within group (order by fc.days))::numeric, 1), count(*), v_suppress))
      from first_contact fc),
    'outcomes', (
      select jsonb_build_object(
        'closed', public.report_count(count(*) filter (where r.status = 'closed'), v_suppress),
        'closed_share', public.report_share(count(*) filter (where r.status = 'closed'), v_total, v_suppress),
        'by_outcome', (
          select jsonb_agg(jsonb_build_object('outcome', o.outcome,
                   'referrals', public.report_count(o.n, v_suppress),
                   'share', public.report_share(o.n, o.closed, v_suppress)) order by o.ord)
          from (select x.outcome, x.ord,
                       (select count(*) from cohort r2 where r2.status = 'closed' and r2.outcome = x.outcome) as n,
                       (select count(*) from cohort r2 where r2.status = 'closed') as closed
                from unnest(array['connected_to_services', 'needs_met', 'person_chose_to_stop', 'could_not_contact',
                                  'moved_away_or_not_eligible', 'other']) with ordinality x(outcome, ord)) o))
      from cohort r),
    'attending', (
      select jsonb_build_object(
        'with_plan', public.report_count(count(*), v_suppress),
        'attending', public.report_count(count(*) filter (where pl.attending), v_suppress),
        'share', public.report_share(count(*) filter (where pl.attending), count(*), v_suppress))
      from plans pl),
    'wellbeing', (
      select jsonb_agg(jsonb_build_object('question', q.question,
               'people', public.report_count(q.n, v_suppress),
               'mean_change', public.report_figure(q.mean, q.n, v_suppress)) order by q.ord)
      from (select 'life_satisfaction' as question, 1 as ord, count(*) as n, round(avg(w.life_satisfaction), 2) as mean from wellbeing w
            union all select 'worthwhile', 2, count(*), round(avg(w.worthwhile), 2) from wellbeing w
            union all select 'happiness', 3, count(*), round(avg(w.happiness), 2) from wellbeing w
            union all select 'anxiety', 4, count(*), round(avg(w.anxiety), 2) from wellbeing w) q),
    'by_team', coalesce((
      select jsonb_agg(jsonb_build_object('team', t.name,
               'referrals', public.report_count(t.n, v_suppress),
               'per_year', case when t.n = 0 then 0 else public.report_figure(round(t.n * 365.0 / v_days), t.n, v_suppress) end) order by t.name)
      from (select tm.name, (select count(*) from cohort r where r.team_id = tm.id) as n
            from public.teams tm
            where (v_team is null or tm.id = v_team)
              and (exists (select 1 from public.team_pcns tp where tp.team_id = tm.id and tp.pcn_id = any (v_pcns))
                   or exists (select 1 from cohort r where r.team_id = tm.id))) t), '[]'::jsonb),
    'spend', (
      select jsonb_build_object(
        'cases', public.report_count(v_total, v_suppress),
        'cases_with_spend', public.report_count(count(*), v_suppress),
        'share_with_spend', public.report_share(count(*), v_total, v_suppress),
        'total_pence', case when count(*) = 0 then 0 else public.report_figure(sum(sp.pence), count(*), v_suppress) end,
        'mean_pence_per_case_with_spend', public.report_figure(round(avg(sp.pence)), count(*), v_suppress),
        -- Over every case: suppressed with the total it is drawn from.
        'mean_pence_per_case', case when v_suppress and count(*) between 1 and 4 then null
                                    else public.report_figure(round(coalesce(sum(sp.pence), 0)::numeric / nullif(v_total, 0)), v_total, v_suppress) end)
      from spend sp),
    'freshness', public.directory_freshness((now() at time zone 'Europe/London')::date)
  ) into result;

  -- Counts that add up to a shown total: protect a lone small count from subtraction.
  if v_suppress then
    result := jsonb_set(result, '{by_source}', public.report_protect(result -> 'by_source', 'referrals'));
    result := jsonb_set(result, '{by_practice}', public.report_protect(result -> 'by_practice', 'referrals'));
    result := jsonb_set(result, '{by_team}', public.report_protect(result -> 'by_team', 'referrals'));
    result := jsonb_set(result, '{outcomes,by_outcome}', public.report_protect(result #> '{outcomes,by_outcome}', 'referrals'));
    v_pair := public.report_protect(jsonb_build_array(
      jsonb_build_object('referrals', result #> '{first_contact,contacted}'),
      jsonb_build_object('referrals', result #> '{first_contact,not_contacted}')), 'referrals');
    result := jsonb_set(result, '{first_contact,contacted}', v_pair #> '{0,referrals}');
    result := jsonb_set(result, '{first_contact,not_contacted}', v_pair #> '{1,referrals}');
  end if;
  return result;
end
$$;

-- Each area's usual time to first contact, for its public page (built with the publishable
-- key): the median working days from referral to first contact over first contacts made in the
-- last 90 days, per PCN, only where there were 5 or more. Nothing else leaves the database.
create or replace function public.area_first_contact_times()
returns table (pcn_code text, median_working_days numeric, contacted integer)
language sql stable security definer set search_path = ''
as $$
  select p.code,
         (percentile_cont(0.5) within group (order by f.days))::numeric,
         count(*)::integer
  from (
    select r.pcn_id,
           public.working_days_between((r.created_at at time zone 'Europe/London')::date,
             (min(e.at) at time zone 'Europe/London')::date) as days,
           min(e.at) as contacted_at
    from public.referrals r join public.referral_events e on e.referral_id = r.id and e.to_status = 'contacted'
    group by r.id, r.pcn_id, r.created_at
  ) f
  join public.pcns p on p.id = f.pcn_id
  where f.contacted_at >= now() - interval '90 days'
  group by p.code
  having count(*) >= 5
$$;

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke execute on function public.bank_holidays_england_and_wales(), public.working_days_between(date, date),
  public.report_count(bigint, boolean), public.report_share(bigint, bigint, boolean),
  public.report_figure(numeric, bigint, boolean), public.report_caller(), public.directory_freshness(date),
  public.report_protect(jsonb, text)
  from public, anon, authenticated;
revoke execute on function public.report_scopes(), public.report_referrals(date, date, uuid, uuid) from public, anon;
grant execute on function public.report_scopes(), public.report_referrals(date, date, uuid, uuid) to authenticated;
revoke execute on function public.area_first_contact_times() from public;
grant execute on function public.area_first_contact_times() to anon, authenticated, service_role;
