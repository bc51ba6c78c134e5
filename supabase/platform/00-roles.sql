-- Local stand-in for what hosted Supabase creates before any project migration runs.
-- Applied by the local stack on every start, so every statement is idempotent.
-- Nothing here belongs in supabase/migrations: hosted Supabase already has all of it.

do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin login noinherit createrole;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- PostgREST connects as authenticator and switches role per request.
alter role authenticator set statement_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Hosted Supabase grants usage on public to the API roles but, for new projects, no table
-- privileges by default: every project table needs its own explicit GRANT. We copy that.
grant usage on schema public to anon, authenticated, service_role;

-- Local-only passwords for the login roles the stack's own services use.
alter role authenticator with password 'postgres';
alter role supabase_auth_admin with password 'postgres';
