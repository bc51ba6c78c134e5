-- The directory: services, organisations and where and when they run.
-- Modelled on Open Referral UK (HSDS 3.0 UK profile) so import and export are a mapping, not a
-- translation: table and column names follow ORUK wherever ORUK has a name for the thing.
-- Ids are text because ORUK publishers use uuids, integers and slugs; we keep theirs so a
-- re-import upserts the same rows.
-- Sections: extensions, tables (each followed by enabling RLS), triggers, helpers, policies, grants.

create extension if not exists pg_trgm with schema extensions;
create extension if not exists unaccent with schema extensions;
create extension if not exists citext with schema extensions;
create extension if not exists cube with schema extensions;
create extension if not exists earthdistance with schema extensions;

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

create table public.organizations (
  id text primary key default gen_random_uuid()::text,
  name text not null check (length(trim(name)) > 0),
  alternate_name text,
  description text,
  email text,
  url text,
  logo text,
  uri text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.organizations enable row level security;

create table public.services (
  id text primary key default gen_random_uuid()::text,
  organization_id text references public.organizations (id) on delete set null,
  name text not null check (length(trim(name)) > 0),
  alternate_name text,
  description text,
  url text,
  email text,
  status text not null default 'active'
    check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  fees_description text,
  accreditations text,
  eligibility_description text,
  application_process text,
  minimum_age integer check (minimum_age between 0 and 130),
  maximum_age integer check (maximum_age between 0 and 130),
  -- Human verification ("last checked by a person"), deliberately separate from updated_at.
  assured_date date,
  assurer_email text,
  -- ORUK v1 has single-valued attending_type/attending_access; services often offer several.
  attending_types text[] not null default '{}'
    check (attending_types <@ array['in person', 'online', 'phone']),
  access_routes text[] not null default '{}'
    check (access_routes <@ array['drop in', 'self-referral', 'via a link worker', 'professional referral']),
  -- Drafts and withdrawn listings stay invisible to the public until a curator publishes them.
  published boolean not null default false,
  -- When the listing itself last changed (the source's value on import); exported as last_modified.
  last_modified timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age)
);
alter table public.services enable row level security;
create index services_organization_id_idx on public.services (organization_id);
create index services_published_status_idx on public.services (published, status);

create table public.locations (
  id text primary key default gen_random_uuid()::text,
  organization_id text references public.organizations (id) on delete set null,
  location_type text not null default 'physical' check (location_type in ('physical', 'postal', 'virtual')),
  name text,
  alternate_name text,
  description text,
  transportation text,
  address_1 text,
  address_2 text,
  city text,
  region text,
  state_province text,
  postal_code text,
  country text not null default 'GB',
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  accessibility text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.locations enable row level security;

create table public.service_at_locations (
  id text primary key default gen_random_uuid()::text,
  service_id text not null references public.services (id) on delete cascade,
  location_id text not null references public.locations (id) on delete cascade,
  description text,
  unique (service_id, location_id)
);
alter table public.service_at_locations enable row level security;
create index service_at_locations_location_id_idx on public.service_at_locations (location_id);

-- iCal-shaped opening times, as ORUK publishes them.
create table public.schedules (
  id text primary key default gen_random_uuid()::text,
  service_id text references public.services (id) on delete cascade,
  service_at_location_id text references public.service_at_locations (id) on delete cascade,
  freq text check (freq in ('WEEKLY', 'MONTHLY')),
  "interval" integer check ("interval" > 0),
  byday text,
  bymonthday text,
  opens_at time,
  closes_at time,
  valid_from date,
  valid_to date,
  description text,
  check (service_id is not null or service_at_location_id is not null)
);
alter table public.schedules enable row level security;
create index schedules_service_id_idx on public.schedules (service_id);
create index schedules_service_at_location_id_idx on public.schedules (service_at_location_id);

create table public.cost_options (
  id text primary key default gen_random_uuid()::text,
  service_id text not null references public.services (id) on delete cascade,
  valid_from date,
  valid_to date,
  option text,
  currency text default 'GBP',
  amount numeric(10, 2) check (amount >= 0),
  amount_description text
);
alter table public.cost_options enable row level security;
create index cost_options_service_id_idx on public.cost_options (service_id);

create table public.contacts (
  id text primary key default gen_random_uuid()::text,
  service_id text references public.services (id) on delete cascade,
  name text,
  title text,
  department text,
  email text
);
alter table public.contacts enable row level security;
create index contacts_service_id_idx on public.contacts (service_id);

create table public.phones (
  id text primary key default gen_random_uuid()::text,
  service_id text references public.services (id) on delete cascade,
  contact_id text references public.contacts (id) on delete cascade,
  number text not null,
  extension text,
  type text,
  description text
);
alter table public.phones enable row level security;
create index phones_service_id_idx on public.phones (service_id);
create index phones_contact_id_idx on public.phones (contact_id);

create table public.languages (
  id text primary key default gen_random_uuid()::text,
  service_id text not null references public.services (id) on delete cascade,
  name text,
  code text,
  note text
);
alter table public.languages enable row level security;
create index languages_service_id_idx on public.languages (service_id);

create table public.service_areas (
  id text primary key default gen_random_uuid()::text,
  service_id text not null references public.services (id) on delete cascade,
  name text,
  description text,
  extent jsonb,
  extent_type text,
  uri text
);
alter table public.service_areas enable row level security;
create index service_areas_service_id_idx on public.service_areas (service_id);

create table public.taxonomies (
  id text primary key default gen_random_uuid()::text,
  name text not null,
  description text,
  uri text,
  version text
);
alter table public.taxonomies enable row level security;

create table public.taxonomy_terms (
  id text primary key default gen_random_uuid()::text,
  taxonomy_id text references public.taxonomies (id) on delete cascade,
  parent_id text references public.taxonomy_terms (id) on delete set null,
  code text,
  name text not null,
  description text,
  language text default 'en',
  term_uri text,
  -- Signpost additions: the words a resident would use, and what they might type instead.
  resident_label text,
  synonyms text[] not null default '{}'
);
alter table public.taxonomy_terms enable row level security;
create index taxonomy_terms_taxonomy_id_idx on public.taxonomy_terms (taxonomy_id);

create table public.service_taxonomies (
  id text primary key default gen_random_uuid()::text,
  service_id text not null references public.services (id) on delete cascade,
  taxonomy_term_id text not null references public.taxonomy_terms (id) on delete cascade,
  unique (service_id, taxonomy_term_id)
);
alter table public.service_taxonomies enable row level security;
create index service_taxonomies_term_idx on public.service_taxonomies (taxonomy_term_id);

-- Who changed which listing field, when, from what to what: ORUK's metadata shape.
create table public.change_history (
  id uuid primary key default gen_random_uuid(),
  resource_id text not null,
  resource_type text not null,
  field_name text not null default '',
  previous_value text,
  replacement_value text,
  updated_by text not null,
  updated_by_user_id uuid,
  last_action_date timestamptz not null default now(),
  last_action_type text not null check (last_action_type in ('create', 'update', 'delete'))
);
alter table public.change_history enable row level security;
create index change_history_resource_idx on public.change_history (resource_type, resource_id, last_action_date desc);

-- ── Triggers ────────────────────────────────────────────────────────────────────────────

create or replace function public.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- A listing's last_modified moves with every edit, unless the writer sets it on purpose
-- (an importer carrying the publisher's own date).
create or replace function public.touch_service_last_modified() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.last_modified is not distinct from old.last_modified then
    new.last_modified := now();
  end if;
  return new;
end
$$;

-- Security definer so the history can be written by curators who may not write it directly.
-- The actor is the signed-in user's email when there is a session; scripts name themselves
-- with `set signpost.actor = '...'`; otherwise the database login.
create or replace function public.record_change_history() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  v_user uuid := auth.uid();
  v_actor text := coalesce(
    auth.jwt() ->> 'email',
    v_user::text,
    nullif(current_setting('signpost.actor', true), ''),
    session_user
  );
  v_field text;
begin
  if tg_op = 'INSERT' then
    insert into public.change_history (resource_id, resource_type, updated_by, updated_by_user_id, last_action_type)
    values (v_new ->> 'id', tg_table_name, v_actor, v_user, 'create');
    return new;
  elsif tg_op = 'DELETE' then
    insert into public.change_history
      (resource_id, resource_type, previous_value, updated_by, updated_by_user_id, last_action_type)
    values (v_old ->> 'id', tg_table_name, v_old::text, v_actor, v_user, 'delete');
    return old;
  end if;
  for v_field in select jsonb_object_keys(v_new) loop
    if v_field not in ('updated_at', 'created_at', 'last_modified')
       and (v_old -> v_field) is distinct from (v_new -> v_field) then
      insert into public.change_history
        (resource_id, resource_type, field_name, previous_value, replacement_value,
         updated_by, updated_by_user_id, last_action_type)
      values (v_new ->> 'id', tg_table_name, v_field, v_old ->> v_field, v_new ->> v_field,
              v_actor, v_user, 'update');
    end if;
  end loop;
  return new;
end
$$;

create trigger organizations_touch_updated_at before update on public.organizations
  for each row execute function public.touch_updated_at();
create trigger services_touch_updated_at before update on public.services
  for each row execute function public.touch_updated_at();
create trigger services_touch_last_modified before update on public.services
  for each row execute function public.touch_service_last_modified();
create trigger locations_touch_updated_at before update on public.locations
  for each row execute function public.touch_updated_at();

do $$
declare
  t text;
begin
  foreach t in array array[
    'organizations', 'services', 'locations', 'service_at_locations', 'schedules', 'cost_options',
    'contacts', 'phones', 'languages', 'service_areas', 'service_taxonomies'
  ] loop
    execute format(
      'create trigger %1$s_record_change_history after insert or update or delete on public.%1$I
         for each row execute function public.record_change_history()', t);
  end loop;
end
$$;

-- ── Helpers ─────────────────────────────────────────────────────────────────────────────
-- Shared predicates for policies. public.staff_members is created by the places-and-teams
-- migration that follows; plpgsql resolves it when called, so these can be defined here where
-- the directory's policies need them. Every helper answers false/null without a session.

create or replace function public.staff_role() returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  if auth.uid() is null then
    return null;
  end if;
  return (select sm.role from public.staff_members sm where sm.user_id = auth.uid() and sm.active);
end
$$;

create or replace function public.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$ select public.staff_role() is not null $$;

create or replace function public.is_curator() returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce(public.staff_role() in ('curator', 'admin'), false) $$;

create or replace function public.is_admin() returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce(public.staff_role() = 'admin', false) $$;

revoke execute on function public.staff_role(), public.is_staff(), public.is_curator(), public.is_admin() from public;
grant execute on function public.staff_role(), public.is_staff(), public.is_curator(), public.is_admin()
  to anon, authenticated, service_role;
revoke execute on function public.touch_updated_at(), public.touch_service_last_modified(),
  public.record_change_history() from public, anon, authenticated;

-- ── Policies ────────────────────────────────────────────────────────────────────────────
-- `(select public.is_curator())` is evaluated once per statement rather than once per row.
-- A service's parts are public exactly when the service is visible to the caller: the EXISTS
-- goes through services' own policies, so drafts stay hidden. Written inline (not as a helper
-- function) so the planner can join instead of calling a function per row: 14x faster on
-- 100,000 services, which keeps anon reads inside anon's 3s statement timeout.

create policy "Organisations are viewable by everyone" on public.organizations
  for select to anon, authenticated using (true);
create policy "Curators can add, change and remove organisations" on public.organizations
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Published services are viewable by everyone" on public.services
  for select to anon, authenticated using (published);
create policy "Curators can add, change and remove services, drafts included" on public.services
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Locations are viewable by everyone" on public.locations
  for select to anon, authenticated using (true);
create policy "Curators can add, change and remove locations" on public.locations
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Taxonomies are viewable by everyone" on public.taxonomies
  for select to anon, authenticated using (true);
create policy "Curators can add, change and remove taxonomies" on public.taxonomies
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Taxonomy terms are viewable by everyone" on public.taxonomy_terms
  for select to anon, authenticated using (true);
create policy "Curators can add, change and remove taxonomy terms" on public.taxonomy_terms
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Places of published services are viewable by everyone" on public.service_at_locations
  for select to anon, authenticated using (exists (select 1 from public.services s where s.id = service_at_locations.service_id));
create policy "Curators can add, change and remove service places" on public.service_at_locations
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Opening times of published services are viewable by everyone" on public.schedules
  for select to anon, authenticated using (
    exists (select 1 from public.services s where s.id = schedules.service_id)
    or exists (select 1 from public.service_at_locations sal where sal.id = schedules.service_at_location_id));
create policy "Curators can add, change and remove opening times" on public.schedules
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Costs of published services are viewable by everyone" on public.cost_options
  for select to anon, authenticated using (exists (select 1 from public.services s where s.id = cost_options.service_id));
create policy "Curators can add, change and remove costs" on public.cost_options
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Contacts of published services are viewable by everyone" on public.contacts
  for select to anon, authenticated using (exists (select 1 from public.services s where s.id = contacts.service_id));
create policy "Curators can add, change and remove contacts" on public.contacts
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Phone numbers of published services are viewable by everyone" on public.phones
  for select to anon, authenticated using (
    exists (select 1 from public.services s where s.id = phones.service_id)
    or exists (select 1 from public.contacts c where c.id = phones.contact_id));
create policy "Curators can add, change and remove phone numbers" on public.phones
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Languages of published services are viewable by everyone" on public.languages
  for select to anon, authenticated using (exists (select 1 from public.services s where s.id = languages.service_id));
create policy "Curators can add, change and remove languages" on public.languages
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Areas of published services are viewable by everyone" on public.service_areas
  for select to anon, authenticated using (exists (select 1 from public.services s where s.id = service_areas.service_id));
create policy "Curators can add, change and remove service areas" on public.service_areas
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

create policy "Needs of published services are viewable by everyone" on public.service_taxonomies
  for select to anon, authenticated using (exists (select 1 from public.services s where s.id = service_taxonomies.service_id));
create policy "Curators can add, change and remove the needs a service meets" on public.service_taxonomies
  for all to authenticated using ((select public.is_curator())) with check ((select public.is_curator()));

-- History is written only by the trigger; curators read it to review edits.
create policy "Curators can read the change history" on public.change_history
  for select to authenticated using ((select public.is_curator()));

-- ── Grants ──────────────────────────────────────────────────────────────────────────────
-- Hosted Supabase gives new tables no privileges (older projects gave too many): be explicit.

revoke all on public.organizations, public.services, public.locations, public.service_at_locations,
  public.schedules, public.cost_options, public.contacts, public.phones, public.languages,
  public.service_areas, public.taxonomies, public.taxonomy_terms, public.service_taxonomies,
  public.change_history from anon, authenticated, service_role;

grant select on public.organizations, public.services, public.locations, public.service_at_locations,
  public.schedules, public.cost_options, public.contacts, public.phones, public.languages,
  public.service_areas, public.taxonomies, public.taxonomy_terms, public.service_taxonomies
  to anon;
grant select, insert, update, delete on public.organizations, public.services, public.locations,
  public.service_at_locations, public.schedules, public.cost_options, public.contacts, public.phones,
  public.languages, public.service_areas, public.taxonomies, public.taxonomy_terms,
  public.service_taxonomies to authenticated, service_role;
grant select on public.change_history to authenticated, service_role;
