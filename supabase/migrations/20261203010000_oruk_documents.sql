-- The ORUK API's services, built ahead (issue 13's list target: 50 ms p95 at 100,000 services).
--
-- Answering GET /services read each page's rows from thirteen tables, checked them with the
-- catalogue's zod schemas and mapped them to ORUK documents, on every request: about 20 ms in the
-- database and 10 in Deno at the median, twice that at p95. Now the indexer (npm run indexer, and
-- npm run index for everything) also builds each published service's ORUK 3.0 document, with the
-- same mapping, from what the public may see (it reads as anon), and keeps it here. The API
-- answers from these documents, and builds any service it finds no document for as before.
--
-- Never stale: every change that can alter what the public sees of a service already queues the
-- service in search_outbox, in the same transaction; a trigger there deletes that service's
-- document in the same transaction too, so from that commit on the API builds it afresh until the
-- indexer has stored the new one. The indexer stores a document only if no other change to the
-- service is queued (public.store_oruk_documents), and a change committed after that deletes it
-- again. One race remains: a change whose transaction queued its service before the indexer
-- stored the document, but committed after, leaves that document until the indexer's next batch
-- (about a second), as it leaves the search index. Row level security on the documents follows the
-- service's own: a service the public may not see has no public document.
-- Sections: tables, triggers, functions, policies, grants.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────
create table public.oruk_service_documents (
  service_id text primary key references public.services (id) on delete cascade,
  document json not null,
  built_at timestamptz not null default now()
);
alter table public.oruk_service_documents enable row level security;

comment on table public.oruk_service_documents is
  'Each published service''s ORUK 3.0 document as the public sees it, built by the indexer; deleted by any change to the service until rebuilt.';

-- ── Triggers ────────────────────────────────────────────────────────────────────────────
-- A service queued for the search index has changed: its document goes, in the same transaction.
create function public.oruk_documents_invalidate() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.oruk_service_documents d where d.service_id in (select n.service_id from new_rows n);
  return null;
end;
$$;
revoke all on function public.oruk_documents_invalidate() from public, anon, authenticated;

create trigger search_outbox_invalidates_oruk_documents after insert on public.search_outbox
  referencing new table as new_rows for each statement execute function public.oruk_documents_invalidate();

-- A taxonomy's name or version is part of each document that carries one of its terms (and of
-- nothing search indexes), so renaming one queues those services too.
create function public.taxonomy_outbox_capture() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.search_outbox (service_id)
  select distinct st.service_id from public.service_taxonomies st
  join public.taxonomy_terms t on t.id = st.taxonomy_term_id
  where t.taxonomy_id in (select n.id from new_rows n);
  return null;
end;
$$;
revoke all on function public.taxonomy_outbox_capture() from public, anon, authenticated;

create trigger taxonomies_outbox_update after update on public.taxonomies
  referencing new table as new_rows for each statement execute function public.taxonomy_outbox_capture();

-- ── Functions ───────────────────────────────────────────────────────────────────────────
-- The given services for the API: `{ "documents": [built documents], "rows": <oruk_service_rows of
-- the others>, or null when every one was built }`. Security invoker, so row level security
-- decides, as for every other read.
create function public.oruk_service_documents(ids text[])
returns json
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  documents json;
  built text[];
begin
  select coalesce(json_agg(d.document), '[]'::json), coalesce(array_agg(d.service_id), '{}')
  into documents, built
  from public.oruk_service_documents d where d.service_id = any (ids);
  return json_build_object('documents', documents, 'rows', case when cardinality(built) < cardinality(ids)
    then public.oruk_service_rows(array(select i from unnest(ids) i where i <> all (built))) end);
end;
$$;

-- For the indexer (service role): stores the documents it built, except for a service with a
-- change queued that is not among the outbox rows it is applying (`applying`): a newer document
-- is on its way for that one, and this one may be out of date. A change that commits later
-- deletes what is stored here.
create function public.store_oruk_documents(documents json, applying bigint[])
returns integer
language sql
volatile
security invoker
set search_path = ''
as $$
  with stored as (
    insert into public.oruk_service_documents as d (service_id, document)
    select x.key, x.value from json_each(documents) x
    where exists (select 1 from public.services s where s.id = x.key)
      and not exists (select 1 from public.search_outbox o where o.service_id = x.key and o.id <> all (applying))
    on conflict (service_id) do update set document = excluded.document, built_at = now()
    returning 1
  )
  select count(*)::integer from stored
$$;

-- One page of `GET /services`, as before, now `{ "total": n, "ids": [...], "services":
-- <oruk_service_documents of the page> }`; and a point that is not on the earth (NaN, infinite,
-- out of range) is refused with 22023 rather than failing inside the statement it builds.
create or replace function public.oruk_services_page(
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
    -- NaN and infinities are refused here (NaN sorts above every number, so it fails the ranges);
    -- written into the statement unquoted, NaN would have read as a column name.
    if not (latitude between -90 and 90 and longitude between -180 and 180 and metres > 0 and metres < 'Infinity') then
      raise exception 'latitude must be between -90 and 90, longitude between -180 and 180, and metres a distance above 0'
        using errcode = '22023';
    end if;
    conditions := conditions || format('s.id in (select n.id from public.services_near(%L, %L, %L) n)', latitude, longitude, metres);
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
  return json_build_object('total', coalesce(total, 0), 'ids', to_json(ids), 'services', public.oruk_service_documents(ids));
end;
$$;

-- ── Policies ────────────────────────────────────────────────────────────────────────────
create policy "A service's ORUK document is viewable while the service is" on public.oruk_service_documents
  for select to anon, authenticated using (exists (select 1 from public.services s where s.id = service_id));

-- ── Grants ──────────────────────────────────────────────────────────────────────────────
-- Read only for API callers; the indexer stores with the service role (an upsert); only the
-- outbox's trigger deletes.
revoke all on public.oruk_service_documents from public, anon, authenticated, service_role;
grant select on public.oruk_service_documents to anon, authenticated;
grant select, insert, update on public.oruk_service_documents to service_role;

revoke all on function public.oruk_service_documents(text[]) from public;
grant execute on function public.oruk_service_documents(text[]) to anon, authenticated, service_role;
revoke all on function public.store_oruk_documents(json, bigint[]) from public, anon, authenticated;
grant execute on function public.store_oruk_documents(json, bigint[]) to service_role;
