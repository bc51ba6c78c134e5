import { z } from 'zod';
import { referralErrorFrom } from '../referrals/errors.ts';
import { referralSources, referralStatuses, type ReferralStatus } from '../referrals/schema.ts';
import type { SessionClient } from '../supabase-session.ts';
import { rpc } from './rpc.ts';

/**
 * The inbox through public.workspace_inbox and public.workspace_inbox_counts (security invoker:
 * row level security decides; migration 20261203005000_workspace_triage.sql): the referrals of
 * the caller's teams (a link worker) or of the PCNs their team serves (a coordinator), overdue
 * first, then newest.
 */
export const inboxFiltersSchema = z.object({
  status: z.enum(referralStatuses).optional(),
  need: z.string().min(1).max(80).optional(),
  pcn: z.uuid().optional(),
  practice: z.uuid().optional(),
  source: z.enum(referralSources).optional(),
  team: z.uuid().optional(),
  assigned_to_me: z.boolean().optional(),
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export const inboxRowSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(referralStatuses),
  source: z.enum(referralSources),
  needs: z.array(z.string()),
  team_id: z.uuid(),
  pcn_id: z.uuid(),
  gp_practice_id: z.uuid(),
  assigned_to: z.uuid().nullable(),
  given_name: z.string(),
  family_name: z.string(),
  created_at: z.string(),
  first_contact_due_on: z.string().nullable(),
  overdue: z.boolean(),
  total: z.number().int(),
});
export type InboxRow = z.infer<typeof inboxRowSchema>;

export const pageSize = 50;

/** Filters as the address keeps them (#inbox?status=new&…), so Back returns to the same view. */
export function filtersFromQuery(query: string): InboxFilters {
  const params = new URLSearchParams(query);
  const raw: Record<string, unknown> = {};
  for (const key of ['status', 'need', 'pcn', 'practice', 'source', 'team'] as const) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  if (params.get('mine') === 'yes') raw.assigned_to_me = true;
  const parsed = inboxFiltersSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export function filtersToQuery(filters: InboxFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'assigned_to_me') {
      if (value) params.set('mine', 'yes');
    } else if (typeof value === 'string' && value) params.set(key, value);
  }
  return params.toString();
}

const args = (filters: InboxFilters) => ({
  need: filters.need ?? null,
  pcn: filters.pcn ?? null,
  practice: filters.practice ?? null,
  source: filters.source ?? null,
  team: filters.team ?? null,
  assigned_to_me: filters.assigned_to_me ?? false,
});

export async function loadInbox(client: SessionClient, filters: InboxFilters, offset = 0): Promise<{ rows: InboxRow[]; total: number }> {
  const data = await rpc(client, 'workspace_inbox', {
    ...args(filters),
    status: filters.status ?? null,
    page_size: pageSize,
    page_offset: offset,
  });
  const rows = z.array(inboxRowSchema).parse(data);
  return { rows, total: rows[0]?.total ?? 0 };
}

const countRowSchema = z.object({ status: z.enum(referralStatuses), total: z.number().int(), overdue: z.number().int() });
export type InboxCounts = Partial<Record<ReferralStatus, { total: number; overdue: number }>>;

/** How many referrals of each status match the other filters, and how many of those are overdue. */
export async function loadInboxCounts(client: SessionClient, filters: InboxFilters): Promise<InboxCounts> {
  const data = await rpc(client, 'workspace_inbox_counts', args(filters));
  return Object.fromEntries(
    z
      .array(countRowSchema)
      .parse(data)
      .map((r) => [r.status, { total: r.total, overdue: r.overdue }]),
  );
}

/** Messages from the person not yet read by this member of staff, per referral. */
export async function loadUnread(client: SessionClient, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const data = await rpc(client, 'unread_message_counts', { referral_ids: ids });
  const rows = z.array(z.object({ referral_id: z.uuid(), unread: z.number().int() })).parse(data);
  return new Map(rows.map((r) => [r.referral_id, r.unread]));
}

const choiceSchema = z.object({ id: z.uuid(), name: z.string() });
export type Choice = z.infer<typeof choiceSchema>;
export interface InboxChoices {
  teams: Choice[];
  pcns: Choice[];
  practices: (Choice & { pcn_id: string })[];
}

/** The teams, PCNs and GP practices the caller's inbox can hold, for its filters. */
export async function loadInboxChoices(client: SessionClient): Promise<InboxChoices> {
  const [teams, pcns] = await Promise.all([rpc(client, 'my_link_worker_teams', {}), rpc(client, 'my_coordinated_pcns', {})]);
  const myTeams = z.array(z.uuid()).parse(teams ?? []);
  let pcnIds = z.array(z.uuid()).parse(pcns ?? []);
  if (myTeams.length) {
    const served = await client.from('team_pcns').select('pcn_id').in('team_id', myTeams);
    if (served.error) throw referralErrorFrom(served.error, served.status);
    pcnIds = [
      ...new Set([
        ...pcnIds,
        ...z
          .array(z.object({ pcn_id: z.uuid() }))
          .parse(served.data)
          .map((r) => r.pcn_id),
      ]),
    ];
  }
  if (!pcnIds.length) return { teams: [], pcns: [], practices: [] };
  const [pcnRows, practiceRows, teamRows] = await Promise.all([
    client.from('pcns').select('id, name').in('id', pcnIds).order('name'),
    client.from('gp_practices').select('id, name, pcn_id').in('pcn_id', pcnIds).order('name'),
    myTeams.length
      ? client.from('teams').select('id, name').in('id', myTeams).order('name')
      : client.from('teams').select('id, name, team_pcns!inner(pcn_id)').in('team_pcns.pcn_id', pcnIds).order('name'),
  ]);
  for (const r of [pcnRows, practiceRows, teamRows]) if (r.error) throw referralErrorFrom(r.error, r.status);
  return {
    pcns: z.array(choiceSchema).parse(pcnRows.data),
    practices: z.array(choiceSchema.extend({ pcn_id: z.uuid() })).parse(practiceRows.data),
    teams: z.array(choiceSchema.pick({ id: true, name: true })).parse(teamRows.data),
  };
}
