-- Hardening the directory: a venue or organisation is public only while a published service
-- uses it, or when a curator marks it public; some venues (a refuge's address) are never public.
-- Until now both tables were readable by everyone (`using (true)`), so a draft's venue and
-- organisation leaked with their full address.
-- Sections: columns, indexes, policies. Grants are unchanged (20261122000200_directory.sql).

-- ── Columns ─────────────────────────────────────────────────────────────────────────────
-- `when published` (the default): public while at least one published service uses it.
-- `always`: a curator marked it public (an organisation that runs a link-worker team, a venue
--   people should find before its first listing is published).
-- `never`: never public, even when a published service meets there (a refuge's address).
-- Curators and admins see every row through their own policies whatever the value.

alter table public.organizations add column visibility text not null default 'when published'
  check (visibility in ('when published', 'always', 'never'));
alter table public.locations add column visibility text not null default 'when published'
  check (visibility in ('when published', 'always', 'never'));

-- ── Indexes ─────────────────────────────────────────────────────────────────────────────
-- Each policy below answers with an index probe per row: organisations look up published
-- services by organisation (this partial index holds published ones only, so the probe reads
-- the index alone); venues go through service_at_locations_location_id_idx and the services
-- primary key.

create index services_published_organization_id_idx on public.services (organization_id) where published;

-- ── Policies ────────────────────────────────────────────────────────────────────────────
-- Written inline, like the directory's other policies, rather than as a function per row.
-- `s.published` is spelled out rather than left to the services policy, so staff who are not
-- curators see exactly what the public sees. `offset 0` keeps each EXISTS a per-row index
-- probe: without it the planner hashed every published service once per statement for
-- organisations (at 100,000 services: 150 ms for any read, against a few ms for a page).

drop policy "Organisations are viewable by everyone" on public.organizations;
create policy "Organisations of published services are viewable by everyone" on public.organizations
  for select to anon, authenticated using (
    visibility = 'always'
    or (visibility = 'when published'
        and exists (select 1 from public.services s
                    where s.organization_id = organizations.id and s.published offset 0)));

drop policy "Locations are viewable by everyone" on public.locations;
create policy "Venues of published services are viewable by everyone" on public.locations
  for select to anon, authenticated using (
    visibility = 'always'
    or (visibility = 'when published'
        and exists (select 1 from public.service_at_locations sal join public.services s on s.id = sal.service_id
                    where sal.location_id = locations.id and s.published offset 0)));
