import type { GroupSuggestionInput, ProblemReportInput, ReportOutcome } from '../../lib/curation/report.ts';
import type { SupabaseConnection } from '../../lib/supabase-session.ts';

/**
 * Sends a report or suggestion. supabase-js and the schemas are loaded only now, when the person
 * sends, so the form pages stay within their JavaScript budget.
 */
export async function sendReport(connection: SupabaseConnection, input: ProblemReportInput | GroupSuggestionInput): Promise<ReportOutcome> {
  try {
    const [{ supabaseClient }, { sendListingReport }] = await Promise.all([
      import('../../lib/supabase.ts'),
      import('../../lib/curation/report.ts'),
    ]);
    const client = supabaseClient({ PUBLIC_SUPABASE_URL: connection.url, PUBLIC_SUPABASE_PUBLISHABLE_KEY: connection.publishableKey });
    return await sendListingReport(client, input);
  } catch {
    // The code for sending could not even load: the connection is down.
    return { kind: 'problem', message: 'We could not send it. Check your connection and try again: what you wrote is still here.' };
  }
}
