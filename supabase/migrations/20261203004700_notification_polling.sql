-- Referral and message triggers no longer call pg_notify. A transaction that notifies takes one
-- lock for the whole cluster at commit and holds it through the commit's disk flush, so every
-- submission's commit waited on every other's; and nobody listened: the notification worker
-- polls the outbox (scripts/lib/notifier.ts, every 2 s), which is soon enough for an email.
-- The functions are otherwise as 20261203000100_referrals.sql wrote them.

create or replace function public.referrals_after_write() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.referral_events (referral_id, kind, from_status, to_status, actor)
    values (new.id, 'submitted', null, new.status, public.referral_actor(new.owner_id));
    insert into public.notification_outbox (kind, referral_id, recipient, team_id)
    values ('referral_received', new.id, 'team', new.team_id);
  elsif new.status is distinct from old.status then
    insert into public.referral_events (referral_id, kind, from_status, to_status, actor)
    values (new.id, 'status_changed', old.status, new.status, public.referral_actor(new.owner_id));
  end if;
  return null;
end
$$;

create or replace function public.referral_messages_after_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.author_kind = 'staff' and exists (
    select 1 from public.referrals r
    where r.id = new.referral_id and r.source = 'self' and 'email' = any (r.contact_methods) and r.email is not null
  ) then
    insert into public.notification_outbox (kind, referral_id, message_id, recipient)
    values ('message_for_person', new.referral_id, new.id, 'person');
  end if;
  return null;
end
$$;
