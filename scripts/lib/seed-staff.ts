import { createClient } from '@supabase/supabase-js';
import { connect } from '../../src/lib/oruk/db.ts';
import { isLocalUrl, localChecks, productionReason } from '../../src/lib/local-defaults-guard.ts';
import { sampleData } from '../../src/lib/sample-data/index.ts';
import { sampleStaff, type SampleStaff } from '../../src/lib/sample-data/staff.ts';
import type { ScriptConfig } from './config.ts';

/** The one password of every sample staff account. Local only: the accounts exist nowhere else. */
export const sampleStaffPassword = 'local-only-sample-staff';

export class SampleStaffRefused extends Error {}

/**
 * Makes the sample staff accounts (confirmed, with the sample password) and their staff rows, on
 * the local stack only: any sign of production, or a Supabase or database address that is not on
 * this machine, refuses before anything is written. Accounts that exist already are left as they
 * are, so a second `npm start` keeps whatever was changed (an enrolled authenticator app included).
 */
export async function seedSampleStaff(config: ScriptConfig, env: Record<string, string | undefined> = process.env): Promise<SampleStaff[]> {
  const production = productionReason({ ...env, PUBLIC_SITE_URL: config.PUBLIC_SITE_URL });
  if (production || !isLocalUrl(config.PUBLIC_SUPABASE_URL) || !localChecks.postgres(config.DATABASE_URL))
    throw new SampleStaffRefused(
      `Sample staff accounts are made only on the local stack (${production ?? `Supabase is ${config.PUBLIC_SUPABASE_URL}`}); invite real staff with npm run staff:invite.`,
    );
  const teamIds = new Map(sampleData.places.teams.map((team) => [team.name, team.id]));
  const admin = createClient(config.PUBLIC_SUPABASE_URL, config.SUPABASE_SECRET_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const db = await connect(config.DATABASE_URL);
  try {
    for (const person of sampleStaff) {
      const { rows } = await db.query<{ id: string }>('select id from auth.users where lower(email) = lower($1)', [person.email]);
      let userId = rows[0]?.id;
      if (!userId) {
        const { data, error } = await admin.auth.admin.createUser({
          email: person.email,
          password: sampleStaffPassword,
          email_confirm: true,
          user_metadata: { display_name: person.display_name },
        });
        if (error) throw new Error(`The sample account ${person.email} was not made: ${error.message}`);
        userId = data.user.id;
      }
      await db.query(
        `insert into public.staff_members (user_id, role, team_id, display_name) values ($1, $2, $3, $4) on conflict (user_id) do nothing`,
        [userId, person.role, person.team ? (teamIds.get(person.team) ?? null) : null, person.display_name],
      );
    }
  } finally {
    await db.end();
  }
  return sampleStaff;
}
