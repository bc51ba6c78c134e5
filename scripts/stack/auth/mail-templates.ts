// The mails GoTrue sends, with Supabase's default subjects and wording. Each carries both the
// confirmation link and the one-time code, as Supabase's templates can ({{ .ConfirmationURL }},
// {{ .Token }}), so people and tests can use either.
import { escapeHtml } from './html.ts';

export type MailKind = 'signup' | 'magiclink' | 'recovery' | 'email_change' | 'invite' | 'reauthentication';

const copy: Record<Exclude<MailKind, 'reauthentication'>, { subject: string; heading: string; lead: string; action: string }> = {
  signup: {
    subject: 'Confirm Your Signup',
    heading: 'Confirm your signup',
    lead: 'Follow this link to confirm your user:',
    action: 'Confirm your mail',
  },
  magiclink: { subject: 'Your Magic Link', heading: 'Magic Link', lead: 'Follow this link to login:', action: 'Log In' },
  recovery: {
    subject: 'Reset Your Password',
    heading: 'Reset Password',
    lead: 'Follow this link to reset the password for your user:',
    action: 'Reset Password',
  },
  email_change: {
    subject: 'Confirm Email Change',
    heading: 'Confirm Change of Email',
    lead: 'Follow this link to confirm the update of your email:',
    action: 'Change Email',
  },
  invite: {
    subject: 'You have been invited',
    heading: 'You have been invited',
    lead: 'You have been invited to create a user. Follow this link to accept the invite:',
    action: 'Accept the invite',
  },
};

export interface Mail {
  to: string;
  subject: string;
  kind: MailKind;
  html: string;
  text: string;
  links: string[];
}

/** The reauthentication mail has a code and no link (Supabase's default template). */
export function renderReauthenticationMail(to: string, code: string): Mail {
  const html = `<h2>Confirm reauthentication</h2>\n<p>Enter the code: ${escapeHtml(code)}</p>`;
  return {
    to,
    subject: 'Confirm reauthentication',
    kind: 'reauthentication',
    html,
    text: `Confirm reauthentication\n\nEnter the code: ${code}\n`,
    links: [],
  };
}

export function renderMail(kind: Exclude<MailKind, 'reauthentication'>, to: string, link: string, code: string): Mail {
  const c = copy[kind];
  const html = [
    `<h2>${escapeHtml(c.heading)}</h2>`,
    `<p>${escapeHtml(c.lead)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(c.action)}</a></p>`,
    `<p>Alternatively, enter the code: ${escapeHtml(code)}</p>`,
  ].join('\n');
  const text = `${c.heading}\n\n${c.lead}\n${link}\n\nAlternatively, enter the code: ${code}\n`;
  return { to, subject: c.subject, kind, html, text, links: [link] };
}
