import { scriptConfig } from './lib/config.ts';
import { runNotifier } from './lib/notifier.ts';
import { smtpConfig } from './lib/smtp-config.ts';

/** `npm run notifier`: sends the mails queued in the notification outbox until stopped (Ctrl-C). */
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => controller.abort());
const config = { ...scriptConfig(), ...smtpConfig() };
console.log(`Notifications are running (mail through ${config.SMTP_HOST}:${config.SMTP_PORT}).`);
await runNotifier(config, { signal: controller.signal });
