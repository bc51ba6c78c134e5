import { pollingThread, type MessageThread } from '../messages/index.ts';
import { referralErrorFromIssues } from '../referrals/errors.ts';
import { messageBodySchema, referralMessageSchema } from '../referrals/schema.ts';
import type { SessionClient } from '../supabase-session.ts';
import { rpc } from './rpc.ts';

/**
 * The same messages interface as the person's page, from the staff side: reading, unread counts
 * and read markers as the person's, but a message is sent through public.send_staff_message,
 * which signs it with the member of staff's name and tells the person by email when they chose it.
 */
export function staffThread(client: SessionClient, referralId: string): MessageThread {
  const thread = pollingThread(client, referralId, { intervalMs: 10_000 });
  return {
    ...thread,
    async send(body) {
      const parsed = messageBodySchema.safeParse(body);
      if (!parsed.success) throw referralErrorFromIssues(parsed.error);
      return referralMessageSchema.parse(await rpc(client, 'send_staff_message', { referral_id: referralId, body: parsed.data }));
    },
  };
}
