-- The ORUK API (supabase/functions/oruk) at 100,000 services: a page of services in one database
-- call, and a paging total that does not count every published service on every request.
-- Sections: tables, triggers, helpers, policies, grants.
--
-- Measured before (EXPLAIN ANALYZE as anon over 96,996 published services, load average about
-- 6): PostgREST's embedded query for a page of 50 took about 22 ms to plan and 62 ms to run,
-- plus 31 ms for the exact count of every published service behind the paging envelope.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────
-- Counts of public things that are slow to count, kept exact by the triggers below in the same
-- transaction as the change, so a statement sees the count and the rows at the same moment.
-- One row today: 'published services', the total of `GET /services` without filters.
create table public.directory_counts (
  id text primary key,
  count bigint not null check (count >= 0)
);
alter table public.directory_counts enable row level security;

comment on table public.directory_counts is
  'Exact counts of public records (published services), kept by triggers; read by the ORUK API for its paging total.';

insert into public.directory_counts (id, count)
values ('published services', (select count(*) from public.services where published));

-- ── Triggers ────────────────────────────────────────────────────────────────────────────
-- Statement level with transition tables: a bulk import of 100,000 services adds once per
-- statement, not once per row. The counter row is written only when the number of published
-- services changes, so ordinary edits never wait on it. Security definer so a curator's edit can
-- keep the count without any grant to write it. ENABLE ALWAYS: the generator and bulk loads set
-- session_replication_role = replica to skip the history triggers, and the count must still follow.

create function public.count_published_services() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  delta bigint;
begin
  if tg_op = 'TRUNCATE' then
    update public.directory_counts set count = (select count(*) from public.services where published)
      where id = 'published services';
    return null;
  end if;
  if tg_op = 'INSERT' then
    select count(*) into delta from new_rows where published;
  elsif tg_op = 'DELETE' then
    select -count(*) into delta from old_rows where published;
  else
    select (select count(*) from new_rows where published) - (select count(*) from old_rows where published) into delta;
  end if;
  if delta <> 0 then
    update public.directory_counts set count = count + delta where id = 'published services';
  end if;
  return null;
end;
$$;
revoke all on function public.count_published_services() from public, anon, authenticated;

create trigger services_count_published_insert after insert on public.services
  referencing new table as new_rows for each statement execute function public.count_published_services();
create trigger services_count_published_update after update on public.services
  referencing new table as new_rows old table as old_rows for each statement execute function public.count_published_services();
create trigger services_count_published_delete after delete on public.services
  referencing old table as old_rows for each statement execute function public.count_published_services();
create trigger services_count_published_truncate after truncate on public.services
  for each statement execute function public.count_published_services();
alter table public.services enable always trigger services_count_published_insert;
alter table public.services enable always trigger services_count_published_update;
alter table public.services enable always trigger services_count_published_delete;
alter table public.services enable always trigger services_count_published_truncate;

-- ── Helpers ─────────────────────────────────────────────────────────────────────────────
-- Both run as the caller (security invoker), so row level security decides what is public,
-- exactly as it does for PostgREST's own reads: called with the anon key, drafts and hidden
-- venues and organisations never appear.

-- The catalogue rows of the given services, table by table, in the shapes the catalogue's zod
-- schemas read (each row as JSON, as PostgREST returns it; `json`, not `jsonb`, which took twice as long to build). Set-based: each table is read
-- once by index for all the services, where embedding read it once per service. Opening times
-- and phones belong to a service or to one of its places or contacts: asked as a union of the two
-- index lookups, since an OR here let the planner check their policies against every service.
create function public.oruk_service_rows(ids text[])
returns json
language sql
stable
security invoker
set search_path = ''
as $$
  with s as (select x.* from public.services x where x.id = any (ids)),
  sal as (select x.* from public.service_at_locations x where x.service_id in (select s.id from s)),
  ct as (select x.* from public.contacts x where x.service_id in (select s.id from s)),
  st as (select x.* from public.service_taxonomies x where x.service_id in (select s.id from s)),
  tt as (select x.* from public.taxonomy_terms x where x.id in (select st.taxonomy_term_id from st))
  select json_build_object(
    'services', (select coalesce(json_agg(x order by x.id), '[]'::json) from s x),
    'organizations', (select coalesce(json_agg(x), '[]'::json) from public.organizations x
                      where x.id in (select s.organization_id from s)),
    'service_at_locations', (select coalesce(json_agg(x), '[]'::json) from sal x),
    'locations', (select coalesce(json_agg(x), '[]'::json) from public.locations x
                  where x.id in (select sal.location_id from sal)),
    'schedules', (select coalesce(json_agg(x), '[]'::json) from public.schedules x
                  where x.id in (select a.id from public.schedules a where a.service_id in (select s.id from s)
                                 union select b.id from public.schedules b where b.service_at_location_id in (select sal.id from sal))),
    'cost_options', (select coalesce(json_agg(x), '[]'::json) from public.cost_options x
                     where x.service_id in (select s.id from s)),
    'contacts', (select coalesce(json_agg(x), '[]'::json) from ct x),
    'phones', (select coalesce(json_agg(x), '[]'::json) from public.phones x
               where x.id in (select a.id from public.phones a where a.service_id in (select s.id from s)
                              union select b.id from public.phones b where b.contact_id in (select ct.id from ct))),
    'languages', (select coalesce(json_agg(x), '[]'::json) from public.languages x
                  where x.service_id in (select s.id from s)),
    'service_areas', (select coalesce(json_agg(x), '[]'::json) from public.service_areas x
                      where x.service_id in (select s.id from s)),
    'service_taxonomies', (select coalesce(json_agg(x), '[]'::json) from st x),
    'taxonomy_terms', (select coalesce(json_agg(x), '[]'::json) from tt x),
    'taxonomies', (select coalesce(json_agg(x), '[]'::json) from public.taxonomies x
                   where x.id in (select tt.taxonomy_id from tt))
  )
$$;

-- One page of `GET /services`: `{ "total": n, "rows": <oruk_service_rows of the page> }`, in id
-- order, with the UK profile's filters (each null when not asked for). The filters are joined into
-- one statement so the planner sees only the ones asked for. Without filters the total comes from
-- directory_counts, which is what every caller sees unless they are a curator (their policy shows
-- drafts too, so for them it is counted); with filters it is counted, as it depends on them.
-- Fixed vocabularies (how people attend, how they get in) are columns of services, not links:
-- the function takes the column values the API resolved from the term ids.
create function public.oruk_services_page(
  page integer default 1,
  per_page integer default 50,
  words text default null,
  term_id text default null,
  term_taxonomy_id text default null,
  vocabulary text default null,
  attending_type text default null,
  access_route text default null,
  any_attending_type boolean default false,
  any_access_route boolean default false,
  organization_id text default null,
  modified_after timestamptz default null,
  minimum_age integer default null,
  maximum_age integer default null,
  latitude double precision default null,
  longitude double precision default null,
  metres double precision default null
)
returns json
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  conditions text[] := '{}';
  term_conditions text[] := '{}';
  clause text;
  total bigint;
  ids text[];
begin
  if page is null or page < 1 or per_page is null or per_page < 1 or per_page > 1000 then
    raise exception 'page must be 1 or more and per_page between 1 and 1000' using errcode = '22023';
  end if;
  if words is not null then
    conditions := conditions || format('(s.name ilike %1$L or s.description ilike %1$L)',
      '%' || replace(replace(replace(words, '\', '\\'), '%', '\%'), '_', '\_') || '%');
  end if;
  if term_id is not null then term_conditions := term_conditions || format('st.taxonomy_term_id = %L', term_id); end if;
  if term_taxonomy_id is not null then term_conditions := term_conditions || format('t.taxonomy_id = %L', term_taxonomy_id); end if;
  if vocabulary is not null then term_conditions := term_conditions || format('v.name = %L', vocabulary); end if;
  if cardinality(term_conditions) > 0 then
    -- One linked term must meet every term condition at once.
    conditions := conditions || format('exists (select 1 from public.service_taxonomies st
      join public.taxonomy_terms t on t.id = st.taxonomy_term_id left join public.taxonomies v on v.id = t.taxonomy_id
      where st.service_id = s.id and %s)', array_to_string(term_conditions, ' and '));
  end if;
  if attending_type is not null then conditions := conditions || format('s.attending_types @> array[%L]', attending_type); end if;
  if access_route is not null then conditions := conditions || format('s.access_routes @> array[%L]', access_route); end if;
  if any_attending_type then conditions := conditions || 's.attending_types <> ''{}'''::text; end if;
  if any_access_route then conditions := conditions || 's.access_routes <> ''{}'''::text; end if;
  if oruk_services_page.organization_id is not null then
    conditions := conditions || format('s.organization_id = %L', oruk_services_page.organization_id);
  end if;
  if modified_after is not null then conditions := conditions || format('s.last_modified >= %L', modified_after); end if;
  if minimum_age is not null then conditions := conditions || format('s.minimum_age >= %s', minimum_age); end if;
  if maximum_age is not null then conditions := conditions || format('s.maximum_age <= %s', maximum_age); end if;
  if latitude is not null and longitude is not null and metres is not null then
    conditions := conditions || format('s.id in (select n.id from public.services_near(%s, %s, %s) n)', latitude, longitude, metres);
  end if;

  clause := coalesce(nullif(array_to_string(conditions, ' and '), ''), 'true');
  if cardinality(conditions) = 0 and not coalesce((select public.is_curator()), false) then
    select c.count into total from public.directory_counts c where c.id = 'published services';
  else
    execute format('select count(*) from public.services s where %s', clause) into total;
  end if;
  execute format('select coalesce(array_agg(p.id order by p.id), ''{}'') from
    (select s.id from public.services s where %s order by s.id limit %s offset %s) p', clause, per_page, (page - 1)::bigint * per_page)
    into ids;
  return json_build_object('total', coalesce(total, 0), 'rows', public.oruk_service_rows(ids));
end;
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────
create policy "Counts of public records are viewable by everyone" on public.directory_counts
  for select to anon, authenticated using (true);

-- ── Grants ──────────────────────────────────────────────────────────────────────────────
-- Read only, for everyone; only the trigger (as its owner) writes.
grant select on public.directory_counts to anon, authenticated, service_role;

revoke all on function public.oruk_service_rows(text[]) from public;
grant execute on function public.oruk_service_rows(text[]) to anon, authenticated, service_role;

revoke all on function public.oruk_services_page(integer, integer, text, text, text, text, text, text, boolean, boolean, text,
  timestamptz, integer, integer, double precision, double precision, double precision) from public;
grant execute on function public.oruk_services_page(integer, integer, text, text, text, text, text, text, boolean, boolean, text,
  timestamptz, integer, integer, double precision, double precision, double precision) to anon, authenticated, service_role;
