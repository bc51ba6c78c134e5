import { networkMessage, ReferralError } from '../../lib/referrals/errors.ts';
import type { SubmissionInput } from '../../lib/referrals/schema.ts';
import type { SupabaseConnection } from '../../lib/supabase-session.ts';

/** What the journey adds to the answers: the retry key, when the form was opened, and the honeypot. */
export interface SubmissionMeta {
  idempotency_key: string;
  form_started_at: string;
  website: string;
}

export type SendOutcome =
  | { kind: 'sent'; reference: string }
  /** The server found a problem with one answer: shown on the page that asks for it. */
  | { kind: 'field'; field: string; message: string }
  /** Nothing was stored (or it will be replayed): the answers stay and the person can send again. */
  | { kind: 'problem'; message: string };

/**
 * Sends a referral through refer-db's client (src/lib/referrals/client.ts) in an anonymous
 * session. supabase-js is loaded only now, when the person sends: the question pages never need it.
 */
export async function sendReferral(connection: SupabaseConnection, submission: SubmissionInput): Promise<SendOutcome> {
  try {
    const [{ residentClient }, { ensureSession, submitReferral }] = await Promise.all([
      import('../../lib/supabase-session.ts'),
      import('../../lib/referrals/client.ts'),
    ]);
    const supabase = residentClient(connection);
    await ensureSession(supabase);
    const { reference } = await submitReferral(supabase, submission);
    return { kind: 'sent', reference };
  } catch (error) {
    if (error instanceof ReferralError) {
      if (error.field && (error.code === 'SP422' || error.code === 'SP404'))
        return { kind: 'field', field: error.field, message: error.message };
      return { kind: 'problem', message: error.code === 'network' ? networkMessage : error.message };
    }
    // The code for sending could not even load: the connection is down.
    return { kind: 'problem', message: networkMessage };
  }
}
