import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { referralErrorFrom, referralErrorFromIssues } from '../referrals/errors.ts';
import { messageBodySchema, type ReferralMessage, referralMessageColumns, referralMessageSchema } from '../referrals/schema.ts';
import type { MessageThread } from './thread.ts';

export interface PollingOptions {
  /** How often to look for new messages; default 10 s (PostgREST answers in a few milliseconds). */
  intervalMs?: number;
}

/** The message thread of one referral through PostgREST, checking for new messages every few seconds. */
export function pollingThread(client: SupabaseClient, referralId: string, options: PollingOptions = {}): MessageThread {
  const intervalMs = options.intervalMs ?? 10_000;
  const since = async (afterId: number): Promise<ReferralMessage[]> => {
    const { data, error, status } = await client
      .from('referral_messages')
      .select(referralMessageColumns)
      .eq('referral_id', referralId)
      .gt('id', afterId)
      .order('id', { ascending: true });
    if (error) throw referralErrorFrom(error, status);
    return referralMessageSchema.array().parse(data);
  };
  let lastSeen = 0;
  const remember = (messages: ReferralMessage[]) => {
    for (const m of messages) lastSeen = Math.max(lastSeen, m.id);
    return messages;
  };

  return {
    list: async () => remember(await since(0)),
    async send(body) {
      const parsed = messageBodySchema.safeParse(body);
      if (!parsed.success) throw referralErrorFromIssues(parsed.error);
      const { data, error, status } = await client
        .from('referral_messages')
        .insert({ referral_id: referralId, body: parsed.data })
        .select(referralMessageColumns)
        .single();
      if (error) throw referralErrorFrom(error, status);
      // Not remembered as seen: the next check (or list) returns it in order with the others.
      return referralMessageSchema.parse(data);
    },
    async unreadCount() {
      const response = await client.rpc('unread_message_count', { referral_id: referralId });
      if (response.error) throw referralErrorFrom(response.error, response.status);
      return z.number().int().parse(response.data);
    },
    async markRead(upToMessageId) {
      const { error, status } = await client.rpc('mark_referral_messages_read', { referral_id: referralId, up_to: upToMessageId });
      if (error) throw referralErrorFrom(error, status);
    },
    subscribe(onMessages, onError) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const check = async () => {
        try {
          const fresh = remember(await since(lastSeen));
          if (!stopped && fresh.length > 0) onMessages(fresh);
        } catch (error) {
          if (!stopped) onError?.(error as Error);
        }
        if (!stopped) timer = setTimeout(() => void check(), intervalMs);
      };
      void check();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}
