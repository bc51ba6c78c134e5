-- Foundation slice: the smallest table that proves the chain migration → seed → static page →
-- search index → browser search works end to end on the local stack and on hosted Supabase.

-- Tables
create table public.slice_services (
  id text primary key check (id ~ '^[a-z0-9-]+$'),
  name text not null check (length(trim(name)) > 0),
  summary text not null,
  town text not null,
  published boolean not null default false,
  created_at timestamptz not null default now()
);
alter table public.slice_services enable row level security;

-- Policies
create policy "Published slice services are viewable by anyone"
  on public.slice_services for select to anon
  using (published);

create policy "Published slice services are viewable by signed-in people"
  on public.slice_services for select to authenticated
  using (published);

-- Grants: hosted Supabase exposes nothing new without them. Only the service role writes
-- (it bypasses RLS); anon and authenticated get read access that the policies narrow.
grant select on public.slice_services to anon, authenticated;
grant select, insert, update, delete on public.slice_services to service_role;
