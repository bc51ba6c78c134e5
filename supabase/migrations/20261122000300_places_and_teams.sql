-- Places and teams: Primary Care Networks and their practices, the social prescribing teams
-- that serve them, and the staff who work in those teams (whose role decides what they may do).
-- Sections: tables (each followed by enabling RLS), triggers, policies, grants.
-- The role helpers (public.staff_role, is_staff, is_curator, is_admin) live in the directory
-- migration because the directory's policies are created first.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

create table public.pcns (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9]{3,8}$'),
  name text not null,
  icb text not null,
  -- A GeoJSON Polygon or MultiPolygon; simplified, for the map, not for legal boundaries.
  boundary jsonb check (boundary is null or boundary ->> 'type' in ('Polygon', 'MultiPolygon')),
  team_description text,
  contact_email text,
  contact_phone text,
  social_links jsonb not null default '[]' check (jsonb_typeof(social_links) = 'array'),
  self_referral_open boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.pcns enable row level security;

create table public.gp_practices (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z][0-9]{5}$'),
  name text not null,
  pcn_id uuid not null references public.pcns (id) on delete restrict,
  address text,
  postcode text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.gp_practices enable row level security;
create index gp_practices_pcn_id_idx on public.gp_practices (pcn_id);

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('pcn_link_workers', 'vcse_social_prescribing', 'hospital_discharge')),
  name text not null,
  description text,
  organization_id text references public.organizations (id) on delete set null,
  contact_email text,
  contact_phone text,
  -- Some teams (for example an in-hospital discharge team) take referrals only from staff and
  -- do not want a public page.
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.teams enable row level security;

create table public.team_pcns (
  team_id uuid not null references public.teams (id) on delete cascade,
  pcn_id uuid not null references public.pcns (id) on delete cascade,
  primary key (team_id, pcn_id)
);
alter table public.team_pcns enable row level security;
create index team_pcns_pcn_id_idx on public.team_pcns (pcn_id);

create table public.staff_members (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references auth.users (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  role text not null check (role in ('link_worker', 'coordinator', 'curator', 'admin')),
  display_name text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.staff_members enable row level security;
create index staff_members_team_id_idx on public.staff_members (team_id);

-- ── Triggers ────────────────────────────────────────────────────────────────────────────

create trigger pcns_touch_updated_at before update on public.pcns
  for each row execute function public.touch_updated_at();
create trigger gp_practices_touch_updated_at before update on public.gp_practices
  for each row execute function public.touch_updated_at();
create trigger teams_touch_updated_at before update on public.teams
  for each row execute function public.touch_updated_at();
create trigger staff_members_touch_updated_at before update on public.staff_members
  for each row execute function public.touch_updated_at();

-- ── Policies ────────────────────────────────────────────────────────────────────────────

create policy "PCNs are viewable by everyone" on public.pcns
  for select to anon, authenticated using (true);
create policy "Admins can add, change and remove PCNs" on public.pcns
  for all to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));

create policy "GP practices are viewable by everyone" on public.gp_practices
  for select to anon, authenticated using (true);
create policy "Admins can add, change and remove GP practices" on public.gp_practices
  for all to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));

create policy "Public teams are viewable by everyone" on public.teams
  for select to anon, authenticated using (is_public);
create policy "Staff can see every team" on public.teams
  for select to authenticated using ((select public.is_staff()));
create policy "Admins can add, change and remove teams" on public.teams
  for all to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));

create policy "Which PCNs a team serves is viewable by everyone" on public.team_pcns
  for select to anon, authenticated using (true);
create policy "Admins can change which PCNs a team serves" on public.team_pcns
  for all to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));

create policy "Staff can see their colleagues" on public.staff_members
  for select to authenticated using ((select public.is_staff()));
create policy "Admins can add, change and remove staff" on public.staff_members
  for all to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke all on public.pcns, public.gp_practices, public.teams, public.team_pcns, public.staff_members
  from anon, authenticated, service_role;
grant select on public.pcns, public.gp_practices, public.teams, public.team_pcns to anon;
grant select, insert, update, delete on public.pcns, public.gp_practices, public.teams, public.team_pcns,
  public.staff_members to authenticated, service_role;
