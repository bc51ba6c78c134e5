import { z } from 'zod';
import type { supabaseService } from './supabase-service.ts';

/**
 * The notifier's side of public.notification_outbox, through PostgREST with the service role: three
 * security definer functions granted to service_role only (migration *_notification_delivery.sql).
 * Claiming takes a lease: rows are locked `for update skip locked` while claimed, then hidden from
 * other workers until the lease ends, so two workers never send the same row at once, and a worker
 * that dies mid-send leaves its rows to be claimed again when the lease runs out.
 */
export const claimedNotificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['referral_received', 'message_for_person', 'referral_declined', 'listing_report_accepted', 'listing_report_rejected']),
  /**
   * The short reference (SP-XXXX-XX): not personal data, and all a team mail names. For a
   * reporter's outcome mail, the listing's id (null for a suggested group).
   */
  reference: z.string().nullable(),
  /** Looked up when claimed, so a changed address is used; null when there is nobody to mail. */
  to_address: z.string().nullable(),
  /** Attempts including this one. */
  attempts: z.number().int(),
});

export type ClaimedNotification = z.infer<typeof claimedNotificationSchema>;

type Service = ReturnType<typeof supabaseService>;

/** A failure to reach the outbox itself (PostgREST or Postgres), as opposed to failing to send. */
export class OutboxUnavailable extends Error {
  constructor(what: string, message: string) {
    super(`could not ${what} the notification outbox: ${message}`);
    this.name = 'OutboxUnavailable';
  }
}

async function call(service: Service, what: string, fn: string, args: Record<string, unknown>): Promise<unknown> {
  const result: { data: unknown; error: { message: string; code: string } | null } = await service.rpc(fn, args);
  if (result.error) throw new OutboxUnavailable(what, result.error.message || result.error.code || 'no answer');
  return result.data;
}

export function notificationOutbox(service: Service) {
  return {
    async claim(batchSize: number, leaseSeconds: number): Promise<ClaimedNotification[]> {
      const rows = await call(service, 'read', 'claim_notifications', { batch_size: batchSize, lease_seconds: leaseSeconds });
      return z.array(claimedNotificationSchema).parse(rows);
    },
    markSent: (id: number) => call(service, 'update', 'record_notification_sent', { notification_id: id }).then(() => {}),
    markFailed: (id: number, error: string, retryAfterSeconds: number) =>
      call(service, 'update', 'record_notification_failure', {
        notification_id: id,
        failure: error.slice(0, 500),
        retry_after_seconds: retryAfterSeconds,
      }).then(() => {}),
  };
}

export type NotificationOutbox = ReturnType<typeof notificationOutbox>;
