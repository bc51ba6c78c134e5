import { z } from 'zod';
import { parseConfig } from '../../src/lib/config.ts';
import { localChecks, refuseLocalDefaults } from '../../src/lib/local-defaults-guard.ts';
import { host, profiles } from '../stack/profiles.ts';

/** Who notifications come from on the local stack; a production run must set its own. */
export const localSmtpFrom = 'Signpost <notifications@signpost.localhost>';

const address = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * How the notifier reaches a mail server (scripts only: the password never goes near a browser).
 * Defaults are the local stack's SMTP listener, which keeps every mail in the local mailbox.
 */
export const smtpConfigSchema = z
  .object({
    SMTP_HOST: z
      .string()
      .regex(
        /^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/,
        'must be the mail server’s host name, such as smtp.example.org, without a scheme or port',
      ),
    SMTP_PORT: z.coerce
      .number({ message: 'must be a port number, such as 587 (STARTTLS) or 465 (TLS)' })
      .int('must be a whole port number')
      .min(1, 'must be a port number from 1 to 65535')
      .max(65535, 'must be a port number from 1 to 65535'),
    /** true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS where offered. Default: true on 465. */
    SMTP_SECURE: z.enum(['true', 'false'], { message: 'must be true (TLS from the start, port 465) or false (STARTTLS)' }).optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASS: z.string().optional(),
    SMTP_FROM: z
      .string()
      .refine(
        (value) => address.test(value) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(value),
        'must be an address such as notifications@example.org, or Signpost <notifications@example.org>',
      )
      .default(localSmtpFrom),
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.SMTP_USER) !== Boolean(value.SMTP_PASS))
      ctx.addIssue({
        code: 'custom',
        path: [value.SMTP_USER ? 'SMTP_PASS' : 'SMTP_USER'],
        message: 'set SMTP_USER and SMTP_PASS together (or neither, for a server that needs no login)',
      });
  })
  .transform(({ SMTP_SECURE, SMTP_USER, SMTP_PASS, ...rest }) => {
    const local = localChecks.host(rest.SMTP_HOST);
    return {
      ...rest,
      secure: SMTP_SECURE ? SMTP_SECURE === 'true' : rest.SMTP_PORT === 465,
      // Off this machine a login and mail must never cross the network in clear: insist on STARTTLS.
      requireTls: !local,
      auth: SMTP_USER && SMTP_PASS ? { user: SMTP_USER, pass: SMTP_PASS } : undefined,
    };
  });

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;

/** The SMTP settings; in production (see local-defaults-guard) the local listener and sender are refused. */
export function smtpConfig(env: Record<string, string | undefined> = process.env): SmtpConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = parseConfig(smtpConfigSchema, { SMTP_HOST: host, SMTP_PORT: String(profiles.local.ports.smtp), ...set });
  const resolved = {
    SMTP_HOST: config.SMTP_HOST,
    SMTP_FROM: config.SMTP_FROM,
    ...(set.PUBLIC_SITE_URL ? { PUBLIC_SITE_URL: set.PUBLIC_SITE_URL } : {}),
  };
  refuseLocalDefaults(env, resolved, {
    SMTP_HOST: localChecks.host,
    SMTP_FROM: localChecks.emailAtLocalDomain,
  });
  return config;
}
