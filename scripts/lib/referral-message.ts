import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import {
  limits,
  referenceSchema,
  type ReferralMessage,
  referralMessageColumns,
  referralMessageSchema,
} from '../../src/lib/referrals/schema.ts';

export const linkWorkerMessageSchema = z.object({
  reference: referenceSchema,
  text: z
    .string()
    .trim()
    .min(1, 'Give the message text: npm run referral:message -- SP-XXXX-XX "text"')
    .max(limits.message, `The message must be ${limits.message} characters or fewer`),
  from: z.string().trim().min(1).max(100).default('Your link worker'),
});
export type LinkWorkerMessage = z.input<typeof linkWorkerMessageSchema>;

export class ReferralNotFoundError extends Error {}

/**
 * Sends a link worker's message to the person who made a referral, through PostgREST with the
 * service role: the message is stored as staff's (the database sets its time and, if the person
 * chose email, queues a notification for the worker), and a referral nobody has contacted yet
 * moves to `contacted` (the database records that in its history).
 */
export async function sendLinkWorkerMessage(
  client: SupabaseClient,
  input: LinkWorkerMessage,
): Promise<{ message: ReferralMessage; status: string; queuedNotification: boolean }> {
  const { reference, text, from } = linkWorkerMessageSchema.parse(input);
  const found = await client.from('referrals').select('id, status').eq('reference', reference).maybeSingle();
  if (found.error)
    throw new Error(
      /fetch failed/i.test(found.error.message)
        ? `Could not reach Supabase to look up ${reference}: is the stack running (npm start), and PUBLIC_SUPABASE_URL right?`
        : `Could not look up ${reference}: ${found.error.message}`,
    );
  if (!found.data) throw new ReferralNotFoundError(`No referral has the reference ${reference}.`);
  const referral = z.object({ id: z.uuid(), status: z.string() }).parse(found.data);

  const inserted = await client
    .from('referral_messages')
    .insert({ referral_id: referral.id, author_kind: 'staff', author_id: null, author_name: from, body: text })
    .select(referralMessageColumns)
    .single();
  if (inserted.error) throw new Error(`Could not send the message: ${inserted.error.message}`);
  const message = referralMessageSchema.parse(inserted.data);

  let status = referral.status;
  if (status === 'new' || status === 'triaged') {
    const moved = await client.from('referrals').update({ status: 'contacted' }).eq('id', referral.id).select('status').single();
    if (moved.error) throw new Error(`The message was sent, but the status did not change: ${moved.error.message}`);
    status = z.object({ status: z.string() }).parse(moved.data).status;
  }
  const queued = await client.from('notification_outbox').select('id').eq('message_id', message.id);
  if (queued.error) throw new Error(`The message was sent; could not check its notification: ${queued.error.message}`);
  return { message, status, queuedNotification: queued.data.length > 0 };
}
