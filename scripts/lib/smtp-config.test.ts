import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/lib/errors.ts';
import { profiles } from '../stack/profiles.ts';
import { localSmtpFrom, smtpConfig } from './smtp-config.ts';

const hosted = {
  SMTP_HOST: 'smtp.example.org',
  SMTP_PORT: '587',
  SMTP_USER: 'signpost',
  SMTP_PASS: 'a-secret',
  SMTP_FROM: 'Signpost <notifications@example.org>',
};

describe('SMTP configuration', () => {
  it('sends to the local stack’s SMTP listener when nothing is set', () => {
    const config = smtpConfig({});
    expect(config).toMatchObject({ SMTP_HOST: '127.0.0.1', SMTP_PORT: profiles.local.ports.smtp, SMTP_FROM: localSmtpFrom, secure: false });
    expect(config.auth).toBeUndefined();
    expect(config.requireTls).toBe(false);
  });

  it('takes a hosted mail server, insisting on STARTTLS off this machine', () => {
    expect(smtpConfig(hosted)).toMatchObject({
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: 587,
      secure: false,
      requireTls: true,
      auth: { user: 'signpost', pass: 'a-secret' },
    });
  });

  it('uses TLS from the start on port 465 unless told otherwise', () => {
    expect(smtpConfig({ ...hosted, SMTP_PORT: '465' }).secure).toBe(true);
    expect(smtpConfig({ ...hosted, SMTP_PORT: '465', SMTP_SECURE: 'false' }).secure).toBe(false);
    expect(smtpConfig({ ...hosted, SMTP_SECURE: 'true' }).secure).toBe(true);
  });

  it('names each bad variable and says what belongs there', () => {
    const attempt = () => smtpConfig({ SMTP_HOST: 'smtp://mail.example.org', SMTP_PORT: 'abc', SMTP_SECURE: 'yes', SMTP_FROM: 'nobody' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SMTP_HOST: must be the mail server’s host name/);
    expect(attempt).toThrow(/SMTP_PORT: must be a port number/);
    expect(attempt).toThrow(/SMTP_SECURE: must be true/);
    expect(attempt).toThrow(/SMTP_FROM: must be an address/);
  });

  it('wants a user name and a password together', () => {
    expect(() => smtpConfig({ ...hosted, SMTP_PASS: '' })).toThrow(/SMTP_PASS: set SMTP_USER and SMTP_PASS together/);
  });

  it('refuses the local listener and sender in production, naming both', () => {
    const attempt = () => smtpConfig({ SIGNPOST_ENV: 'production' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/- SMTP_HOST \(not set\)\n- SMTP_FROM \(not set\)/);
    expect(() =>
      smtpConfig({ PUBLIC_SITE_URL: 'https://signpost.example.org', SMTP_HOST: 'localhost', SMTP_FROM: hosted.SMTP_FROM }),
    ).toThrow(/PUBLIC_SITE_URL is https:\/\/signpost.example.org.*\n- SMTP_HOST\n/s);
    expect(() => smtpConfig({ ...hosted, SIGNPOST_ENV: 'production' })).not.toThrow();
  });
});
