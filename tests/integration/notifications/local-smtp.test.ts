import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../../scripts/lib/mailer.ts';
import { smtpConfig } from '../../../scripts/lib/smtp-config.ts';
import { mailTo, uniqueEmail } from '../auth/helpers.ts';
import { testStack } from '../../support/stack.ts';

describe('the local SMTP listener', () => {
  it('puts mail sent through SMTP into the local mailbox, beside Auth’s mail, with its links', async () => {
    const to = uniqueEmail('smtp');
    const mailer = createMailer(smtpConfig(testStack.env));
    try {
      await mailer.send({
        to,
        subject: 'A test notification',
        text: 'Open it here: http://localhost:4321/my-referral/\n',
        html: '<p>Open it <a href="http://localhost:4321/my-referral/">here</a></p>',
        kind: 'message_for_person',
        messageId: `<${randomUUID()}@signpost.test>`,
      });
    } finally {
      mailer.close();
    }
    const [mail] = await mailTo(to);
    expect(mail).toMatchObject({
      to,
      subject: 'A test notification',
      kind: 'message_for_person',
      links: ['http://localhost:4321/my-referral/'],
    });
    expect(mail!.text).toContain('Open it here');
  });

  it('accepts a login, as a hosted mail server would ask for one', async () => {
    const to = uniqueEmail('smtp-login');
    const mailer = createMailer(smtpConfig({ ...testStack.env, SMTP_USER: 'someone', SMTP_PASS: 'anything' }));
    try {
      await mailer.send({
        to,
        subject: 'With a login',
        text: 'Hello',
        html: '<p>Hello</p>',
        kind: 'smtp',
        messageId: `<${randomUUID()}@x.test>`,
      });
    } finally {
      mailer.close();
    }
    expect((await mailTo(to)).map((m) => m.subject)).toEqual(['With a login']);
  });
});
