import type pg from 'pg';
import { connect } from '../../src/lib/oruk/db.ts';
import { isLocalUrl, localChecks, productionReason } from '../../src/lib/local-defaults-guard.ts';
import { sampleCasework } from '../../src/lib/sample-data/casework.ts';
import { sampleStaff } from '../../src/lib/sample-data/staff.ts';
import type { ScriptConfig } from './config.ts';

export class SampleCaseworkRefused extends Error {}

export interface CaseworkCounts {
  plans: number;
  wellbeing: number;
  topUps: number;
  spends: number;
}

interface Actor {
  user_id: string;
  role: string;
  team_id: string | null;
  display_name: string;
}

/** Runs one of the casework functions as a member of staff signed in with a second factor, as the workspace would. */
async function as<T>(db: pg.Client, actor: Actor, sql: string, params: unknown[]): Promise<T> {
  await db.query('begin');
  try {
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: actor.user_id, role: 'authenticated', aal: 'aal2' }),
    ]);
    const { rows } = await db.query<{ result: T }>(sql, params);
    await db.query('commit');
    return rows[0]!.result;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/**
 * FICTIONAL SAMPLE DATA on the local stack: gives referrals that have no plan yet (whichever
 * exist: the sample referrals, or ones made while trying the product) a plan with two directory
 * services and wellbeing at the start (and at review for every other one), and each team of a
 * sample link worker a fund with a top-up and a £45 spend on one of its referrals. Everything goes
 * through the same security definer functions the workspace calls, as the sample link worker,
 * coordinator or admin, so the timeline records it. Safe to repeat: what exists is left alone.
 */
export async function seedSampleCasework(
  config: ScriptConfig,
  env: Record<string, string | undefined> = process.env,
  options: { onlyReferrals?: string[]; maxReferrals?: number } = {},
): Promise<CaseworkCounts> {
  const production = productionReason({ ...env, PUBLIC_SITE_URL: config.PUBLIC_SITE_URL });
  if (production || !isLocalUrl(config.PUBLIC_SUPABASE_URL) || !localChecks.postgres(config.DATABASE_URL))
    throw new SampleCaseworkRefused(
      `Sample plans and funds are made only on the local stack (${production ?? `Supabase is ${config.PUBLIC_SUPABASE_URL}`}).`,
    );
  const counts: CaseworkCounts = { plans: 0, wellbeing: 0, topUps: 0, spends: 0 };
  const db = await connect(config.DATABASE_URL);
  try {
    const { rows: staff } = await db.query<Actor>(
      `select s.user_id, s.role, s.team_id, s.display_name from public.staff_members s join auth.users u on u.id = s.user_id
       where s.active and lower(u.email) = any($1::text[]) order by u.email`,
      [sampleStaff.map((s) => s.email.toLowerCase())],
    );
    const admin = staff.find((s) => s.role === 'admin');
    const linkWorkers = staff.filter((s) => s.role === 'link_worker' && s.team_id);
    const coordinators = staff.filter((s) => s.role === 'coordinator' && s.team_id);
    const { rows: coordinated } = await db.query<{ team_id: string; pcn_id: string }>(
      `select team_id, pcn_id from public.team_pcns where team_id = any($1::uuid[])`,
      [coordinators.map((c) => c.team_id)],
    );

    // Funds: each team with a sample link worker or coordinator, topped up by its coordinator or the admin.
    for (const teamId of new Set([...linkWorkers, ...coordinators].map((s) => s.team_id!))) {
      const { rows } = await db.query(`select 1 from public.team_fund_entries where team_id = $1 limit 1`, [teamId]);
      const topper = coordinators.find((c) => c.team_id === teamId) ?? admin;
      if (rows.length || !topper) continue;
      const { amount_pence, purpose, approved_by } = sampleCasework.topUp;
      await as(db, topper, `select public.top_up_team_fund($1, $2, $3, $4) as result`, [teamId, amount_pence, purpose, approved_by]);
      counts.topUps++;
    }

    const { rows: referrals } = await db.query<{ id: string; team_id: string; pcn_id: string; needs: string[] }>(
      `select r.id, r.team_id, r.pcn_id, r.needs from public.referrals r
       where not exists (select 1 from public.referral_plans p where p.referral_id = r.id)
         and r.status not in ('declined', 'withdrawn')
         and ($1::uuid[] is null or r.id = any($1::uuid[]))
       order by r.created_at, r.id`,
      [options.onlyReferrals ?? null],
    );
    const spentTeams = new Set(
      (await db.query<{ team_id: string }>(`select distinct team_id from public.team_fund_entries where kind = 'spend'`)).rows.map(
        (r) => r.team_id,
      ),
    );
    let index = 0;
    for (const referral of referrals) {
      if (index >= (options.maxReferrals ?? 12)) break;
      const worker = linkWorkers.find((w) => w.team_id === referral.team_id);
      const coordinator = coordinators.find((c) => coordinated.some((t) => t.team_id === c.team_id && t.pcn_id === referral.pcn_id));
      const actor = worker ?? coordinator;
      if (!actor) continue;
      const plan = sampleCasework.plans[index % sampleCasework.plans.length]!;
      await as(db, actor, `select public.save_referral_plan($1, $2, $3) as result`, [referral.id, plan.what_matters, plan.goals]);
      // Two published services, those meeting the referral's needs first.
      const { rows: services } = await db.query<{ id: string }>(
        `select s.id from public.services s
         where s.published
         order by exists (select 1 from public.service_taxonomies st join public.taxonomy_terms t on t.id = st.taxonomy_term_id
                          where st.service_id = s.id and t.code = any($1::text[])) desc,
                  md5(s.id || $2) limit 2`,
        [referral.needs, referral.id],
      );
      for (const [i, service] of services.entries()) {
        const review = new Date(Date.now() + (28 + 14 * i) * 86_400_000).toISOString().slice(0, 10);
        await as(db, actor, `select public.add_plan_service($1, $2, $3, $4::date) as result`, [
          referral.id,
          service.id,
          i === 0 ? 'attending' : 'referred',
          review,
        ]);
      }
      const [life, worthwhile, happiness, anxiety] = sampleCasework.wellbeing.start;
      await as(db, actor, `select public.record_wellbeing($1, 'start', $2, $3, $4, $5) as result`, [
        referral.id,
        life,
        worthwhile,
        happiness,
        anxiety,
      ]);
      counts.wellbeing++;
      if (index % 2 === 0) {
        const [l, w, h, a] = sampleCasework.wellbeing.review;
        await as(db, actor, `select public.record_wellbeing($1, 'review', $2, $3, $4, $5) as result`, [referral.id, l, w, h, a]);
        counts.wellbeing++;
      }
      if (worker && !spentTeams.has(referral.team_id)) {
        const { amount_pence, purpose, supplier, approved_by } = sampleCasework.spend;
        const { rows: funded } = await db.query(`select 1 from public.team_funds where team_id = $1 and balance_pence >= $2`, [
          referral.team_id,
          amount_pence,
        ]);
        if (funded.length) {
          await as(db, worker, `select public.record_fund_spend($1, $2, $3, $4, $5) as result`, [
            referral.id,
            amount_pence,
            purpose,
            supplier,
            approved_by,
          ]);
          spentTeams.add(referral.team_id);
          counts.spends++;
        }
      }
      counts.plans++;
      index++;
    }
  } finally {
    await db.end();
  }
  return counts;
}
