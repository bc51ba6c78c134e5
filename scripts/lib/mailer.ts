import nodemailer from 'nodemailer';
import type { SmtpConfig } from './smtp-config.ts';

/** One mail as the notifier composes it: plain text and HTML, never anything about a person's health. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Shown as the kind in the local mailbox; a header other mail servers ignore. */
  kind: string;
  /**
   * The same outbox row always gets the same Message-ID, so a mail sent twice (a worker stopped
   * after sending, before it could record it) can be recognised as one by the receiving server.
   */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The one client for the SMTP service (nodemailer). Time-outs are short so that a mail server that
 * hangs counts as a failed attempt (and the row is tried again later) instead of stalling the worker.
 */
export function createMailer(config: SmtpConfig, options: { timeoutMs?: number } = {}): Mailer {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.secure,
    requireTLS: config.requireTls,
    ...(config.auth ? { auth: config.auth } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.SMTP_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'X-Signpost-Kind': mail.kind },
      });
    },
    close: () => transport.close(),
  };
}
