import { z } from 'zod';
import { referralSources } from '../referrals/schema.ts';

/**
 * The report `public.report_referrals()` returns (supabase/migrations/20261203007000_reports.sql;
 * docs/reports.md). A count is a number, or "fewer than 5" where small numbers are suppressed; a
 * share (0 to 1), mean or percentile is null when there is nothing to divide or it is suppressed.
 * A count next to a lone "fewer than 5" in a breakdown may read "not shown" (secondary suppression).
 */
export const suppressedCount = 'fewer than 5';
/** A count hidden only so that a small one beside it cannot be worked out from the total. */
export const protectingCount = 'not shown';
const count = z.union([z.number().int().min(0), z.literal(suppressedCount), z.literal(protectingCount)]);
export type ReportCount = z.infer<typeof count>;
const share = z.number().min(0).max(1).nullable();
const figure = z.number().nullable();

export const referralOutcomes = [
  'connected_to_services',
  'needs_met',
  'person_chose_to_stop',
  'could_not_contact',
  'moved_away_or_not_eligible',
  'other',
] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

export const wellbeingQuestions = ['life_satisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
export type WellbeingQuestion = (typeof wellbeingQuestions)[number];

export const referralReportSchema = z.object({
  period: z.object({ from: z.iso.date(), to: z.iso.date(), days: z.number().int().positive() }),
  pcn_id: z.string().nullable(),
  team_id: z.string().nullable(),
  suppressed: z.boolean(),
  referrals: count,
  by_source: z.array(z.object({ source: z.enum(referralSources), referrals: count })),
  by_practice: z.array(z.object({ code: z.string(), name: z.string(), pcn: z.string(), referrals: count })),
  by_need: z.array(z.object({ need: z.string(), label: z.string(), referrals: count })),
  first_contact: z.object({ contacted: count, not_contacted: count, median_working_days: figure, p90_working_days: figure }),
  outcomes: z.object({
    closed: count,
    closed_share: share,
    by_outcome: z.array(z.object({ outcome: z.enum(referralOutcomes), referrals: count, share })),
  }),
  attending: z.object({ with_plan: count, attending: count, share }),
  wellbeing: z.array(z.object({ question: z.enum(wellbeingQuestions), people: count, mean_change: figure })),
  by_team: z.array(z.object({ team: z.string(), referrals: count, per_year: figure })),
  spend: z.object({
    cases: count,
    cases_with_spend: count,
    share_with_spend: share,
    total_pence: figure,
    mean_pence_per_case_with_spend: figure,
    mean_pence_per_case: figure,
  }),
  freshness: z.object({
    as_of: z.iso.date(),
    published: z.number().int().min(0),
    checked_90_days: z.number().int().min(0),
    checked_12_months: z.number().int().min(0),
    share_90_days: share,
    share_12_months: share,
  }),
});
export type ReferralReport = z.infer<typeof referralReportSchema>;

/** What `public.report_scopes()` offers the caller in the pickers. */
export const reportScopesSchema = z.object({
  role: z.enum(['admin', 'coordinator', 'link_worker']),
  team_id: z.string().nullable(),
  pcns: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  teams: z.array(z.object({ id: z.string(), name: z.string(), pcn_ids: z.array(z.string()) })),
});
export type ReportScopes = z.infer<typeof reportScopesSchema>;

/** The report's question: a period of London dates (both included), optionally one area and one team. */
export const reportRequestSchema = z
  .object({
    from: z.iso.date('Enter the first day of the period as a real date, for example 2026-04-01'),
    to: z.iso.date('Enter the last day of the period as a real date, for example 2026-06-30'),
    pcn: z.string().nullable(),
    team: z.string().nullable(),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The last day of the period must be the same as or after the first day' });
export type ReportRequest = z.infer<typeof reportRequestSchema>;
