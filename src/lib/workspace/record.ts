import { z } from 'zod';
import { typedText } from '../schemas/common.ts';
import { referralErrorFrom } from '../referrals/errors.ts';
import { contactMethods, dischargeNeeds, referralSources, referralStatuses, type ReferralStatus } from '../referrals/schema.ts';
import type { SessionClient } from '../supabase-session.ts';
import { rpc } from './rpc.ts';
import { outcomes, type ContactMethod, type ContactResult, type Outcome } from './words.ts';

/**
 * One referral as the workspace reads and changes it. Opening it writes the staff access log
 * first (public.log_staff_access): when the log cannot be written, the record does not open.
 * Every change goes through the workspace's security definer functions, which refuse what the
 * workflow does not allow and write the timeline; failures are ReferralErrors with a message fit
 * to show and, in `field`, the answer they are about.
 */
export const referralRecordColumns =
  'id, reference, status, outcome, decline_reason, source, created_at, status_changed_at, team_id, pcn_id, gp_practice_id, ' +
  'assigned_to, first_contact_due_on, given_name, family_name, date_of_birth, postcode, needs, what_matters, contact_methods, ' +
  'phone, email, safe_times, may_leave_message, access_needs, interpreter_language, consent_version, consent_recorded_at, ' +
  'referrer_name, referrer_role, referrer_organisation, referrer_phone, referrer_email, reason, discharge_needs, ward, ' +
  'expected_discharge_date, withdraw_reason, team:teams(id, name), practice:gp_practices(name, code), pcn:pcns(name)';

export const referralRecordSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(referralStatuses),
  outcome: z.enum(outcomes).nullable(),
  decline_reason: z.string().nullable(),
  source: z.enum(referralSources),
  created_at: z.string(),
  status_changed_at: z.string(),
  team_id: z.uuid(),
  pcn_id: z.uuid(),
  gp_practice_id: z.uuid(),
  assigned_to: z.uuid().nullable(),
  first_contact_due_on: z.string().nullable(),
  given_name: z.string(),
  family_name: z.string(),
  date_of_birth: z.string(),
  postcode: z.string(),
  needs: z.array(z.string()),
  what_matters: z.string().nullable(),
  contact_methods: z.array(z.enum(contactMethods)),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  safe_times: z.string().nullable(),
  may_leave_message: z.boolean(),
  access_needs: z.string().nullable(),
  interpreter_language: z.string().nullable(),
  consent_version: z.string(),
  consent_recorded_at: z.string(),
  referrer_name: z.string().nullable(),
  referrer_role: z.string().nullable(),
  referrer_organisation: z.string().nullable(),
  referrer_phone: z.string().nullable(),
  referrer_email: z.string().nullable(),
  reason: z.string().nullable(),
  discharge_needs: z.array(z.enum(dischargeNeeds)),
  ward: z.string().nullable(),
  expected_discharge_date: z.string().nullable(),
  withdraw_reason: z.string().nullable(),
  team: z.object({ id: z.uuid(), name: z.string() }),
  practice: z.object({ name: z.string(), code: z.string() }),
  pcn: z.object({ name: z.string() }),
});
export type ReferralRecord = z.infer<typeof referralRecordSchema>;

export const timelineEventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  from_status: z.enum(referralStatuses).nullable(),
  to_status: z.enum(referralStatuses),
  actor: z.enum(['owner', 'staff', 'system']),
  actor_id: z.uuid().nullable(),
  person_visible: z.boolean(),
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const caseNoteSchema = z.object({ id: z.number().int(), author_id: z.uuid().nullable(), body: z.string(), created_at: z.string() });
export type CaseNote = z.infer<typeof caseNoteSchema>;
export const caseNoteBodySchema = typedText()
  .trim()
  .min(1, { error: 'Enter the case note' })
  .max(4000, { error: 'The case note must be 4000 characters or fewer' });

export class RecordNotFound extends Error {}

/** Logs the view, then reads the referral: row level security returns nothing outside the caller's teams. */
export async function openRecord(client: SessionClient, referralId: string): Promise<ReferralRecord> {
  if (!z.uuid().safeParse(referralId).success) throw new RecordNotFound('That is not a referral’s address. Go back to the inbox.');
  try {
    await rpc(client, 'log_staff_access', { record_kind: 'referral', record_id: referralId, action: 'viewed' });
  } catch (error) {
    throw new Error(`The referral was not opened because your viewing could not be recorded (${(error as Error).message}). Try again.`, {
      cause: error,
    });
  }
  return readRecord(client, referralId);
}

/** Reads the record again after a change (the same view: no second entry in the access log). */
export async function readRecord(client: SessionClient, referralId: string): Promise<ReferralRecord> {
  const { data, error, status } = await client.from('referrals').select(referralRecordColumns).eq('id', referralId).maybeSingle();
  if (error) throw referralErrorFrom(error, status);
  if (!data) throw new RecordNotFound('We could not find that referral in your teams. It may have been routed to another team.');
  return referralRecordSchema.parse(data);
}

export async function loadTimeline(client: SessionClient, referralId: string): Promise<TimelineEvent[]> {
  const { data, error, status } = await client
    .from('referral_events')
    .select('id, kind, from_status, to_status, actor, actor_id, person_visible, detail, at')
    .eq('referral_id', referralId)
    .order('id');
  if (error) throw referralErrorFrom(error, status);
  return z.array(timelineEventSchema).parse(data);
}

export async function loadCaseNotes(client: SessionClient, referralId: string): Promise<CaseNote[]> {
  const { data, error, status } = await client
    .from('referral_case_notes')
    .select('id, author_id, body, created_at')
    .eq('referral_id', referralId)
    .order('id');
  if (error) throw referralErrorFrom(error, status);
  return z.array(caseNoteSchema).parse(data);
}

/** Names of colleagues by user id (staff see their colleagues). */
export async function loadStaffNames(client: SessionClient, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { data, error, status } = await client.from('staff_members').select('user_id, display_name').in('user_id', unique);
  if (error) throw referralErrorFrom(error, status);
  return new Map(
    z
      .array(z.object({ user_id: z.uuid(), display_name: z.string() }))
      .parse(data)
      .map((s) => [s.user_id, s.display_name]),
  );
}

const personSchema = z.object({ id: z.uuid(), name: z.string() });
export type Colleague = z.infer<typeof personSchema>;

/** The link workers of a team (its own and members through staff_team_memberships), for assignment. */
export async function loadTeamLinkWorkers(client: SessionClient, teamId: string): Promise<Colleague[]> {
  const members = await client.from('staff_team_memberships').select('user_id').eq('team_id', teamId);
  if (members.error) throw referralErrorFrom(members.error, members.status);
  const extra = z
    .array(z.object({ user_id: z.uuid() }))
    .parse(members.data)
    .map((m) => m.user_id);
  const filter = extra.length ? `team_id.eq.${teamId},user_id.in.(${extra.join(',')})` : `team_id.eq.${teamId}`;
  const { data, error, status } = await client
    .from('staff_members')
    .select('user_id, display_name')
    .eq('role', 'link_worker')
    .eq('active', true)
    .or(filter)
    .order('display_name');
  if (error) throw referralErrorFrom(error, status);
  return z
    .array(z.object({ user_id: z.uuid(), display_name: z.string() }))
    .parse(data)
    .map((s) => ({ id: s.user_id, name: s.display_name }));
}

/** The other teams serving the referral's PCN, where a coordinator may route it. */
export async function loadRoutingTeams(client: SessionClient, pcnId: string, exceptTeam: string): Promise<Colleague[]> {
  const { data, error, status } = await client.from('team_pcns').select('team:teams(id, name)').eq('pcn_id', pcnId);
  if (error) throw referralErrorFrom(error, status);
  return z
    .array(z.object({ team: personSchema.nullable() }))
    .parse(data)
    .flatMap((r) => (r.team && r.team.id !== exceptTeam ? [r.team] : []))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export const moveReferral = (
  client: SessionClient,
  referralId: string,
  toStatus: ReferralStatus,
  extra: { outcome?: Outcome | undefined; reason?: string | undefined } = {},
) =>
  rpc(client, 'move_referral', {
    referral_id: referralId,
    to_status: toStatus,
    outcome: extra.outcome ?? null,
    reason: extra.reason ?? null,
  });

export const assignReferral = (client: SessionClient, referralId: string, assignee: string | null) =>
  rpc(client, 'assign_referral', { referral_id: referralId, assignee });

export const routeReferral = (client: SessionClient, referralId: string, toTeam: string, reason: string) =>
  rpc(client, 'route_referral', { referral_id: referralId, to_team: toTeam, reason });

export const recordContact = (client: SessionClient, referralId: string, method: ContactMethod, result: ContactResult) =>
  rpc(client, 'record_contact', { referral_id: referralId, method, result });

export async function addCaseNote(client: SessionClient, referralId: string, authorId: string, body: string): Promise<void> {
  const { error, status } = await client.from('referral_case_notes').insert({ referral_id: referralId, author_id: authorId, body });
  if (error) throw referralErrorFrom(error, status);
}
