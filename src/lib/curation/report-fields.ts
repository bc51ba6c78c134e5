/**
 * The report forms' fixed parts, apart from the schemas (report.ts) so the public forms load zod and
 * supabase-js only when the person sends.
 */
/** What can be wrong with a listing, as residents put it; the values are public.listing_reports.problem. */
export const problemTypes = {
  closed: { label: 'It has closed or stopped running', hint: undefined },
  wrong_time: { label: 'The days or times are wrong', hint: 'For example, it now meets on Thursdays, not Tuesdays' },
  wrong_place: { label: 'The place or address is wrong', hint: undefined },
  wrong_contact: { label: 'The phone number, email or website is wrong', hint: undefined },
  other: { label: 'Something else', hint: undefined },
} as const;
export type ProblemType = keyof typeof problemTypes;
export const problemTypeValues = Object.keys(problemTypes) as [ProblemType, ...ProblemType[]];

/** The longest each answer may be, as the database (20261203006000_curation.sql) checks them. */
export const reportLimits = { note: 1200, groupName: 200, groupDescription: 1200, groupWhere: 300, groupContact: 300, email: 254 };

/** A problem with one answer, named by the field it is about. */
export interface FieldProblem {
  field: string;
  message: string;
}
