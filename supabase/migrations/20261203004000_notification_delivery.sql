-- Notification delivery: how the notification worker (npm run notifier, docs/notifications.md)
-- takes the mail queued in public.notification_outbox (made by the referrals migration) and
-- records what became of it. Three functions for the service role alone, called through PostgREST
-- with the project's secret key; no table is added and no API caller gains anything.
-- Sections: security definer functions, grants.

-- ── Security definer functions ──────────────────────────────────────────────────────────

-- Claims up to batch_size due rows for one worker: locks them `for update skip locked` (so two
-- workers never take the same row), counts the attempt, and hides each row for a lease while
-- the worker sends it; a worker that dies leaves its rows to be claimed again when the lease
-- ends. Returns the reference and the address, looked up now (a team's contact address, or the
-- person's email when they chose email), so a changed address is used; null when there is none.
create or replace function public.claim_notifications(batch_size integer default 20, lease_seconds integer default 300)
returns table (id bigint, kind text, reference text, to_address text, attempts integer)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if (select auth.role()) is distinct from 'service_role' then
    raise exception 'Only the notification worker (the service role) may claim notifications' using errcode = '42501';
  end if;
  if batch_size is null or batch_size not between 1 and 100 then
    raise exception 'batch_size must be from 1 to 100' using errcode = '22023';
  end if;
  if lease_seconds is null or lease_seconds not between 10 and 3600 then
    raise exception 'lease_seconds must be from 10 to 3600' using errcode = '22023';
  end if;
  return query
  with due as (
    select o.id from public.notification_outbox o
    where o.sent_at is null and o.next_attempt_at <= now()
    order by o.next_attempt_at, o.id
    limit batch_size
    for update skip locked
  ), claimed as (
    update public.notification_outbox o
    set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => lease_seconds)
    from due where o.id = due.id
    returning o.id, o.kind, o.referral_id, o.recipient, o.team_id, o.attempts
  )
  select c.id, c.kind, r.reference,
    case
      when c.recipient = 'team' then nullif(btrim(t.contact_email), '')
      when 'email' = any (r.contact_methods) then r.email
    end,
    c.attempts
  from claimed c
  join public.referrals r on r.id = c.referral_id
  left join public.teams t on t.id = c.team_id
  order by c.id;
end
$$;

-- The mail went out: the row is done (kept, not deleted, as the record that it was sent).
create or replace function public.record_notification_sent(notification_id bigint) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select auth.role()) is distinct from 'service_role' then
    raise exception 'Only the notification worker (the service role) may record notifications' using errcode = '42501';
  end if;
  update public.notification_outbox o set sent_at = now(), last_error = null
  where o.id = notification_id and o.sent_at is null;
end
$$;

-- The mail did not go out: keep the error and try again after the worker's backoff.
create or replace function public.record_notification_failure(notification_id bigint, failure text, retry_after_seconds double precision)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if (select auth.role()) is distinct from 'service_role' then
    raise exception 'Only the notification worker (the service role) may record notifications' using errcode = '42501';
  end if;
  update public.notification_outbox o
  set last_error = left(coalesce(nullif(btrim(failure), ''), 'unknown error'), 2000),
      next_attempt_at = now() + make_interval(secs => least(greatest(coalesce(retry_after_seconds, 60), 0), 86400))
  where o.id = notification_id and o.sent_at is null;
end
$$;

-- ── Grants ──────────────────────────────────────────────────────────────────────────────

revoke execute on function public.claim_notifications(integer, integer), public.record_notification_sent(bigint),
  public.record_notification_failure(bigint, text, double precision) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer, integer), public.record_notification_sent(bigint),
  public.record_notification_failure(bigint, text, double precision) to service_role;
