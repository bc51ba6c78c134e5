-- Staff powers need two-factor sign-in: a staff member's role counts only in a session that
-- reached Authenticator Assurance Level 2 (a TOTP code after the password or magic link), so a
-- stolen password alone opens nothing. Row level security is the authority, not the screens.
-- Sections: helpers, grants.
--
-- public.is_staff(), is_curator() and is_admin() (20261122000200_directory.sql) all ask
-- staff_role(), so replacing staff_role() alone moves every staff policy, and every policy later
-- migrations write with those helpers, behind aal2.

-- ── Helpers ─────────────────────────────────────────────────────────────────────────────

create or replace function public.staff_role() returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  -- auth.jwt() ->> 'aal' is the session's level as Supabase Auth signed it: 'aal1' after a
  -- password or magic link, 'aal2' once a second factor was verified in that session.
  if auth.uid() is null or coalesce((select auth.jwt()) ->> 'aal', '') <> 'aal2' then
    return null;
  end if;
  return (select sm.role from public.staff_members sm where sm.user_id = auth.uid() and sm.active);
end
$$;

-- The staff sign-in asks this before the second factor, to tell a person who is not staff so
-- plainly instead of asking them to set up an authenticator app. It says only whether the caller
-- themself holds an active staff account: no role, no team, nothing about anyone else.
create or replace function public.has_staff_account() returns boolean
language sql stable security definer set search_path = ''
as $$
  select auth.uid() is not null
     and exists (select 1 from public.staff_members sm where sm.user_id = auth.uid() and sm.active)
$$;

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke execute on function public.staff_role() from public;
grant execute on function public.staff_role() to anon, authenticated, service_role;
revoke execute on function public.has_staff_account() from public, anon;
grant execute on function public.has_staff_account() to authenticated;
