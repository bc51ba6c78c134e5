-- What the database lints (tests/integration/security/database-lints.test.ts, in the spirit of
-- Supabase's Security and Performance Advisors) found in the schema as it stood:
-- foreign keys without an index (deleting or changing the row they point at scanned the table),
-- and tables only scripts use, which had row level security but no policy to say so.

-- ── Indexes for foreign keys ────────────────────────────────────────────────────────────

create index if not exists locations_organization_id_idx on public.locations (organization_id);
create index if not exists taxonomy_terms_parent_id_idx on public.taxonomy_terms (parent_id);
create index if not exists teams_organization_id_idx on public.teams (organization_id);
create index if not exists referrals_gp_practice_id_idx on public.referrals (gp_practice_id, created_at);
create index if not exists referral_messages_author_id_idx on public.referral_messages (author_id);
create index if not exists referral_message_reads_reader_id_idx on public.referral_message_reads (reader_id);
create index if not exists notification_outbox_referral_id_idx on public.notification_outbox (referral_id);
create index if not exists notification_outbox_message_id_idx on public.notification_outbox (message_id);
create index if not exists notification_outbox_team_id_idx on public.notification_outbox (team_id);

-- ── Policies ────────────────────────────────────────────────────────────────────────────
-- The service role passes row level security anyway; these say in the schema that nobody else may.

create policy "Only scripts with the service role use the search outbox" on public.search_outbox
  for all to service_role using (true) with check (true);
create policy "Only scripts with the service role use the notification outbox" on public.notification_outbox
  for all to service_role using (true) with check (true);
create policy "Only scripts with the service role use the referral limits" on public.referral_limits
  for all to service_role using (true) with check (true);
create policy "Only scripts with the service role use the address allowances" on public.referral_address_allowances
  for all to service_role using (true) with check (true);
create policy "Only scripts with the service role use the submissions log" on public.referral_submissions
  for all to service_role using (true) with check (true);
