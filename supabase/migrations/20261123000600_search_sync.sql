-- Search index sync. Every change that can alter what the public sees of a service is written, in
-- the same transaction, to public.search_outbox as the id of the service it touches; the indexer
-- (npm run indexer) applies the outbox to Meilisearch in order and deletes rows only once
-- Meilisearch has them, so an edit made while Meilisearch is down is applied when it returns.
-- public.search_documents reads services with all their parts, one row per service, so a full
-- rebuild and the indexer read a page of services in one query.

create table public.search_outbox (
  id bigint generated always as identity primary key,
  service_id text not null,
  queued_at timestamptz not null default now()
);
alter table public.search_outbox enable row level security;
-- No policies: only the indexer (postgres or service_role) reads it; the public never does.
revoke all on public.search_outbox from public, anon, authenticated;
grant select, insert, delete on public.search_outbox to service_role;

comment on table public.search_outbox is
  'Services whose public listing changed and that Meilisearch must be told about; emptied by the indexer.';

-- Statement-level triggers with transition tables: a bulk import of 100,000 rows writes one
-- insert-select here, not 100,000 separate ones. Security definer so that a curator's edit can
-- queue its service without being able to read or write the outbox itself.
create or replace function public.search_outbox_capture() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  service_ids text := case tg_table_name
    when 'services' then 'select r.id from %s r'
    when 'service_at_locations' then 'select r.service_id from %s r'
    when 'cost_options' then 'select r.service_id from %s r'
    when 'contacts' then 'select r.service_id from %s r'
    when 'languages' then 'select r.service_id from %s r'
    when 'service_areas' then 'select r.service_id from %s r'
    when 'service_taxonomies' then 'select r.service_id from %s r'
    when 'schedules' then 'select coalesce(r.service_id, sal.service_id) from %s r
      left join public.service_at_locations sal on sal.id = r.service_at_location_id'
    when 'phones' then 'select coalesce(r.service_id, c.service_id) from %s r
      left join public.contacts c on c.id = r.contact_id'
    when 'locations' then 'select sal.service_id from %s r join public.service_at_locations sal on sal.location_id = r.id'
    when 'organizations' then 'select s.id from %s r join public.services s on s.organization_id = r.id'
    when 'taxonomy_terms' then 'select st.service_id from %s r join public.service_taxonomies st on st.taxonomy_term_id = r.id'
  end;
  sources text[] := case tg_op when 'INSERT' then array['new_rows'] when 'DELETE' then array['old_rows']
    else array['new_rows', 'old_rows'] end;
  source text;
  queued integer := 0;
  n integer;
begin
  foreach source in array sources loop
    execute format('insert into public.search_outbox (service_id)
      select distinct x.id from (' || format(service_ids, source) || ') as x(id) where x.id is not null');
    get diagnostics n = row_count;
    queued := queued + n;
  end loop;
  if queued > 0 then
    perform pg_notify('search_outbox', '');
  end if;
  return null;
end;
$$;
revoke all on function public.search_outbox_capture() from public, anon, authenticated;

do $$
declare
  t text;
begin
  foreach t in array array['services', 'organizations', 'locations', 'service_at_locations', 'schedules', 'cost_options',
    'contacts', 'phones', 'languages', 'service_areas', 'service_taxonomies', 'taxonomy_terms'] loop
    execute format('drop trigger if exists %1$s_search_insert on public.%1$I', t);
    execute format('drop trigger if exists %1$s_search_update on public.%1$I', t);
    execute format('drop trigger if exists %1$s_search_delete on public.%1$I', t);
    execute format('create trigger %1$s_search_insert after insert on public.%1$I referencing new table as new_rows
      for each statement execute function public.search_outbox_capture()', t);
    execute format('create trigger %1$s_search_update after update on public.%1$I referencing new table as new_rows old table as old_rows
      for each statement execute function public.search_outbox_capture()', t);
    execute format('create trigger %1$s_search_delete after delete on public.%1$I referencing old table as old_rows
      for each statement execute function public.search_outbox_capture()', t);
  end loop;
end;
$$;

-- One row per published service with every part a listing is built from, as the catalogue's own
-- row shapes. Security invoker: called as anon, row level security decides what is included,
-- exactly as it does for the static pages. Keyset paged by id; or only the given ids (indexer).
create or replace function public.search_documents(after_id text default null, page_size integer default 1000,
  only_ids text[] default null)
returns table (id text, parts jsonb)
language sql stable security invoker set search_path = '' as $$
  -- Set-based: each part is read once for the whole page and grouped by service, rather than
  -- once per service (which cost about 0.7 ms a service).
  with page as (
    select s.* from public.services s
    where s.published
      and (after_id is null or s.id > after_id)
      and (only_ids is null or s.id = any (only_ids))
    order by s.id
    limit page_size
  ),
  sal as (select x.* from public.service_at_locations x where x.service_id in (select p.id from page p)),
  contact as (select x.* from public.contacts x where x.service_id in (select p.id from page p)),
  sals as (select x.service_id, jsonb_agg(to_jsonb(x)) as j from sal x group by x.service_id),
  locs as (select sal.service_id, jsonb_agg(to_jsonb(l)) as j from sal join public.locations l on l.id = sal.location_id
    group by sal.service_id),
  scheds as (select coalesce(r.service_id, sal.service_id) as service_id, jsonb_agg(to_jsonb(r)) as j
    from public.schedules r left join sal on sal.id = r.service_at_location_id
    where r.service_id in (select p.id from page p) or r.service_at_location_id in (select sal.id from sal)
    group by 1),
  costs as (select x.service_id, jsonb_agg(to_jsonb(x)) as j from public.cost_options x
    where x.service_id in (select p.id from page p) group by x.service_id),
  contacts as (select x.service_id, jsonb_agg(to_jsonb(x)) as j from contact x group by x.service_id),
  phones as (select coalesce(r.service_id, c.service_id) as service_id, jsonb_agg(to_jsonb(r)) as j
    from public.phones r left join contact c on c.id = r.contact_id
    where r.service_id in (select p.id from page p) or r.contact_id in (select c.id from contact c)
    group by 1),
  langs as (select x.service_id, jsonb_agg(to_jsonb(x)) as j from public.languages x
    where x.service_id in (select p.id from page p) group by x.service_id),
  areas as (select x.service_id, jsonb_agg(to_jsonb(x)) as j from public.service_areas x
    where x.service_id in (select p.id from page p) group by x.service_id),
  links as (select x.service_id, jsonb_agg(to_jsonb(x)) as j, array_agg(x.taxonomy_term_id) as term_ids
    from public.service_taxonomies x where x.service_id in (select p.id from page p) group by x.service_id),
  terms as (select l.service_id, jsonb_agg(to_jsonb(t)) as j from links l join public.taxonomy_terms t on t.id = any (l.term_ids)
    group by l.service_id),
  orgs as (select o.id, to_jsonb(o) as j from public.organizations o where o.id in (select p.organization_id from page p))
  select p.id, jsonb_build_object(
    'services', jsonb_build_array(to_jsonb(p)),
    'organizations', case when orgs.j is null then '[]'::jsonb else jsonb_build_array(orgs.j) end,
    'service_at_locations', coalesce(sals.j, '[]'),
    'locations', coalesce(locs.j, '[]'),
    'schedules', coalesce(scheds.j, '[]'),
    'cost_options', coalesce(costs.j, '[]'),
    'contacts', coalesce(contacts.j, '[]'),
    'phones', coalesce(phones.j, '[]'),
    'languages', coalesce(langs.j, '[]'),
    'service_areas', coalesce(areas.j, '[]'),
    'service_taxonomies', coalesce(links.j, '[]'),
    'taxonomy_terms', coalesce(terms.j, '[]')
  )
  from page p
  left join orgs on orgs.id = p.organization_id
  left join sals on sals.service_id = p.id
  left join locs on locs.service_id = p.id
  left join scheds on scheds.service_id = p.id
  left join costs on costs.service_id = p.id
  left join contacts on contacts.service_id = p.id
  left join phones on phones.service_id = p.id
  left join langs on langs.service_id = p.id
  left join areas on areas.service_id = p.id
  left join links on links.service_id = p.id
  left join terms on terms.service_id = p.id
  order by p.id;
$$;
revoke all on function public.search_documents(text, integer, text[]) from public;
grant execute on function public.search_documents(text, integer, text[]) to anon, authenticated, service_role;
