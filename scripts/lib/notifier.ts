import type { ScriptConfig } from './config.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { renderNotification, type Notification } from './notification-mail.ts';
import { notificationOutbox, OutboxUnavailable, type ClaimedNotification, type NotificationOutbox } from './notification-outbox.ts';
import type { SmtpConfig } from './smtp-config.ts';
import { supabaseService } from './supabase-service.ts';
import { sleep } from './sleep.ts';

export interface NotifierOptions {
  signal: AbortSignal;
  log?: (line: string) => void;
  /** How often to look at the outbox when it is empty, in ms. */
  pollMs?: number;
  batchSize?: number;
  /** How long a claimed row stays hidden from other workers while this one sends it. */
  leaseSeconds?: number;
  /** The wait after a row's first failed attempt; doubled after each further one, up to maxRetrySeconds. */
  firstRetrySeconds?: number;
  maxRetrySeconds?: number;
  /** Time-out for each step of talking to the mail server. */
  smtpTimeoutMs?: number;
}

export type NotifierConfig = ScriptConfig & SmtpConfig;

/** Exponential backoff for a row that failed its nth attempt, with a little jitter so rows spread out. */
export function retryDelaySeconds(attempts: number, first: number, max: number): number {
  const base = Math.min(first * 2 ** Math.max(0, attempts - 1), max);
  return Math.round(base * (0.9 + Math.random() * 0.2) * 1000) / 1000;
}

/**
 * Sends one claimed row and returns how to record the outcome: sent, or failed with its error and a
 * time to try again. Recording is separate so that, when the outbox cannot be reached just after a
 * mail went out, the worker keeps the record and writes it first once the outbox is back, rather
 * than letting the lease run out and sending the mail a second time.
 */
async function deliverOne(
  row: ClaimedNotification,
  outbox: NotificationOutbox,
  mailer: Mailer,
  config: NotifierConfig,
  retry: (attempts: number) => number,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const messageId = `<notification-${row.id}@signpost.notifications>`;
  try {
    if (!row.to_address) throw new Error('no address to send to');
    const notification: Notification =
      row.kind === 'referral_received'
        ? { kind: row.kind, reference: row.reference ?? '', to: row.to_address, messageId }
        : row.kind === 'message_for_person' || row.kind === 'referral_declined'
          ? { kind: row.kind, to: row.to_address, messageId }
          : { kind: row.kind, serviceId: row.reference, to: row.to_address, messageId };
    await mailer.send(renderNotification(notification, config.PUBLIC_SITE_URL));
  } catch (error) {
    const message = (error as Error).message;
    const wait = retry(row.attempts);
    log(`Notification ${row.id} (attempt ${row.attempts}) was not sent: ${message}. Trying again in ${Math.round(wait)} s.`);
    return () => outbox.markFailed(row.id, message, wait);
  }
  return () => outbox.markSent(row.id);
}

/**
 * `npm run notifier`: sends the mails queued in public.notification_outbox until stopped. Each
 * round claims a batch (with a lease), sends each, and records sent or failed; when the outbox
 * cannot be reached (PostgREST or Postgres down) it waits with backoff and tries again. Rows are
 * only ever marked, never deleted, so nothing is lost: a row whose mail failed, or whose worker
 * died, is sent on a later round.
 */
export async function runNotifier(config: NotifierConfig, options: NotifierOptions): Promise<void> {
  const { signal, log = console.log, pollMs = 2000, batchSize = 20, leaseSeconds = 300 } = options;
  const first = options.firstRetrySeconds ?? 30;
  const max = options.maxRetrySeconds ?? 3600;
  const retry = (attempts: number) => retryDelaySeconds(attempts, first, max);
  const outbox = notificationOutbox(supabaseService(config));
  const mailer = createMailer(config, { timeoutMs: options.smtpTimeoutMs });
  // Outcomes not yet written because the outbox went away between sending and recording.
  const unrecorded = new Map<number, () => Promise<void>>();
  let backoff = 250;
  let unreachable = false;
  try {
    while (!signal.aborted) {
      try {
        for (const [id, record] of unrecorded) {
          await record();
          unrecorded.delete(id);
        }
        const rows = await outbox.claim(batchSize, leaseSeconds);
        // Past this, another worker may claim these rows again: stop sending well before.
        const sendBefore = Date.now() + leaseSeconds * 800;
        if (unreachable) log('Notifications: the outbox is reachable again.');
        unreachable = false;
        backoff = 250;
        for (const row of rows) {
          // Stopping, or the lease nearly over (a mail server that hangs): hand the row back at once.
          const record =
            signal.aborted || Date.now() > sendBefore
              ? () => outbox.markFailed(row.id, 'not sent: the worker stopped or ran out of time; handed back', 0)
              : await deliverOne(row, outbox, mailer, config, retry, log);
          unrecorded.set(row.id, record);
          await record();
          unrecorded.delete(row.id);
        }
        if (rows.length < batchSize) await sleep(pollMs, signal);
      } catch (error) {
        // The outbox out of reach (PostgREST or Postgres down), or anything unforeseen: nothing
        // is lost (claimed rows come back when their lease ends), so wait and try again.
        const reason = error instanceof OutboxUnavailable ? error.message : `unexpected error: ${(error as Error).message}`;
        if (!unreachable) log(`Notifications are waiting: ${reason}. Queued mail is kept and sent when it can be.`);
        unreachable = true;
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  } finally {
    mailer.close();
  }
}
