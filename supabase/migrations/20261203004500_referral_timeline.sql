-- The referral's timeline and its closing outcome: the shared ground of the staff workspace.
-- The record's timeline is referral_events, written only by the database (triggers and the
-- workspace's security definer functions), never by a client: each event now says which member
-- of staff made it (actor_id) and carries what the timeline shows about it (detail: for example
-- the team a referral was routed to and why, a contact attempt's method, a plan change, a spend).
-- Events the person should not see (routing between teams, case notes, spend) set
-- person_visible = false. A closed referral has an outcome; no other status has one.

-- ── Tables ──────────────────────────────────────────────────────────────────────────────

alter table public.referral_events
  add column actor_id uuid references auth.users (id) on delete set null,
  add column detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object'),
  drop constraint referral_events_kind_check,
  add constraint referral_events_kind_check check (kind in (
    'submitted', 'status_changed', 'assigned', 'routed', 'declined', 'contact_made', 'case_note_added',
    'plan_changed', 'wellbeing_recorded', 'spend_recorded'));
create index referral_events_actor_id_idx on public.referral_events (actor_id);
-- For reports: the first time each referral reached a status (first contact).
create index referral_events_to_status_idx on public.referral_events (to_status, referral_id, at);

comment on column public.referral_events.detail is
  'What the timeline shows about the event (no free text from the person); written by the database.';

alter table public.referrals
  add column outcome text check (outcome in ('connected_to_services', 'needs_met', 'person_chose_to_stop',
    'could_not_contact', 'moved_away_or_not_eligible', 'other'));
-- Referrals closed before outcomes were recorded: their outcome is unknown.
update public.referrals set outcome = 'other' where status = 'closed';
alter table public.referrals add constraint referrals_outcome_when_closed check ((status = 'closed') = (outcome is not null));

comment on column public.referrals.outcome is 'Why a closed referral was closed; set only when status is closed.';
