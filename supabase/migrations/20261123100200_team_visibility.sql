-- Hardening places and teams: which PCNs a team serves is visible only where the team is.
-- `team_pcns` was readable by everyone (`using (true)`), so a team hidden from the public (a
-- hospital discharge team) still showed its id and the PCNs it serves.
-- Sections: policies. Grants are unchanged (20261122000300_places_and_teams.sql).

-- ── Policies ────────────────────────────────────────────────────────────────────────────
-- The EXISTS goes through the teams policies: public teams for everyone, every team for staff.

drop policy "Which PCNs a team serves is viewable by everyone" on public.team_pcns;
create policy "Which PCNs a team serves is viewable wherever the team is" on public.team_pcns
  for select to anon, authenticated using (exists (select 1 from public.teams t where t.id = team_pcns.team_id));
