-- The staff access log: every time a member of staff opens a person's record, who, which record
-- and when. Referrals are special-category health data; the log lets an admin answer "who has
-- looked at my record?" and spot browsing that has no reason behind it.
-- Sections: tables (each followed by enabling RLS), helpers, policies, grants.
--
-- Nobody writes a row directly: log_staff_access() stamps the caller (auth.uid()) and the time
-- (now()), so an entry cannot be forged for someone else or back-dated. Nobody updates or deletes
-- a row through the API (no grant, the service role included); admins read it.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

create table public.staff_access_log (
  id bigint generated always as identity primary key,
  -- No foreign key: the entry outlives the account (a leaver's reads stay on the record).
  staff_user_id uuid not null,
  -- What was opened: a kind ('referral' for now) and that record's id.
  record_kind text not null check (record_kind ~ '^[a-z][a-z_]{0,39}$'),
  record_id text not null check (length(record_id) between 1 and 100),
  action text not null default 'viewed' check (action in ('viewed', 'printed', 'exported')),
  accessed_at timestamptz not null default now()
);
alter table public.staff_access_log enable row level security;
create index staff_access_log_record_idx on public.staff_access_log (record_kind, record_id, accessed_at desc);
create index staff_access_log_staff_idx on public.staff_access_log (staff_user_id, accessed_at desc);

-- ── Helpers ─────────────────────────────────────────────────────────────────────────────

create or replace function public.log_staff_access(record_kind text, record_id text, action text default 'viewed')
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  entry bigint;
begin
  if auth.uid() is null then
    raise exception 'Sign in to open a record.' using errcode = '42501';
  end if;
  -- Staff powers need aal2 (20261203001000_staff_two_factor.sql); anyone else has no record to open.
  if not public.is_staff() then
    raise exception 'Only staff signed in with two-factor authentication can open records.' using errcode = '42501';
  end if;
  insert into public.staff_access_log (staff_user_id, record_kind, record_id, action)
  values (auth.uid(), log_staff_access.record_kind, log_staff_access.record_id, coalesce(log_staff_access.action, 'viewed'))
  returning id into entry;
  return entry;
end
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────

create policy "Admins can read the staff access log" on public.staff_access_log
  for select to authenticated using ((select public.is_admin()));

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke all on public.staff_access_log from anon, authenticated, service_role;
grant select on public.staff_access_log to authenticated, service_role;
revoke execute on function public.log_staff_access(text, text, text) from public, anon;
grant execute on function public.log_staff_access(text, text, text) to authenticated;
