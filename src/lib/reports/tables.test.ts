import { describe, expect, it } from 'vitest';
import { referralReportSchema, type ReferralReport } from './schema.ts';
import { figureCell, notShown, nothing, poundsCell, reportTables, shareCell } from './tables.ts';

const f5 = 'fewer than 5' as const;
const report: ReferralReport = referralReportSchema.parse({
  period: { from: '2026-03-01', to: '2026-03-31', days: 31 },
  pcn_id: null,
  team_id: null,
  suppressed: true,
  referrals: 7,
  by_source: [
    { source: 'self', referrals: f5 },
    { source: 'gp_practice', referrals: 0 },
  ],
  by_practice: [{ code: 'X00001', name: '=cmd|calc', pcn: 'Lynnfield PCN', referrals: 5 }],
  by_need: [{ need: 'money', label: 'Money, debt and benefits', referrals: f5 }],
  first_contact: { contacted: 6, not_contacted: f5, median_working_days: 2, p90_working_days: 7 },
  outcomes: { closed: 5, closed_share: 0.7143, by_outcome: [{ outcome: 'needs_met', referrals: f5, share: null }] },
  attending: { with_plan: 0, attending: 0, share: null },
  wellbeing: [{ question: 'anxiety', people: f5, mean_change: null }],
  by_team: [{ team: 'Team T', referrals: 7, per_year: 82 }],
  spend: {
    cases: 7,
    cases_with_spend: f5,
    share_with_spend: null,
    total_pence: null,
    mean_pence_per_case_with_spend: null,
    mean_pence_per_case: null,
  },
  freshness: { as_of: '2026-12-03', published: 10, checked_90_days: 4, checked_12_months: 8, share_90_days: 0.4, share_12_months: 0.8 },
});
const table = (id: string) => reportTables(report).find((t) => t.id === id)!;

describe('the report tables', () => {
  it('show a suppressed count as "fewer than 5" and draw no bar for it', () => {
    expect(table('by-source').rows).toEqual([
      ['The person themself', f5],
      ['GP practice', 0],
    ]);
    expect(table('by-source').chart!.values).toEqual([null, 0]);
  });

  it('say why a share or median is missing: withheld, or nothing to count', () => {
    expect(shareCell(null, f5)).toBe(notShown);
    expect(shareCell(null, 12)).toBe(notShown);
    expect(shareCell(null, 0)).toBe(nothing);
    expect(shareCell(0.7143, 7)).toBe('71.4%');
    expect(figureCell(null, 0)).toBe(nothing);
    expect(figureCell(2, 6)).toBe(2);
    expect(table('attending').rows[2]).toEqual(['Share attending', nothing]);
    expect(table('outcomes').rows[0]).toEqual(['Needs met', f5, notShown]);
  });

  it('write money in pounds', () => {
    expect(poundsCell(483_333, 3)).toBe('£4,833.33');
    expect(poundsCell(0, 0)).toBe('£0.00');
    expect(table('spend').rows[3]).toEqual(['Total spend', notShown]);
  });

  it('keep names as they are: the CSV writer, not the table, makes them safe', () => {
    expect(table('by-practice').rows[0]).toEqual(['=cmd|calc', 'Lynnfield PCN', 5]);
  });

  it('give every table a heading row as long as its rows', () => {
    for (const t of reportTables(report)) for (const row of t.rows) expect([t.id, row.length]).toEqual([t.id, t.head.length]);
  });
});
