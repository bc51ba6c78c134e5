// The local stack's SMTP listener: Signpost's notifier sends mail here through the same SMTP client
// it uses in production, and each message lands in the local mailbox beside the local Auth
// server's mail (read at /mailbox), like the Supabase CLI's Inbucket/Mailpit. Loopback only, for
// development and tests; it accepts any login and relays nothing.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { openDb } from './auth/db.ts';
import { deliver } from './auth/mailbox.ts';

export interface LocalSmtp {
  port: number;
  stop(): Promise<void>;
}

export interface LocalSmtpOptions {
  host: string;
  port: number;
  /** Connects as supabase_auth_admin, the owner of the local_mailbox schema. */
  databaseUrl: string;
}

/** The header a sender may set to say what kind of mail this is; shown in the mailbox's `kind`. */
export const kindHeader = 'x-signpost-kind';

const linkPattern = /https?:\/\/[^\s<>"')]+/g;

function firstAddress(address: AddressObject | AddressObject[] | undefined): string {
  const list = Array.isArray(address) ? address : address ? [address] : [];
  return list.flatMap((a) => a.value).find((v) => v.address)?.address ?? '';
}

export async function startLocalSmtp(opts: LocalSmtpOptions): Promise<LocalSmtp> {
  const db = openDb(opts.databaseUrl);
  const server = new SMTPServer({
    name: 'signpost-local-smtp',
    banner: 'Signpost local SMTP listener (development only): mail goes to the local mailbox',
    // Plain SMTP on loopback, as the Supabase CLI's Inbucket: no certificate to make or trust.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'local' }),
    size: 1024 * 1024,
    logger: false,
    // Stopping the stack waits at most this long for a client to hang up.
    closeTimeout: 2000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const text = parsed.text ?? '';
          const mail = {
            subject: parsed.subject ?? '(no subject)',
            kind: (() => {
              const header = parsed.headers.get(kindHeader);
              return typeof header === 'string' && header ? header : 'smtp';
            })(),
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text,
            links: [...new Set(text.match(linkPattern) ?? [])],
          };
          const from = firstAddress(parsed.from) || (session.envelope.mailFrom ? session.envelope.mailFrom.address : '');
          // One mailbox row per envelope recipient, so each inbox shows its own copy.
          for (const rcpt of session.envelope.rcptTo) await deliver(db, from, { ...mail, to: rcpt.address });
        })
        .then(
          () => callback(),
          (error: Error) =>
            callback(Object.assign(new Error(`Local mailbox could not keep the message: ${error.message}`), { responseCode: 451 })),
        );
    },
  });
  server.on('error', (error) => console.error('[smtp] local SMTP listener:', error.message));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.end();
    },
  };
}
