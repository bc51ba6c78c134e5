import { z } from 'zod';
import type { SessionClient } from '../supabase-session.ts';
import { problemTypeValues } from './report.ts';
import { CurationError } from './listings.ts';

/** A problem report or suggested group as curators read it (public.listing_reports). */
export const listingReportSchema = z.object({
  id: z.string(),
  kind: z.enum(['problem', 'suggestion']),
  service_id: z.string().nullable(),
  problem: z.enum(problemTypeValues).nullable(),
  note: z.string().nullable(),
  group_name: z.string().nullable(),
  group_description: z.string().nullable(),
  group_where: z.string().nullable(),
  group_contact: z.string().nullable(),
  reporter_email: z.string().nullable(),
  source: z.enum(['public', 'staff']),
  status: z.enum(['pending', 'accepted', 'rejected']),
  decision_note: z.string().nullable(),
  created_at: z.string(),
  service: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ListingReport = z.infer<typeof listingReportSchema>;

const columns = '*, service:services(id, name)';

/** What supabase-js answers, read as unknown until a schema parses it. */
type Answer = { data: unknown; error: { message: string } | null };

export async function loadPendingReports(client: SessionClient): Promise<ListingReport[]> {
  const { data, error }: { data: unknown; error: { message: string } | null } = await client
    .from('listing_reports')
    .select(columns)
    .eq('status', 'pending')
    .order('created_at')
    .limit(200);
  if (error) throw new CurationError(`The reports did not load: ${error.message}. Try again in a minute.`);
  return z.array(listingReportSchema).parse(data);
}

export async function loadReport(client: SessionClient, id: string): Promise<ListingReport> {
  const result: Answer = await client.from('listing_reports').select(columns).eq('id', id).maybeSingle();
  if (result.error) throw new CurationError(`The report did not load: ${result.error.message}. Try again in a minute.`);
  if (!result.data) throw new CurationError('That report does not exist, or you cannot see it.');
  return listingReportSchema.parse(result.data);
}

/** Records the decision (public.decide_listing_report), which queues the reporter's mail. */
export async function decideReport(client: SessionClient, id: string, decision: 'accepted' | 'rejected', note: string): Promise<void> {
  const { error } = await client.rpc('decide_listing_report', { report_id: id, decision, note: note.trim() || null });
  if (error)
    throw new CurationError(error.code?.startsWith('SP') ? error.message : `The decision was not saved: ${error.message}. Try again.`);
}

export const reviewRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  organization_name: z.string().nullable(),
  published: z.boolean(),
  hidden_reason: z.string().nullable(),
  assured_date: z.string().nullable(),
  due_on: z.string(),
  highlighted: z.boolean(),
  views: z.number(),
  shortlists: z.number(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;

export async function loadReviewQueue(client: SessionClient): Promise<ReviewRow[]> {
  const result: Answer = await client.rpc('review_queue', { max_rows: 500 });
  if (result.error) throw new CurationError(`The review queue did not load: ${result.error.message}. Try again in a minute.`);
  return z.array(reviewRowSchema).parse(result.data);
}

export async function hideUnverifiable(client: SessionClient): Promise<number> {
  const result: Answer = await client.rpc('hide_unverifiable_listings');
  if (result.error) throw new CurationError(`Nothing was hidden: ${result.error.message}. Try again in a minute.`);
  return z.number().parse(result.data);
}
