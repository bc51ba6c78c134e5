import { ReferralError, referralErrorFrom } from '../referrals/errors.ts';
import type { SessionClient } from '../supabase-session.ts';

/**
 * Calls one of the workspace's database functions. A refusal is a ReferralError with the
 * database's sentence and the field it is about; no answer at all is a `network` error.
 */
export async function rpc(client: SessionClient, fn: string, args: Record<string, unknown>): Promise<unknown> {
  let response: { data: unknown; error: { code?: string; message: string; hint?: string | null } | null; status: number };
  try {
    response = await client.rpc(fn, args);
  } catch (error) {
    throw new ReferralError(
      'network',
      'We could not reach the server. Check your connection and try again: what you typed is still here.',
      null,
      {
        cause: error,
      },
    );
  }
  if (response.error) throw referralErrorFrom(response.error, response.status);
  return response.data;
}
