-- Local-only: where the development Auth server "sends" mail, like Supabase's local mail viewer
-- (Inbucket/Mailpit). Read at /mailbox (people) and /mailbox/api/messages (tests).
-- Hosted Supabase sends real mail and has no such schema. Applied on every start: idempotent.
create schema if not exists local_mailbox authorization supabase_auth_admin;

create table if not exists local_mailbox.messages (
  id uuid not null default gen_random_uuid() primary key,
  to_address text not null,
  from_address text not null,
  subject text not null,
  kind text not null,
  body_html text not null,
  body_text text not null,
  links text[] not null default '{}',
  created_at timestamptz not null default now()
);
alter table local_mailbox.messages owner to supabase_auth_admin;
create index if not exists messages_to_address_created_at_idx
  on local_mailbox.messages (lower(to_address), created_at desc);

-- Only the Auth server reads or writes the mailbox; the API roles get nothing here.
revoke all on schema local_mailbox from public;
