import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { typedText } from '../schemas/common.ts';
import { problemTypeValues, reportLimits, type FieldProblem } from './report-fields.ts';

export { problemTypes, problemTypeValues, reportLimits, type ProblemType } from './report-fields.ts';

const optional = (max: number, label: string) =>
  typedText()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => v || null);

const email = typedText()
  .trim()
  .max(reportLimits.email, 'Email address must be 254 characters or fewer')
  .refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'Enter an email address in the correct format, like name@example.com')
  .transform((v) => v || null);

/** The field people leave empty and robots fill in (the database drops a report that has it); only its being empty matters. */
const honeypot = z.string().transform((value) => (value === '' ? '' : 'filled in'));

/** "Report a problem with this listing": the answers as the form holds them, checked as the database checks them. */
export const problemReportSchema = z
  .object({
    kind: z.literal('problem'),
    service_id: typedText()
      .min(1, 'The form lost which listing this is about. Go back to the service’s page and try again.')
      .max(200, 'The form lost which listing this is about. Go back to the service’s page and try again.'),
    problem: z.enum(problemTypeValues, { error: 'Select what is wrong with the listing' }),
    note: optional(reportLimits.note, 'What is wrong'),
    email,
    website: honeypot,
  })
  .refine((r) => r.problem !== 'other' || r.note !== null, { message: 'Tell us what is wrong with the listing', path: ['note'] });

/** "Suggest a group". */
export const groupSuggestionSchema = z.object({
  kind: z.literal('suggestion'),
  group_name: typedText()
    .trim()
    .min(1, 'Enter the name of the group')
    .max(reportLimits.groupName, 'The name must be 200 characters or fewer'),
  group_description: typedText()
    .trim()
    .min(1, 'Tell us what the group does')
    .max(reportLimits.groupDescription, 'What the group does must be 1200 characters or fewer'),
  group_where: optional(reportLimits.groupWhere, 'Where and when it meets'),
  group_contact: optional(reportLimits.groupContact, 'How to contact the group'),
  note: optional(reportLimits.note, 'Anything else'),
  email,
  website: honeypot,
});

export type ProblemReportInput = z.input<typeof problemReportSchema>;
export type GroupSuggestionInput = z.input<typeof groupSuggestionSchema>;

export type { FieldProblem } from './report-fields.ts';

export type ReportOutcome = { kind: 'sent' } | { kind: 'invalid'; problems: FieldProblem[] } | { kind: 'problem'; message: string };

const networkMessage = 'We could not send your report. Check your connection and try again: what you wrote is still here.';

/** Every problem zod found, one per field, in the form's order. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ field, message: issue.message }];
  });
}

/**
 * Checks the answers and sends them through public.submit_listing_report (anonymous callers and
 * staff alike). A field the database refuses comes back on that field; anything else as one message.
 */
export async function sendListingReport(client: SupabaseClient, input: ProblemReportInput | GroupSuggestionInput): Promise<ReportOutcome> {
  const parsed = input.kind === 'problem' ? problemReportSchema.safeParse(input) : groupSuggestionSchema.safeParse(input);
  if (!parsed.success) return { kind: 'invalid', problems: fieldProblems(parsed.error) };
  try {
    const { error } = await client.rpc('submit_listing_report', { report: parsed.data });
    if (!error) return { kind: 'sent' };
    if (error.hint && (error.code === 'SP422' || error.code === 'SP404'))
      return { kind: 'invalid', problems: [{ field: error.hint, message: error.message }] };
    if (error.code?.startsWith('SP')) return { kind: 'problem', message: error.message };
    return { kind: 'problem', message: networkMessage };
  } catch {
    return { kind: 'problem', message: networkMessage };
  }
}
