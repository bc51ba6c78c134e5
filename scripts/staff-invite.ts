import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { staffInviteSchema } from '../src/lib/schemas/staff-invite.ts';
import { staffRoles } from '../src/lib/schemas/staff-member.ts';
import { isLocalUrl } from '../src/lib/local-defaults-guard.ts';
import { InviteError, inviteStaff } from '../supabase/functions/staff-invite/invite.ts';
import { scriptConfig } from './lib/config.ts';
import { resolveTeam } from './lib/resolve-team.ts';

/**
 * `npm run staff:invite -- --email … --role link_worker|coordinator|curator|admin --team <name or id> --name "…"`:
 * invites a member of staff with the project's secret key (the Auth admin API mails the
 * invitation; locally it lands in the local mailbox).
 */
const usage = `Usage: npm run staff:invite -- --email sam@example.org --role ${staffRoles.join('|')} --team "<team name or id>" --name "Sam Patel"`;
let values;
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const config = scriptConfig();
const admin = createClient(config.PUBLIC_SUPABASE_URL, config.SUPABASE_SECRET_KEY, {
  auth: { persistSession: false, autoRefreshToken: false },
});
try {
  const teamId = values.team ? await resolveTeam(admin, values.team) : null;
  const parsed = staffInviteSchema.safeParse({
    email: values.email ?? '',
    display_name: values.name ?? '',
    role: values.role,
    team_id: teamId,
    redirect_to: `${config.PUBLIC_SITE_URL.replace(/\/$/, '')}/staff/`,
  });
  if (!parsed.success) {
    console.error(
      `The invitation is not complete:\n${parsed.error.issues.map((i) => `- --${i.path[0] === 'display_name' ? 'name' : i.path[0] === 'team_id' ? 'team' : String(i.path[0])}: ${i.message}`).join('\n')}\n${usage}`,
    );
    process.exit(2);
  }
  const { userId } = await inviteStaff(admin, parsed.data);
  console.log(`Invited ${parsed.data.display_name} <${parsed.data.email}> as ${parsed.data.role} (user ${userId}).`);
  if (isLocalUrl(config.PUBLIC_SUPABASE_URL))
    console.log(
      `The invitation is in the local mailbox: ${config.PUBLIC_SUPABASE_URL}/mailbox?to=${encodeURIComponent(parsed.data.email)}`,
    );
} catch (error) {
  console.error(error instanceof InviteError || error instanceof Error ? error.message : String(error));
  process.exit(1);
}
