import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { describeIssues } from '../src/lib/errors.ts';
import { scriptConfig } from './lib/config.ts';
import { ReferralNotFoundError, sendLinkWorkerMessage } from './lib/referral-message.ts';
import { supabaseService } from './lib/supabase-service.ts';

/**
 * `npm run referral:message -- SP-XXXX-XX "text" [--from "Sam, link worker"]`: sends a link
 * worker's message to the person who made the referral (service role; for development, the
 * acceptance journey and support until the workspace, issue 11, has a message box).
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { from: { type: 'string' } } });
const [reference = '', ...words] = positionals;
try {
  const sent = await sendLinkWorkerMessage(supabaseService(scriptConfig()), { reference, text: words.join(' '), from: values.from });
  console.log(
    `Sent message ${sent.message.id} on ${reference.toUpperCase()} as "${sent.message.author_name}"; the referral is ${sent.status}.` +
      (sent.queuedNotification ? ' An email notification is queued.' : ' The person did not choose email, so no email is queued.'),
  );
} catch (error) {
  console.error(
    error instanceof ZodError ? describeIssues(error) : error instanceof ReferralNotFoundError ? error.message : (error as Error).message,
  );
  process.exit(1);
}
