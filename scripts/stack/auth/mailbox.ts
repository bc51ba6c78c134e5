// The local mailbox: where this server "sends" mail, and where the local SMTP listener
// (scripts/stack/smtp.ts) puts the mail Signpost's own notifier sends. Stored in
// local_mailbox.messages and read back as JSON (tests) or as a page (people), like Supabase's
// local Inbucket/Mailpit viewer.
import type { Queryable } from './db.ts';
import type { Mail } from './mail-templates.ts';

export interface StoredMail {
  id: string;
  to: string;
  from: string;
  subject: string;
  kind: string;
  html: string;
  text: string;
  links: string[];
  created_at: string;
}

interface MessageRow {
  id: string;
  to_address: string;
  from_address: string;
  subject: string;
  kind: string;
  body_html: string;
  body_text: string;
  links: string[];
  created_at: Date;
}

/** A mail to keep: Auth's own (kind signup, magiclink…) or one that came in by SMTP (kind from its X-Signpost-Kind header). */
export type IncomingMail = Omit<Mail, 'kind'> & { kind: string };

export async function deliver(db: Queryable, from: string, mail: IncomingMail): Promise<void> {
  await db.query(
    `insert into local_mailbox.messages (to_address, from_address, subject, kind, body_html, body_text, links)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [mail.to, from, mail.subject, mail.kind, mail.html, mail.text, mail.links],
  );
}

/** Newest first; `to` filters by recipient (case-insensitive), as tests look up one inbox. */
export async function listMail(db: Queryable, to: string | null, limit = 50): Promise<StoredMail[]> {
  const { rows } = await db.query<MessageRow>(
    `select * from local_mailbox.messages
     where $1::text is null or lower(to_address) = lower($1)
     order by created_at desc, id limit $2`,
    [to, Math.min(Math.max(limit, 1), 500)],
  );
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    from: r.from_address,
    subject: r.subject,
    kind: r.kind,
    html: r.body_html,
    text: r.body_text,
    links: r.links,
    created_at: r.created_at.toISOString(),
  }));
}
