/**
 * What the person's page needs from Supabase, loaded after the page itself (supabase-js and the
 * schemas are most of its weight): refer-db's client and messages interface, and the browser
 * session.
 */
export { residentClient } from '../../lib/supabase-session.ts';
export { addEmailToComeBack, loadMyReferral, loadMyReferrals, withdrawReferral } from '../../lib/referrals/client.ts';
export { pollingThread } from '../../lib/messages/index.ts';
export { messageBodySchema, finishedStatuses } from '../../lib/referrals/schema.ts';
export { emailProblem } from './email-address.ts';
export { loadPlan } from '../../lib/casework/plan.ts';

export type Api = typeof import('./data.ts');
