import type { CsvCell } from './csv.ts';
import { outcomeLabels, sourceLabels, wellbeingLabels } from './labels.ts';
import type { ReferralReport, ReportCount } from './schema.ts';

/**
 * Every table the reports screen shows, built once from the report: the screen renders them, the
 * charts draw from them, and "Download as CSV" writes exactly these cells. A suppressed count
 * reads "fewer than 5"; a share, mean or median that is withheld reads "not shown (fewer than 5)";
 * one with nothing to count reads "none".
 */
export interface ReportTable {
  id: string;
  title: string;
  /** What the figures are, in a sentence, for the caption and the chart's description. */
  description: string;
  head: string[];
  rows: CsvCell[][];
  /** For a bar chart: one bar per row, null where the figure is suppressed or missing. */
  chart?: { axis: string; labels: string[]; values: (number | null)[] };
}

export const notShown = 'not shown (fewer than 5)';
export const nothing = 'none';

const chartValue = (count: ReportCount): number | null => (typeof count === 'number' ? count : null);

/** A share for a table: "60%", "not shown (fewer than 5)" when withheld, "none" with nothing to divide. */
export function shareCell(share: number | null, whole: ReportCount): CsvCell {
  if (share !== null) return `${Math.round(share * 1000) / 10}%`;
  return whole === 0 ? nothing : notShown;
}

/** A median, mean or rate: the number, or why it is missing. */
export function figureCell(value: number | null, group: ReportCount): CsvCell {
  if (value !== null) return value;
  return group === 0 ? nothing : notShown;
}

export function poundsCell(pence: number | null, group: ReportCount): CsvCell {
  if (pence === null) return group === 0 ? nothing : notShown;
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function reportTables(report: ReferralReport): ReportTable[] {
  const { first_contact: fc, outcomes, attending, spend, freshness } = report;
  const bySource = report.by_source.map((s) => [sourceLabels[s.source], s.referrals] as const);
  const byPractice = report.by_practice.map((p) => [p.name, p.pcn, p.referrals] as const);
  const byNeed = report.by_need.map((n) => [n.label, n.referrals] as const);
  const byOutcome = outcomes.by_outcome.map((o) => [outcomeLabels[o.outcome], o.referrals, shareCell(o.share, outcomes.closed)] as const);
  const byTeam = report.by_team.map((t) => [t.team, t.referrals, figureCell(t.per_year, t.referrals)] as const);
  return [
    {
      id: 'by-source',
      title: 'Referrals by source',
      description: 'Referrals that arrived in the period, by who made them.',
      head: ['Source', 'Referrals'],
      rows: bySource.map((r) => [...r]),
      chart: { axis: 'Referrals', labels: bySource.map((r) => r[0]), values: report.by_source.map((s) => chartValue(s.referrals)) },
    },
    {
      id: 'by-practice',
      title: 'Referrals by GP practice',
      description: 'Every GP practice in the areas shown, fewest referrals first, so a practice that rarely refers stands out.',
      head: ['GP practice', 'Area (PCN)', 'Referrals'],
      rows: byPractice.map((r) => [...r]),
      chart: { axis: 'Referrals', labels: byPractice.map((r) => r[0]), values: report.by_practice.map((p) => chartValue(p.referrals)) },
    },
    {
      id: 'by-need',
      title: 'Referrals by need',
      description: 'What people asked for help with; one referral can name several needs.',
      head: ['Need', 'Referrals'],
      rows: byNeed.map((r) => [...r]),
      chart: { axis: 'Referrals', labels: byNeed.map((r) => r[0]), values: report.by_need.map((n) => chartValue(n.referrals)) },
    },
    {
      id: 'first-contact',
      title: 'Time to first contact',
      description:
        'Working days (Monday to Friday, not bank holidays in England and Wales) from the day a referral arrived to the day of first contact; contact on the same day is 0.',
      head: ['Measure', 'Value'],
      rows: [
        ['Referrals contacted', fc.contacted],
        ['Referrals not (yet) contacted', fc.not_contacted],
        ['Median working days to first contact', figureCell(fc.median_working_days, fc.contacted)],
        ['90th percentile working days to first contact', figureCell(fc.p90_working_days, fc.contacted)],
      ],
    },
    {
      id: 'outcomes',
      title: 'Outcomes of closed referrals',
      description: `Of the referrals that arrived in the period, ${cellText(outcomes.closed)} are closed (${cellText(shareCell(outcomes.closed_share, report.referrals))}); each outcome as a share of those closed.`,
      head: ['Outcome', 'Closed referrals', 'Share of closed'],
      rows: byOutcome.map((r) => [...r]),
      chart: {
        axis: 'Closed referrals',
        labels: byOutcome.map((r) => r[0]),
        values: outcomes.by_outcome.map((o) => chartValue(o.referrals)),
      },
    },
    {
      id: 'attending',
      title: 'Attending a service in their plan',
      description: 'People whose plan names at least one service, and how many of them attend one.',
      head: ['Measure', 'Value'],
      rows: [
        ['People with services in their plan', attending.with_plan],
        ['Attending at least one', attending.attending],
        ['Share attending', shareCell(attending.share, attending.with_plan)],
      ],
    },
    {
      id: 'wellbeing',
      title: 'Wellbeing change (ONS4)',
      description:
        'Mean change from the first start answers to the latest review, in points out of 10, for people with both. A rise is better, except for anxiety, where a fall is better.',
      head: ['Question', 'People with a start and a review', 'Mean change (points)'],
      rows: report.wellbeing.map((w) => [wellbeingLabels[w.question], w.people, figureCell(w.mean_change, w.people)]),
      chart: {
        axis: 'Mean change (points out of 10)',
        labels: report.wellbeing.map((w) => wellbeingLabels[w.question]),
        values: report.wellbeing.map((w) => w.mean_change),
      },
    },
    {
      id: 'by-team',
      title: 'Cases per year by team',
      description: `Referrals to each team in the period, and a year at that rate (over ${report.period.days} days).`,
      head: ['Team', 'Referrals in the period', 'A year at this rate'],
      rows: byTeam.map((r) => [...r]),
      chart: { axis: 'A year at this rate', labels: byTeam.map((r) => r[0]), values: report.by_team.map((t) => t.per_year) },
    },
    {
      id: 'spend',
      title: 'Practical-help spend',
      description: "Spending from teams' practical-help funds on these referrals (top-ups and spending on no one case are left out).",
      head: ['Measure', 'Value'],
      rows: [
        ['Cases', spend.cases],
        ['Cases that needed spend', spend.cases_with_spend],
        ['Share of cases that needed spend', shareCell(spend.share_with_spend, spend.cases)],
        ['Total spend', poundsCell(spend.total_pence, spend.cases_with_spend)],
        ['Spend per case that needed it', poundsCell(spend.mean_pence_per_case_with_spend, spend.cases_with_spend)],
        ['Spend per case, over every case', poundsCell(spend.mean_pence_per_case, spend.cases)],
      ],
    },
    {
      id: 'freshness',
      title: 'Directory freshness',
      description: `Published services in the whole directory that a person checked recently, as of ${freshness.as_of}.`,
      head: ['Measure', 'Value'],
      rows: [
        ['Published services', freshness.published],
        ['Checked in the last 90 days', freshness.checked_90_days],
        ['Share checked in the last 90 days', shareCell(freshness.share_90_days, freshness.published)],
        ['Checked in the last 12 months', freshness.checked_12_months],
        ['Share checked in the last 12 months', shareCell(freshness.share_12_months, freshness.published)],
      ],
    },
  ];
}

function cellText(cell: CsvCell): string {
  return cell === null ? '' : typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell;
}
