import type { ReferralMessage } from '../referrals/schema.ts';

/**
 * THE messages interface: one referral's thread between the person and the link worker, as the
 * person's page (and later the workspace) uses it. `polling.ts` implements it through PostgREST;
 * on hosted Supabase a Realtime implementation (postgres_changes on referral_messages, filtered
 * by referral_id, which row level security already narrows) can stand behind the same interface.
 */
export interface MessageThread {
  /** Every message of the thread, oldest first. */
  list(): Promise<ReferralMessage[]>;
  /** Sends a message as the signed-in person; returns it as stored (with the server's time). */
  send(body: string): Promise<ReferralMessage>;
  /** Messages from others the caller has not marked read. */
  unreadCount(): Promise<number>;
  /** Marks everything up to and including this message read. */
  markRead(upToMessageId: number): Promise<void>;
  /**
   * Calls `onMessages` with messages that arrive after the ones already seen (oldest first),
   * and `onError` when a check fails (it keeps trying). Returns a function that stops it.
   */
  subscribe(onMessages: (messages: ReferralMessage[]) => void, onError?: (error: Error) => void): () => void;
}
