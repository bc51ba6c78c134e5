-- Working days are counted one day at a time, and authenticated callers may run the count through
-- the API. Without an upper bound, `add_working_days(date, 2000000000)` kept a backend busy until
-- the statement timeout (found by tests/integration/hostile/every-function.test.ts). A team's
-- first-contact target is at most 30 working days (teams.first_contact_working_days), so a year
-- is ample; anything more is refused as a bad argument.
create or replace function public.add_working_days(p_from date, p_days integer) returns date
language plpgsql stable set search_path = ''
as $$
declare
  d date := p_from;
  counted integer := 0;
begin
  if p_from is null or p_days is null or p_days < 0 or p_days > 366 then
    raise exception 'add_working_days needs a date and a whole number of days from 0 to 366' using errcode = '22023';
  end if;
  while counted < p_days loop
    d := d + 1;
    if extract(isodow from d) < 6 and not exists (select 1 from public.bank_holidays b where b.day = d) then
      counted := counted + 1;
    end if;
  end loop;
  return d;
end
$$;
