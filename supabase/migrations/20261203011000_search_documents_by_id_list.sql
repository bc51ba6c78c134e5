-- Search documents: each part of a page is read through its index by the page's list of ids.
--
-- `x.service_id in (select id from page)` let the planner hash the page and read every row of
-- each part table (all 206,589 service_taxonomies rows for each page of 2,000 services at 100,000
-- services): about 0.8 s a page. The same page looked up by `= any (ids)` reads only its rows
-- through the service_id indexes. Same result, same security (invoker: row level security of the
-- caller's role decides), same grants. Each part's rows now come in id order, so the same data
-- always gives the same document.
create or replace function public.search_documents(after_id text default null, page_size integer default 1000,
  only_ids text[] default null)
returns table (id text, parts jsonb)
language sql stable security invoker set search_path = '' as $$
  with page as (
    select s.* from public.services s
    where s.published
      and (after_id is null or s.id > after_id)
      and (only_ids is null or s.id = any (only_ids))
    order by s.id
    limit page_size
  ),
  ids as (select coalesce(array_agg(p.id), '{}'::text[]) as list from page p),
  sal as (select x.* from public.service_at_locations x where x.service_id = any ((select list from ids)::text[])),
  sal_ids as (select coalesce(array_agg(x.id), '{}'::text[]) as list from sal x),
  contact as (select x.* from public.contacts x where x.service_id = any ((select list from ids)::text[])),
  contact_ids as (select coalesce(array_agg(x.id), '{}'::text[]) as list from contact x),
  sals as (select x.service_id, jsonb_agg(to_jsonb(x) order by x.id) as j from sal x group by x.service_id),
  locs as (select sal.service_id, jsonb_agg(to_jsonb(l) order by l.id) as j from sal join public.locations l on l.id = sal.location_id
    group by sal.service_id),
  -- Times kept on the service, and times kept only on one of its places.
  scheds as (select x.service_id, jsonb_agg(x.j order by x.row_id) as j from (
      select r.service_id, r.id as row_id, to_jsonb(r) as j from public.schedules r where r.service_id = any ((select list from ids)::text[])
      union all
      select sal.service_id, r.id, to_jsonb(r) from public.schedules r join sal on sal.id = r.service_at_location_id
      where r.service_at_location_id = any ((select list from sal_ids)::text[]) and r.service_id is null
    ) x group by x.service_id),
  costs as (select x.service_id, jsonb_agg(to_jsonb(x) order by x.id) as j from public.cost_options x
    where x.service_id = any ((select list from ids)::text[]) group by x.service_id),
  contacts as (select x.service_id, jsonb_agg(to_jsonb(x) order by x.id) as j from contact x group by x.service_id),
  phones as (select x.service_id, jsonb_agg(x.j order by x.row_id) as j from (
      select r.service_id, r.id as row_id, to_jsonb(r) as j from public.phones r where r.service_id = any ((select list from ids)::text[])
      union all
      select c.service_id, r.id, to_jsonb(r) from public.phones r join contact c on c.id = r.contact_id
      where r.contact_id = any ((select list from contact_ids)::text[]) and r.service_id is null
    ) x group by x.service_id),
  langs as (select x.service_id, jsonb_agg(to_jsonb(x) order by x.id) as j from public.languages x
    where x.service_id = any ((select list from ids)::text[]) group by x.service_id),
  areas as (select x.service_id, jsonb_agg(to_jsonb(x) order by x.id) as j from public.service_areas x
    where x.service_id = any ((select list from ids)::text[]) group by x.service_id),
  links as (select x.service_id, jsonb_agg(to_jsonb(x) order by x.id) as j, array_agg(x.taxonomy_term_id) as term_ids
    from public.service_taxonomies x where x.service_id = any ((select list from ids)::text[]) group by x.service_id),
  terms as (select l.service_id, jsonb_agg(to_jsonb(t) order by t.id) as j from links l join public.taxonomy_terms t on t.id = any (l.term_ids)
    group by l.service_id),
  orgs as (select o.id, to_jsonb(o) as j from public.organizations o
    where o.id = any ((select array_agg(p.organization_id) from page p)::text[]))
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
