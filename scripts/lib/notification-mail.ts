import { escapeHtml } from '../stack/auth/html.ts';
import type { OutgoingMail } from './mailer.ts';

/**
 * The notification mails. Referrals are special-category health data, and mail is read on
 * shared screens, forwarded and kept by providers outside our control, so these mails carry only
 * what tells someone to look: a reference (team mail) and a link to where the details are behind
 * a sign-in. Never the person's name, needs, what matters to them, conditions or message text:
 * the inputs below have no field for any of them.
 */
export type Notification =
  | { kind: 'referral_received'; reference: string; to: string; messageId: string }
  | { kind: 'message_for_person'; to: string; messageId: string }
  | { kind: 'referral_declined'; to: string; messageId: string }
  /**
   * A resident who reported a problem with a listing (or suggested a group) and left an address is
   * told what came of it: nothing of what they wrote, only the outcome and the listing's page.
   */
  | { kind: 'listing_report_accepted' | 'listing_report_rejected'; serviceId: string | null; to: string; messageId: string };

/** Where each mail's link goes on the site. */
export const notificationLinks = {
  /** The staff workspace (/staff/), asked to open this referral. */
  workspace: (siteUrl: string, reference: string) => new URL(`/staff/?referral=${encodeURIComponent(reference)}`, siteUrl).href,
  /** The person's own page, where messages are read and answered after signing in. */
  myReferral: (siteUrl: string) => new URL('/my-referral/', siteUrl).href,
  /** The listing a report was about, or the home page for a suggested group. */
  listing: (siteUrl: string, serviceId: string | null) =>
    new URL(serviceId ? `/services/${encodeURIComponent(serviceId)}/` : '/', siteUrl).href,
};

function compose(to: string, messageId: string, kind: string, subject: string, lines: string[], link: { href: string; text: string }) {
  const text = `${lines.join('\n\n')}\n\n${link.text}: ${link.href}\n\n— Signpost\n`;
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>`,
    '<p>— Signpost</p>',
  ].join('\n');
  // A header is one line: a line break from anything in the subject would start a header of its own.
  return { to, messageId, kind, subject: subject.replace(/[\r\n]+/g, ' '), text, html } satisfies OutgoingMail;
}

export function renderNotification(notification: Notification, siteUrl: string): OutgoingMail {
  if (notification.kind === 'referral_received') {
    const { reference } = notification;
    return compose(
      notification.to,
      notification.messageId,
      notification.kind,
      `New referral ${reference} is waiting`,
      [
        `A new referral ${reference} is waiting for your team in the Signpost workspace.`,
        'Sign in to the workspace to read it. For the person’s privacy this email does not contain any details of the referral.',
      ],
      { href: notificationLinks.workspace(siteUrl, reference), text: 'Open the referral in the workspace' },
    );
  }
  if (notification.kind === 'referral_declined')
    return compose(
      notification.to,
      notification.messageId,
      notification.kind,
      'An update on your referral',
      [
        'The link worker team has looked at your referral and cannot take it on.',
        'To keep it private, the reason is not in this email. It is on your referral page, with where else to go for help.',
        'If you did not ask Signpost for support, you can ignore this email.',
      ],
      { href: notificationLinks.myReferral(siteUrl), text: 'See your referral' },
    );
  if (notification.kind === 'listing_report_accepted' || notification.kind === 'listing_report_rejected') {
    const accepted = notification.kind === 'listing_report_accepted';
    const about = notification.serviceId ? 'a listing' : 'a group you suggested';
    return compose(
      notification.to,
      notification.messageId,
      notification.kind,
      accepted ? 'Thank you: we have updated the directory' : 'Thank you: we have checked what you told us',
      [
        `Thank you for telling Signpost about ${about}.`,
        accepted
          ? 'One of our directory team checked it and has updated the directory. Changes can take a few minutes to appear.'
          : 'One of our directory team checked it and did not change the directory this time, for example because the details were already right or could not be confirmed.',
        'You are getting this email because you left your address when you told us. We will not email you again about it.',
      ],
      notification.serviceId
        ? { href: notificationLinks.listing(siteUrl, notification.serviceId), text: 'See the listing' }
        : { href: notificationLinks.listing(siteUrl, null), text: 'Go to Signpost' },
    );
  }
  return compose(
    notification.to,
    notification.messageId,
    notification.kind,
    'You have a new message from your link worker',
    [
      'Your link worker has sent you a message on Signpost.',
      'To keep it private, the message is not in this email. Read it, and reply if you want to, on your referral page.',
      'If you did not ask Signpost for support, you can ignore this email.',
    ],
    { href: notificationLinks.myReferral(siteUrl), text: 'Read your message' },
  );
}
