import { z } from 'zod';
import { typedText } from '../schemas/common.ts';
import type { SessionClient } from '../supabase-session.ts';
import { caseworkErrorFrom } from './errors.ts';

export const fundEntrySchema = z.object({
  id: z.number().int(),
  team_id: z.uuid(),
  referral_id: z.uuid().nullable(),
  kind: z.enum(['top_up', 'spend']),
  amount_pence: z.number().int().positive(),
  purpose: z.string(),
  supplier: z.string().nullable(),
  approved_by: z.string().nullable(),
  recorded_at: z.string(),
});
export type FundEntry = z.infer<typeof fundEntrySchema>;

export const fundLimits = { purpose: 300, supplier: 200, approvedBy: 100 } as const;

const text = (max: number, missing: string, label: string) =>
  typedText().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);

/** A spend as the form sends it (the amount already read into pence by money.ts). */
export const spendInputSchema = z.object({
  amount_pence: z.number().int().positive(),
  purpose: text(fundLimits.purpose, 'Enter what the money was for', 'What the money was for'),
  supplier: text(fundLimits.supplier, 'Enter who was paid', 'Who was paid'),
  approved_by: text(fundLimits.approvedBy, 'Enter who approved the spend', 'Who approved the spend'),
});
export type SpendInput = z.infer<typeof spendInputSchema>;

export const topUpInputSchema = z.object({
  team_id: z.uuid('Choose the team'),
  amount_pence: z.number().int().positive(),
  purpose: text(fundLimits.purpose, 'Enter where the money comes from', 'Where the money comes from'),
  approved_by: typedText()
    .trim()
    .max(fundLimits.approvedBy, `Who approved it must be ${fundLimits.approvedBy} characters or fewer`)
    .transform((s) => s || null),
});
export type TopUpInput = z.output<typeof topUpInputSchema>;

const entryColumns = 'id, team_id, referral_id, kind, amount_pence, purpose, supplier, approved_by, recorded_at';

/** What was spent on one referral (any team's fund), oldest first. */
export async function loadSpends(client: SessionClient, referralId: string): Promise<FundEntry[]> {
  const { data, error } = await client
    .from('team_fund_entries')
    .select(entryColumns)
    .eq('referral_id', referralId)
    .eq('kind', 'spend')
    .order('recorded_at');
  if (error) throw caseworkErrorFrom(error);
  return z.array(fundEntrySchema).parse(data);
}

export const teamFundSchema = z.object({
  team_id: z.uuid(),
  balance_pence: z.number().int(),
  team: z.object({ name: z.string() }).nullable(),
});
export type TeamFund = z.infer<typeof teamFundSchema>;

/** The balances the caller may read: their own team's, or every team's for an admin. */
export async function loadBalances(client: SessionClient): Promise<TeamFund[]> {
  const { data, error } = await client.from('team_funds').select('team_id, balance_pence, team:teams(name)');
  if (error) throw caseworkErrorFrom(error);
  return z.array(teamFundSchema).parse(data);
}

export const teamEntrySchema = fundEntrySchema.extend({ referral: z.object({ reference: z.string() }).nullable() });
export type TeamEntry = z.infer<typeof teamEntrySchema>;

/** A team's top-ups and spends, newest first (an admin reads top-ups only). */
export async function loadTeamEntries(client: SessionClient, teamId: string): Promise<TeamEntry[]> {
  const { data, error } = await client
    .from('team_fund_entries')
    .select(`${entryColumns}, referral:referrals(reference)`)
    .eq('team_id', teamId)
    .order('recorded_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(200);
  if (error) throw caseworkErrorFrom(error);
  return z.array(teamEntrySchema).parse(data);
}

const recordedSchema = fundEntrySchema.extend({ balance_pence: z.number().int() });
export type Recorded = z.infer<typeof recordedSchema>;

export async function recordSpend(client: SessionClient, referralId: string, spend: SpendInput): Promise<Recorded> {
  const result = await client.rpc('record_fund_spend', { referral_id: referralId, ...spend });
  if (result.error) throw caseworkErrorFrom(result.error);
  return recordedSchema.parse(result.data);
}

export async function topUp(client: SessionClient, input: TopUpInput): Promise<Recorded> {
  const result = await client.rpc('top_up_team_fund', input);
  if (result.error) throw caseworkErrorFrom(result.error);
  return recordedSchema.parse(result.data);
}
