-- A guard PostgREST runs before every API request (its `db-pre-request` setting).
-- It refuses `Prefer: count=planned` and `count=estimated` to anon and signed-in callers: those
-- counts come from the planner's statistics over every row of a table, drafts and hidden rows
-- included, so `services?published=is.false` answered `*/7` where an exact count, which row
-- level security filters, answers 0. Exact counts stay available. The service role (scripts)
-- keeps planned counts.
-- Sections: functions, grants, settings.

-- ── Functions ───────────────────────────────────────────────────────────────────────────
-- Security invoker: PostgREST calls it after switching to the request's role, so current_user
-- is anon, authenticated or service_role. The Prefer headers arrive joined with commas.

create or replace function public.api_pre_request() returns void
language plpgsql stable set search_path = ''
as $$
declare
  v_prefer text := coalesce(nullif(current_setting('request.headers', true), '')::json ->> 'prefer', '');
begin
  if current_user in ('anon', 'authenticated') and v_prefer ~* 'count\s*=\s*"?(planned|estimated)' then
    raise sqlstate 'PGRST' using
      message = json_build_object(
        'code', 'SP400',
        'message', 'Planned and estimated counts are not available through the public API',
        'details', 'They are estimates over every row of the table, including rows you may not read.',
        'hint', 'Ask for Prefer: count=exact instead.')::text,
      detail = json_build_object('status', 400, 'headers', json_build_object())::text;
  end if;
end
$$;

-- ── Grants ──────────────────────────────────────────────────────────────────────────────
-- Every API role runs it on every request, so each needs execute; PUBLIC does not.

revoke execute on function public.api_pre_request() from public;
grant execute on function public.api_pre_request() to anon, authenticated, service_role;

-- ── Settings ────────────────────────────────────────────────────────────────────────────
-- PostgREST reads `pgrst.*` settings of the role it connects as; on hosted Supabase this is how
-- a project sets its pre-request function (Supabase's own documentation does the same).

alter role authenticator set pgrst.db_pre_request = 'public.api_pre_request';
notify pgrst, 'reload config';
