-- The Open Referral UK API (supabase/functions/oruk): what it needs beyond the directory tables.
-- Sections: helpers, grants.

-- Services with a place within `metres` of a point (great-circle distance on a 6,371 km sphere),
-- nearest first. It returns services rows, so PostgREST filters, pages and embeds it like the
-- table, and it runs as the caller (security invoker), so row level security still decides what
-- is public. A bounding box in degrees first keeps the distance sum to nearby places.
create function public.services_near(latitude double precision, longitude double precision, metres double precision)
returns setof public.services
language sql
stable
security invoker
set search_path = ''
as $$
  select s.*
  from public.services s
  join lateral (
    select min(2 * 6371000 * asin(sqrt(
             power(sin(radians(l.latitude - services_near.latitude) / 2), 2)
             + cos(radians(services_near.latitude)) * cos(radians(l.latitude))
               * power(sin(radians(l.longitude - services_near.longitude) / 2), 2)))) as distance
    from public.service_at_locations sal
    join public.locations l on l.id = sal.location_id
    where sal.service_id = s.id
      and l.latitude between services_near.latitude - metres / 111000.0 and services_near.latitude + metres / 111000.0
      and l.longitude between services_near.longitude - metres / (111000.0 * greatest(cos(radians(services_near.latitude)), 0.01))
                          and services_near.longitude + metres / (111000.0 * greatest(cos(radians(services_near.latitude)), 0.01))
  ) near on near.distance <= metres
  order by near.distance, s.id
$$;

revoke all on function public.services_near(double precision, double precision, double precision) from public;
grant execute on function public.services_near(double precision, double precision, double precision) to anon, authenticated, service_role;
