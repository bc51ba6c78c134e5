import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notificationLinks, renderNotification } from './notification-mail.ts';

const site = 'https://signpost.example.org';

describe('notification mails', () => {
  it('tells a team a referral is waiting, by its reference, with a link to the workspace', () => {
    const mail = renderNotification(
      { kind: 'referral_received', reference: 'SP-7KQ4-M2', to: 'team@example.org', messageId: '<1@x>' },
      site,
    );
    expect(mail.subject).toBe('New referral SP-7KQ4-M2 is waiting');
    expect(mail.text).toContain('A new referral SP-7KQ4-M2 is waiting');
    expect(mail.text).toContain(`${site}/staff/?referral=SP-7KQ4-M2`);
    expect(mail.html).toContain(`href="${site}/staff/?referral=SP-7KQ4-M2"`);
  });

  it('tells a person they have a message, with a link to their page and nothing of the message itself', () => {
    const mail = renderNotification({ kind: 'message_for_person', to: 'person@example.org', messageId: '<2@x>' }, site);
    expect(mail.subject).toBe('You have a new message from your link worker');
    expect(mail.text).toContain(notificationLinks.myReferral(site));
    expect(mail.text).not.toMatch(/SP-/);
  });

  it('tells a person their referral was declined, with a link to their page and not the reason', () => {
    const mail = renderNotification({ kind: 'referral_declined', to: 'person@example.org', messageId: '<3@x>' }, site);
    expect(mail.subject).toBe('An update on your referral');
    expect(mail.text).toContain(notificationLinks.myReferral(site));
    expect(mail.text).not.toMatch(/SP-|because/);
  });

  it('tells a reporter their report was acted on, with a link to the listing and nothing they wrote', () => {
    const mail = renderNotification(
      { kind: 'listing_report_accepted', serviceId: 'svc-1', to: 'reporter@example.org', messageId: '<3@x>' },
      site,
    );
    expect(mail.subject).toBe('Thank you: we have updated the directory');
    expect(mail.text).toContain(`${site}/services/svc-1/`);
    expect(mail.html).toContain(`href="${site}/services/svc-1/"`);
  });

  it('tells the person who suggested a group what was decided, linking to the home page', () => {
    const mail = renderNotification(
      { kind: 'listing_report_rejected', serviceId: null, to: 'reporter@example.org', messageId: '<4@x>' },
      site,
    );
    expect(mail.subject).toBe('Thank you: we have checked what you told us');
    expect(mail.text).toContain('a group you suggested');
    expect(mail.text).toContain(`${site}/\n`);
  });
});

describe('notification mails, whatever the reference or listing id holds', () => {
  const hostile = fc.oneof(
    fc.string({ minLength: 1 }),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'SP-1\r\nBcc: everyone@example.org',
      "javascript:alert('x')",
    ),
  );
  const notification = fc.oneof(
    hostile.map((reference) => ({ kind: 'referral_received' as const, reference, to: 'team@example.org', messageId: '<h@x>' })),
    fc
      .tuple(fc.constantFrom('listing_report_accepted' as const, 'listing_report_rejected' as const), fc.option(hostile))
      .map(([kind, serviceId]) => ({ kind, serviceId, to: 'reporter@example.org', messageId: '<h@x>' })),
  );

  it('carries them in the HTML part only as text, in a link that stays on the site, under a one-line subject', () => {
    fc.assert(
      fc.property(notification, (n) => {
        const mail = renderNotification(n, site);
        // Only our own paragraphs and one link are markup; everything else is escaped text.
        expect(mail.html.replace(/<\/?p>|<a href="[^"<>]*">|<\/a>/g, '')).not.toMatch(/[<>]/);
        for (const [, href] of mail.html.matchAll(/href="([^"]*)"/g)) expect(new URL(href!.replace(/&amp;/g, '&')).origin).toBe(site);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 500 },
    );
  });
});
